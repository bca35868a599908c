package io.rotation.userfeatures.preference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class PreferencesResourceTest {

    @Test
    void answersTheDefaultsUntilTheUserSavesAny() {
        as(TestTokens.newUserId()).get("/api/v1/preferences").then().statusCode(200)
                .body("autoplay", equalTo(true)).body("audio_quality", equalTo("high"))
                .body("preferred_platforms.size()", equalTo(0)).body("updated_at", nullValue());
    }

    @Test
    void replacesWithPutAndChangesOnlyTheNamedFieldsWithPatch() {
        long user = TestTokens.newUserId();
        as(user).body(Map.of("preferred_platforms", List.of("bandcamp", "youtube"), "preferred_genres",
                        List.of("Jazz", "Dub"), "explicit_content", false, "theme", "dark"))
                .put("/api/v1/preferences").then().statusCode(200)
                .body("preferred_platforms", contains("bandcamp", "youtube")).body("theme", equalTo("dark"));
        as(user).body(Map.of("autoplay", false)).patch("/api/v1/preferences").then().statusCode(200)
                .body("autoplay", equalTo(false)).body("theme", equalTo("dark"))
                .body("preferred_genres", contains("Jazz", "Dub"));
        // PUT again: what it does not name goes back to the default
        as(user).body(Map.of("language", "pt-BR")).put("/api/v1/preferences").then().statusCode(200)
                .body("language", equalTo("pt-BR")).body("theme", equalTo("system")).body("autoplay", equalTo(true));
        as(user).body(Map.of("language", "pt-BR")).put("/api/v1/preferences").then().statusCode(200);
        // another user's document is untouched
        as(TestTokens.newUserId()).get("/api/v1/preferences").then().statusCode(200).body("language", equalTo("en"));
        assertThat(TestDatabase.count("select count(*) from user_preferences where user_id = ?", user)).isEqualTo(1);
    }

    @Test
    void namesEveryBadFieldAndWritesNothing() {
        long user = TestTokens.newUserId();
        as(user).body(Map.of("preferred_platforms", List.of("youtube", "napster", "youtube"), "autoplay", "yes",
                        "audio_quality", "ultra", "language", "English!", "colour", "red"))
                .patch("/api/v1/preferences").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("preferred_platforms[1]", "preferred_platforms[2]",
                        "autoplay", "audio_quality", "language", "colour"));
        as(user).body("[1, 2]").put("/api/v1/preferences").then().statusCode(400)
                .contentType("application/problem+json");
        as(user).body(Map.of("preferred_genres", List.of("x".repeat(65)))).put("/api/v1/preferences")
                .then().statusCode(400).body("errors[0].field", equalTo("preferred_genres[0]"));
        assertThat(TestDatabase.count("select count(*) from user_preferences where user_id = ?", user)).isZero();
    }

    private static RequestSpecification as(long user) {
        return given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON);
    }
}
