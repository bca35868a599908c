package io.rotation.catalog.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import io.rotation.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/v1/imports runs an import in the background; GET /api/v1/imports/{id} reports it. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ImportApiTest {

    private final long adminId = TestTokens.newUserId();
    private final String admin = TestTokens.admin(adminId);

    @Test
    void anAdminStartsAnImportAndFollowsItToCompletion() throws Exception {
        String path = resource("discogs/dump/crafted-releases.xml").toString();
        long id = given().auth().oauth2(admin).contentType("application/json").body(Map.of("path", path))
                .post("/api/v1/imports")
                .then().statusCode(202).body("status", equalTo("pending")).body("id", notNullValue())
                .extract().jsonPath().getLong("id");

        JsonPath run = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            run = given().auth().oauth2(admin).get("/api/v1/imports/" + id)
                    .then().statusCode(200).extract().jsonPath();
            if (!run.getString("status").equals("pending") && !run.getString("status").equals("running")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getLong("id")).isEqualTo(id);
        assertThat(run.getString("path")).isEqualTo(path);
        assertThat(run.getInt("releases_read")).isEqualTo(6);
        assertThat(run.getInt("releases_written")).isEqualTo(2);
        assertThat(run.getInt("releases_skipped")).isEqualTo(4);
        assertThat(run.getInt("tracks_written")).isEqualTo(6);
        assertThat(run.getList("skip_reasons", String.class)).hasSize(4)
                .contains("release abc: release id is not a number: abc");
        assertThat(run.getString("started_at")).isNotNull();
        assertThat(run.getString("finished_at")).isNotNull();
    }

    @Test
    void aFileOfTheImportDirectoryThatIsNotAReleasesDumpIsABadRequest() throws Exception {
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("path", resource("discogs/dump/not-a-dump.xml").toString()))
                .post("/api/v1/imports").then().statusCode(400)
                .body("detail", containsString("not a Discogs releases dump"));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of())
                .post("/api/v1/imports").then().statusCode(400);
    }

    @Test
    void aRelativePathIsReadFromTheImportDirectory() {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("path", "crafted-releases.xml"))
                .post("/api/v1/imports").then().statusCode(202);
    }

    @Test
    void everyPathOutsideTheImportDirectoryIsRefusedAlikeAndNothingIsQueued() throws Exception {
        Path directory = resource("discogs/dump");
        Path outside = Files.createTempDirectory("rotation-outside-");
        Path dumpOutside = Files.copy(directory.resolve("crafted-releases.xml"), outside.resolve("releases.xml"));
        Path link = directory.resolve("link-to-outside-" + UUID.randomUUID() + ".xml");
        Files.createSymbolicLink(link, dumpOutside);
        try {
            List<String> refused = List.of(
                    "/etc/shadow", "/etc/passwd", "/nonexistent/discogs_20200806_releases.xml.gz",
                    dumpOutside.toString(), "../../../pom.xml", "../dump/../../../pom.xml",
                    link.getFileName().toString(), link.toString(), directory.toString(), ".", "",
                    "missing-" + UUID.randomUUID() + ".xml");
            for (String path : refused) {
                given().auth().oauth2(admin).contentType("application/json")
                        .body("{\"path\": \"" + path + "\"}")
                        .post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json")
                        .body("errors[0].field", equalTo("path"))
                        .body("detail", equalTo("path: must name a readable releases dump inside the server's import directory"));
            }
            // a NUL byte: refused by the platform's JSON reading, naming the field
            for (String path : List.of("crafted-releases.xml\\u0000.gz", "\\u0000", "../\\u0000/etc/passwd")) {
                given().auth().oauth2(admin).contentType("application/json")
                        .body("{\"path\": \"" + path + "\"}")
                        .post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json")
                        .body("errors[0].field", equalTo("path"));
            }
            assertThat(TestDatabase.count("select count(*) from import_runs where requested_by = ?", adminId)).isZero();
        } finally {
            Files.deleteIfExists(link);
            Files.deleteIfExists(dumpOutside);
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void onlyAdminsImport() throws Exception {
        String path = resource("discogs/dump/crafted-releases.xml").toString();
        given().contentType("application/json").body(Map.of("path", path))
                .post("/api/v1/imports").then().statusCode(401);
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).contentType("application/json")
                .body(Map.of("path", path)).post("/api/v1/imports").then().statusCode(403);
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).get("/api/v1/imports/1")
                .then().statusCode(403);
    }

    @Test
    void unknownAndNonNumericIds() {
        given().auth().oauth2(admin).get("/api/v1/imports/" + Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).get("/api/v1/imports/abc").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ImportApiTest.class.getClassLoader().getResource(name).toURI());
    }
}
