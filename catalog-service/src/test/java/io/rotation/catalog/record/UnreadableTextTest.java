package io.rotation.catalog.record;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text the database cannot hold (NUL) or that is not text at all (invalid UTF-8, broken escapes) is a
 * 400 naming where it was, from the platform, before any query runs: never a 500.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class UnreadableTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"%00", "Svek%00", "%FF", "%C3%28"})
    void aQueryParameterThatIsNotTextIsABadRequestNamingIt(String raw) {
        given().urlEncodingEnabled(false).get("/api/v1/records?label=" + raw)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("label"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "1%00", "%FF"})
    void aPathSegmentThatIsNotTextIsABadRequest(String raw) {
        given().urlEncodingEnabled(false).get("/api/v1/records/" + raw)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "application/", "/json"})
    void aContentTypeThatIsNoMediaTypeIsUnsupported(String contentType) {
        // imports consume several media types: matching among them must not fail on the header
        given().auth().oauth2(TestTokens.admin(TestTokens.newUserId())).header("Content-Type", contentType)
                .body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports").then().statusCode(415).contentType("application/problem+json")
                .body("errors[0].field", equalTo("content-type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"path\": \"a\\u0000b\"}", "{\"path\": \"\\u0000\"}"})
    void aNulCharacterInAJsonStringIsABadRequestNamingTheField(String body) {
        given().auth().oauth2(TestTokens.admin(TestTokens.newUserId())).contentType("application/json").body(body)
                .post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("path"))
                .body("errors[0].message", equalTo("must not contain NUL characters"));
    }
}
