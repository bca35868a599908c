package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The services `./rotation` started on this machine: killed like a crash, and started again. */
final class LocalServices {

    private LocalServices() {
    }

    /** SIGKILL, as a crash or the OOM killer would; returns once the process is gone. */
    static void kill(String service) throws IOException {
        Path pidFile = state().resolve("pids").resolve(service + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    /** `./rotation services up`: starts the services that are not running and waits until they are ready. */
    static void restart() throws IOException, InterruptedException {
        Process up = new ProcessBuilder(repoRoot().resolve("rotation").toString(), "services", "up")
                .directory(repoRoot().toFile()).inheritIO().start();
        assertThat(up.waitFor(240, TimeUnit.SECONDS)).as("services restart in time").isTrue();
        assertThat(up.exitValue()).isZero();
    }

    private static Path repoRoot() {
        return Path.of(System.getProperty("rotation.repo.root", "..")).toAbsolutePath().normalize();
    }

    private static Path state() {
        String state = System.getenv("ROTATION_STATE");
        return state != null ? Path.of(state) : repoRoot().resolve(".state");
    }
}
