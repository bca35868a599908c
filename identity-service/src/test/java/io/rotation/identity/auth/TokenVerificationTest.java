package io.rotation.identity.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Only tokens this suite signed, for this issuer and audience and still valid, reach an endpoint. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class TokenVerificationTest {

    private static final String ME = "/api/v1/users/me";

    @Test
    void refusesExpiredForeignIssuerForeignAudienceWrongSignatureAndUnsignedTokens() throws Exception {
        long id = TestTokens.newUserId();
        // the control: a valid token gets past authentication (404: no such account)
        given().auth().oauth2(TestTokens.user(id)).get(ME).then().statusCode(404);

        refused(TestTokens.expired(id));
        refused(TestTokens.withIssuer(id, "https://evil.example.org/identity"));
        refused(TestTokens.withAudience(id, "https://another-api.example.org"));

        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreignKey = Jwt.issuer(TestTokens.ISSUER).subject(String.valueOf(id)).groups(Set.of("admin"))
                .expiresIn(Duration.ofMinutes(5)).sign(generator.generateKeyPair().getPrivate());
        refused(foreignKey);

        String valid = TestTokens.admin(id);
        String[] parts = valid.split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        refused(none);
        // a valid token's claims with someone else's payload: the signature no longer matches
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + id + "\"", "\"sub\":\"1\"");
        refused(parts[0] + "." + b64(payload) + "." + parts[2]);
        refused("not-a-jwt");
    }

    private static void refused(String token) {
        given().auth().oauth2(token).get(ME).then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
