package io.rotation.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service run from its built jar ({@code <service>/target/quarkus-app/quarkus-run.jar}, as
 * {@code ./rotation} runs it) as a process of the test's own, on a port of its own, configured by
 * system properties (which outrank the environment and the service's files). Its output goes to
 * {@code system-tests/target/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClients.http11(Duration.ofSeconds(1));
    private static final Pattern INCOMING = Pattern.compile("(?m)^mp\\.messaging\\.incoming\\.([^.=\\s]+)\\.connector=");

    private final String service;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String service, int port, Process process, Path log) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("rotation.repo.root", "..")).toAbsolutePath().normalize();
    }

    /** Starts {@code service}'s jar with these properties; {@code unset} names environment variables it must not see. */
    static ServiceProcess start(String service, String name, int port, Map<String, String> properties,
                                Set<String> unset) throws IOException {
        Path jar = repoRoot().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the services first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(repoRoot().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        unset.forEach(builder.environment()::remove);
        return new ServiceProcess(service, port, builder.start(), log);
    }

    /** The service's incoming Kafka channels, from its application.properties. */
    static Set<String> incomingChannels(String service) throws IOException {
        String properties = Files.readString(repoRoot().resolve(service).resolve("src/main/resources/application.properties"));
        Set<String> channels = new LinkedHashSet<>();
        Matcher m = INCOMING.matcher(properties);
        while (m.find()) {
            channels.add(m.group(1));
        }
        return channels;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String service() {
        return service;
    }

    Process process() {
        return process;
    }

    /** {@code GET /q/health/ready} answers 200 (UP). */
    boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until ready; fails with the end of the service's log when it is not in time or exited. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(service + " not ready after " + timeout
                        + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")") + ":\n" + logTail(60));
            }
            Thread.sleep(250);
        }
    }

    String logTail(int lines) throws IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM (Quarkus shuts down gracefully), SIGKILL after 15 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
