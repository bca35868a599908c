package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the gateway answers itself (nothing routed, a request it cannot parse or will not carry, a
 * service that is down) is application/problem+json like the services' answers, never nginx's HTML.
 * Requests are written to the socket as bytes: HTTP clients refuse to send most of them.
 */
class GatewayErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUnroutedPathIsANotFoundProblem() throws IOException {
        assertProblem(send(gateway(), get("/api/v1/nowhere")), 404, "not-found");
        assertProblem(send(gateway(), get("/_gateway_errors/502")), 404, "not-found");
    }

    @Test
    void aMalformedRequestIsABadRequestProblem() throws IOException {
        assertProblem(send(gateway(), get("/api/v1/records/%zz")), 400, "malformed-request");
        assertProblem(send(gateway(), get("/api/v1/records/%00")), 400, "malformed-request");
        assertProblem(send(gateway(), get("/api/v1/records?label=%zz")), 400, "malformed-request");
        assertProblem(send(gateway(), get("/api/v1/records?label=Svek&q=%")), 400, "malformed-request");
        assertProblem(send(gateway(), "GARBAGE\r\n\r\n"), 400, "malformed-request");
        assertProblem(send(gateway(), "GET /api/v1/records HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"),
                400, "malformed-request");
        assertProblem(send(gateway(), "GET /api/v1/records HTTP/9.9\r\nHost: x\r\n\r\n"),
                505, "http-version-not-supported");
    }

    @Test
    void aUriOrHeaderTooLongIsAProblem() throws IOException {
        assertProblem(send(gateway(), get("/api/v1/records?q=" + "a".repeat(10_000))), 414, "uri-too-long");
        assertProblem(send(gateway(), "GET /api/v1/records HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(10_000)
                + "\r\nConnection: close\r\n\r\n"), 431, "header-too-large");
    }

    @Test
    void aBodyTooLargeIsAPayloadTooLargeProblem() throws IOException {
        String request = "POST /api/v1/plays/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (21L << 20) + "\r\nConnection: close\r\n\r\n";
        assertProblem(send(gateway(), request), 413, "payload-too-large");
    }

    @Test
    void aServiceThatIsDownIsABadGatewayProblem() throws Exception {
        // the repository's gateway configuration, on free ports, in front of services that are not there
        int port = freePort();
        // nginx's workers (nobody, under a root master) keep the page cache under the prefix: they must enter it
        Path prefix = Files.createTempDirectory("rotation-gateway-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createDirectories(prefix.resolve("nginx"));
        Files.createDirectories(prefix.resolve("pids"));
        Files.createDirectories(prefix.resolve("logs"));
        String conf = Files.readString(repoRoot().resolve("deploy/gateway/nginx.conf"))
                .replace("listen 127.0.0.1:8080;", "listen 127.0.0.1:" + port + ";");
        for (int service = 8081; service <= 8086; service++) {
            conf = conf.replace("server 127.0.0.1:" + service + ";", "server 127.0.0.1:" + freePort() + ";");
        }
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process nginx = new ProcessBuilder(nginx(), "-p", prefix.resolve("nginx") + "/", "-c", confFile.toString(),
                "-e", prefix.resolve("logs/error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/out.log").toFile()).start();
        try {
            URI down = URI.create("http://127.0.0.1:" + port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!listening(port) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            for (String path : new String[] {"/api/v1/records", "/api/v1/plays", "/api/v1/auth/login",
                    "/api/v1/stats/me", "/api/v1/settings", "/api/v1/matches", "/graphql"}) {
                assertProblem(send(down, get(path)), 502, "bad-gateway");
            }
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void assertProblem(RawHttp.Response response, int status, String type) throws IOException {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.header("content-type")).as(response.raw()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://rotation.dev/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    }

    private static URI gateway() {
        return URI.create(Gateway.URL);
    }

    /** Sends the request exactly as written (it ends with its blank line). */
    private static RawHttp.Response send(URI to, String request) throws IOException {
        return RawHttp.send(to, request.substring(0, request.length() - 4), null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String nginx() {
        for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "nginx";
    }

    private static Path repoRoot() {
        return Path.of(System.getProperty("rotation.repo.root", "..")).toAbsolutePath().normalize();
    }
}
