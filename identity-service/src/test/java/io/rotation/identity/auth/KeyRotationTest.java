package io.rotation.identity.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.identity.IdentityFixture;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/**
 * Key rotation: the JWK Set publishes the signing key first and the retired keys after it, so a
 * token signed before the switch still verifies; a key never published does not.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class KeyRotationTest {

    private static final String ISSUER = "https://rotation.dev/identity";

    @Test
    void publishesTheSigningKeyFirstAndTheRetiredKeyAfterIt() throws Exception {
        List<Map<String, Object>> keys = given().get("/.well-known/jwks.json").then().statusCode(200)
                .extract().jsonPath().getList("keys");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).get("kid")).isNotEqualTo(keys.get(1).get("kid"));

        String issued = IdentityFixture.account().token();
        assertThat(kidOf(issued)).isEqualTo(keys.get(0).get("kid"));
        assertThat(verifier().processToClaims(issued).getIssuer()).isEqualTo(ISSUER);
    }

    @Test
    void aTokenSignedWithTheRetiredKeyStillVerifies() throws Exception {
        String retiredKid = given().get("/.well-known/jwks.json").then().extract().path("keys[1].kid");
        String old = Jwt.issuer(ISSUER).audience(TestTokens.AUDIENCE).subject("42").groups("general_user").expiresIn(Duration.ofMinutes(5))
                .jws().keyId(retiredKid).sign("keys/retired-signing-key.pem");
        assertThat(verifier().processToClaims(old).getSubject()).isEqualTo("42");
    }

    @Test
    void aTokenSignedWithAnUnpublishedKeyDoesNot() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(ISSUER).audience(TestTokens.AUDIENCE).subject("42").expiresIn(Duration.ofMinutes(5))
                .jws().keyId("unpublished").sign(generator.generateKeyPair().getPrivate());
        assertThatThrownBy(() -> verifier().processToClaims(forged)).isInstanceOf(InvalidJwtException.class);
    }

    private static JwtConsumer verifier() throws Exception {
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer(ISSUER).setExpectedAudience(TestTokens.AUDIENCE).setRequireExpirationTime().build();
    }

    private static String kidOf(String token) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        return jws.getKeyIdHeaderValue();
    }
}
