package io.rotation.catalog.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/imports with the dump in the request: a multipart part or the body, XML or gzip,
 * written to a temporary file (deleted when the run ends), at most the configured size (1 MB in tests).
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ImportUploadTest {

    private final String admin = TestTokens.admin(TestTokens.newUserId());

    @Test
    void aMultipartUploadIsImportedAndItsFileDeletedAfterwards() throws Exception {
        long id = given().auth().oauth2(admin)
                .multiPart("file", "crafted-releases.xml", crafted(), "application/xml")
                .post("/api/v1/imports").then().statusCode(202).body("status", equalTo("pending"))
                .extract().jsonPath().getLong("id");

        JsonPath run = awaitFinished(id);
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getString("source")).isEqualTo("upload");
        assertThat(run.getString("upload_name")).isEqualTo("crafted-releases.xml");
        assertThat(run.getInt("releases_read")).isEqualTo(6);
        assertThat(run.getInt("releases_written")).isEqualTo(2);
        assertThat(run.getInt("releases_skipped")).isEqualTo(4);
        assertThat(Files.exists(Path.of(run.getString("path")))).isFalse();
    }

    @Test
    void aGzipBodyIsImported() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(crafted());
        }
        long id = given().auth().oauth2(admin).contentType("application/gzip").body(gz.toByteArray())
                .post("/api/v1/imports").then().statusCode(202).extract().jsonPath().getLong("id");

        JsonPath run = awaitFinished(id);
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getInt("releases_written")).isEqualTo(2);
        assertThat(run.getInt("tracks_written")).isEqualTo(6);
        assertThat(Files.exists(Path.of(run.getString("path")))).isFalse();
    }

    @Test
    void anUploadThatIsNotADumpIsABadRequestNamingThePart() throws Exception {
        byte[] notADump = Files.readAllBytes(resource("discogs/dump/not-a-dump.xml"));
        given().auth().oauth2(admin).multiPart("file", "artists.xml", notADump, "application/xml")
                .post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        given().auth().oauth2(admin).contentType("application/xml").body(notADump)
                .post("/api/v1/imports").then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().auth().oauth2(admin).contentType("application/xml").body(new byte[0])
                .post("/api/v1/imports").then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void anUploadOverTheLimitIs413() {
        byte[] big = new byte[1_500_000]; // over the tests' 1 MB limit, under the HTTP layer's
        java.util.Arrays.fill(big, (byte) ' ');
        given().auth().oauth2(admin).contentType("application/xml").body(big)
                .post("/api/v1/imports").then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().auth().oauth2(admin).multiPart("file", "big.xml", big, "application/xml")
                .post("/api/v1/imports").then().statusCode(413).body("errors[0].field", equalTo("file"));
    }

    @Test
    void onlyAdminsUpload() throws Exception {
        given().contentType("application/xml").body(crafted()).post("/api/v1/imports").then().statusCode(401);
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId()))
                .multiPart("file", "crafted-releases.xml", crafted(), "application/xml")
                .post("/api/v1/imports").then().statusCode(403);
    }

    private JsonPath awaitFinished(long id) throws InterruptedException {
        JsonPath run = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            run = given().auth().oauth2(admin).get("/api/v1/imports/" + id).then().statusCode(200)
                    .extract().jsonPath();
            if (!run.getString("status").equals("pending") && !run.getString("status").equals("running")) {
                break;
            }
            Thread.sleep(200);
        }
        return run;
    }

    private static byte[] crafted() throws Exception {
        return Files.readAllBytes(resource("discogs/dump/crafted-releases.xml"));
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ImportUploadTest.class.getClassLoader().getResource(name).toURI());
    }
}
