package io.rotation.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root folder, found upwards from the module a test runs in. */
public final class RepoRoot {

    private RepoRoot() {
    }

    public static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("rotation")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside a Rotation checkout: " + Path.of("").toAbsolutePath());
    }
}
