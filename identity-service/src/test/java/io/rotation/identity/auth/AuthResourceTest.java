package io.rotation.identity.auth;

import static io.restassured.RestAssured.given;
import static io.rotation.identity.IdentityFixture.PASSWORD;
import static io.rotation.identity.IdentityFixture.attempt;
import static io.rotation.identity.IdentityFixture.bootstrap;
import static io.rotation.identity.IdentityFixture.register;
import static io.rotation.identity.IdentityFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.json.RotationObjectMapper;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class AuthResourceTest {

    @Test
    void registersAUserWithoutEverShowingThePasswordAndAnnouncesIt() throws Exception {
        String name = uniqueName();
        try (KafkaTail tail = new KafkaTail(bootstrap(), Topics.IDENTITY_USERS)) {
            long id = given().contentType(ContentType.JSON)
                    .body(Map.of("email", name + "@example.org", "username", name, "password", PASSWORD))
                    .post("/api/v1/auth/register")
                    .then().statusCode(201)
                    .body("username", equalTo(name)).body("role", equalTo("general_user"))
                    .body("$", not(hasKey("password"))).body("$", not(hasKey("password_hash")))
                    .extract().jsonPath().getLong("id");

            var events = tail.await(r -> String.valueOf(id).equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            assertThat(CloudEventCodec.header(events.get(0).headers(), CloudEventHeaders.TYPE))
                    .isEqualTo(EventType.USER_REGISTERED.type());
            JsonNode data = RotationObjectMapper.create().readTree(events.get(0).value());
            assertThat(data.get("user_id").asLong()).isEqualTo(id);
            assertThat(data.get("username").asText()).isEqualTo(name);
            assertThat(new String(events.get(0).value())).doesNotContain(PASSWORD).doesNotContain("@example.org");
        }
        String hash = (String) TestDatabase.rows("select password_hash from users where username = ?", name)
                .get(0).get("password_hash");
        assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
    }

    @Test
    void refusesATakenUsernameOrEmailWhateverTheirCase() {
        String name = uniqueName();
        register(name);
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "other-" + name + "@example.org", "username", name.toUpperCase(),
                        "password", PASSWORD))
                .post("/api/v1/auth/register")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("username"));
        given().contentType(ContentType.JSON)
                .body(Map.of("email", name.toUpperCase() + "@EXAMPLE.org", "username", "x" + name,
                        "password", PASSWORD))
                .post("/api/v1/auth/register")
                .then().statusCode(409).body("errors.field", hasItem("email"));
        assertThat(TestDatabase.count("select count(*) from users where lower(username) like lower(?)",
                "%" + name)).isEqualTo(1);
    }

    @Test
    void rejectsInvalidRegistrationsNamingTheFieldAndWritesNothing() {
        String name = uniqueName();
        for (Object[] bad : List.of(
                new Object[] {Map.of("email", "not-an-email", "username", name, "password", PASSWORD), "email"},
                new Object[] {Map.of("email", name + "@example.org", "username", "a b", "password", PASSWORD),
                        "username"},
                new Object[] {Map.of("email", name + "@example.org", "username", name, "password", "short"),
                        "password"},
                new Object[] {Map.of("email", name + "@example.org", "username", name), "password"})) {
            given().contentType(ContentType.JSON).body(bad[0]).post("/api/v1/auth/register")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(bad[1]));
        }
        given().contentType(ContentType.JSON).body("{\"email\": ").post("/api/v1/auth/register")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(TestDatabase.count("select count(*) from users where username = ?", name)).isZero();
    }

    @Test
    void refusesAPasswordLongerThanBcryptHashesNamingIt() {
        String name = uniqueName();
        // 40 characters, 80 bytes in UTF-8: bcrypt would hash only the first 72 bytes
        String tooLong = "ü".repeat(40);
        given().contentType(ContentType.JSON)
                .body(Map.of("email", name + "@example.org", "username", name, "password", tooLong))
                .post("/api/v1/auth/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("password"))
                .body("errors.message", hasItem(containsString("72 bytes")));
        assertThat(TestDatabase.count("select count(*) from users where username = ?", name)).isZero();
    }

    @Test
    void aPasswordIsCheckedWholeNotByItsFirst72Bytes() {
        String name = uniqueName();
        String exactly72 = "p".repeat(72);
        given().contentType(ContentType.JSON)
                .body(Map.of("email", name + "@example.org", "username", name, "password", exactly72))
                .post("/api/v1/auth/register").then().statusCode(201);

        attempt(name, exactly72 + "anything").then().statusCode(401);
        attempt(name, exactly72).then().statusCode(200);
    }

    @Test
    void logsInByUsernameOrEmailWithATokenThatTheJwksVerifies() throws Exception {
        String name = uniqueName();
        long id = register(name);
        for (Map<String, String> credentials : List.of(Map.of("username", name, "password", PASSWORD),
                Map.of("email", name.toUpperCase() + "@example.org", "password", PASSWORD))) {
            var login = given().contentType(ContentType.JSON).body(credentials).post("/api/v1/auth/login")
                    .then().statusCode(200)
                    .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900))
                    .extract().jsonPath();
            JwtClaims claims = verifierFromJwks().processToClaims(login.getString("access_token"));
            assertThat(claims.getSubject()).isEqualTo(String.valueOf(id));
            assertThat(claims.getStringListClaimValue("groups")).containsExactly("general_user");
            assertThat(claims.getIssuer()).isEqualTo("https://rotation.dev/identity");
        }
    }

    @Test
    void refusesAWrongPasswordOrUnknownUserAlike() {
        String name = uniqueName();
        register(name);
        String wrong = attempt(name, "nope-nope-nope").then().statusCode(401).contentType("application/problem+json")
                .extract().path("detail");
        String unknown = attempt("ghost-" + name, PASSWORD).then().statusCode(401).extract().path("detail");
        assertThat(wrong).isEqualTo(unknown);
        given().contentType(ContentType.JSON).body(Map.of("password", PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(400).body("errors.field", hasItem("username_or_email"));
    }

    private static JwtConsumer verifierFromJwks() throws Exception {
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer("https://rotation.dev/identity")
                .setExpectedAudience(io.rotation.platform.testing.TestTokens.AUDIENCE)
                .setRequireExpirationTime()
                .build();
    }
}
