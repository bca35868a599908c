package io.rotation.identity.discogs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.identity.IdentityFixture;
import io.rotation.identity.discogs.model.DiscogsCredentials;
import io.rotation.identity.discogs.service.DiscogsTokenService;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Key rotation: the test profile runs with key version 2 current and version 1 as the previous key;
 * rows written under version 1 are re-encrypted in place and stay readable.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class DiscogsKeyRotationTest {

    static final String V1 = "test-only-discogs-token-key-not-a-secret";

    @Inject
    DiscogsTokenService tokens;

    @Test
    void reEncryptionMovesEveryVersionOneRowToTheCurrentKeyAndTheyStayReadable() {
        String v2 = ConfigProvider.getConfig().getValue("rotation.discogs.token-key", String.class);
        long withSecret = IdentityFixture.register(IdentityFixture.uniqueName());
        long withoutSecret = IdentityFixture.register(IdentityFixture.uniqueName());
        long foreign = IdentityFixture.register(IdentityFixture.uniqueName());
        String token = "tok-" + UUID.randomUUID();
        String secret = "sec-" + UUID.randomUUID();
        writeUnderVersionOne(withSecret, token, secret, V1);
        writeUnderVersionOne(withoutSecret, "other-" + token, null, V1);
        // a row that claims version 1 but was encrypted under some other key: it must not stop the run
        writeUnderVersionOne(foreign, "foreign-" + token, null, "a-key-this-service-never-had");
        // version 1 rows are readable before the rotation, with the previous key
        assertThat(tokens.credentials(withSecret).await().indefinitely()).isEqualTo(new DiscogsCredentials(token, secret));

        JsonPath result = given().auth().oauth2(TestTokens.admin(TestTokens.newUserId()))
                .post("/api/v1/admin/discogs-tokens/re-encrypt")
                .then().statusCode(200).extract().jsonPath();

        assertThat(result.getInt("current_key_version")).isEqualTo(2);
        assertThat(result.getLong("re_encrypted")).isGreaterThanOrEqualTo(2);
        assertThat(result.getLong("failed")).isGreaterThanOrEqualTo(1);
        assertThat(result.getLong("remaining")).isGreaterThanOrEqualTo(1);
        assertThat(versionOf(withSecret)).isEqualTo(2);
        assertThat(versionOf(withoutSecret)).isEqualTo(2);
        assertThat(versionOf(foreign)).isEqualTo(1);
        // readable with the current key, through the service and in SQL; no longer with the old one
        assertThat(tokens.credentials(withSecret).await().indefinitely()).isEqualTo(new DiscogsCredentials(token, secret));
        assertThat(tokens.credentials(withoutSecret).await().indefinitely())
                .isEqualTo(new DiscogsCredentials("other-" + token, null));
        var plain = TestDatabase.rows("select pgp_sym_decrypt(token, ?) as t, pgp_sym_decrypt(token_secret, ?) as s"
                + " from discogs_tokens where user_id = ?", v2, v2, withSecret).get(0);
        assertThat(plain.get("t")).isEqualTo(token);
        assertThat(plain.get("s")).isEqualTo(secret);
        assertThatThrownBy(() -> TestDatabase.rows("select pgp_sym_decrypt(token, ?) from discogs_tokens where user_id = ?",
                V1, withSecret)).hasStackTraceContaining("Wrong key");

        // a second run has nothing left to do for these rows
        given().auth().oauth2(TestTokens.admin(TestTokens.newUserId())).post("/api/v1/admin/discogs-tokens/re-encrypt")
                .then().statusCode(200);
        assertThat(versionOf(withSecret)).isEqualTo(2);
        assertThat(tokens.credentials(withSecret).await().indefinitely().token()).isEqualTo(token);
        TestDatabase.update("delete from discogs_tokens where user_id = ?", foreign);
    }

    @Test
    void onlyAdminsReEncrypt() {
        given().post("/api/v1/admin/discogs-tokens/re-encrypt").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).post("/api/v1/admin/discogs-tokens/re-encrypt")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void credentialsAreNeverPrinted() {
        assertThat(new DiscogsCredentials("tok-secret-value", "sec-value").toString())
                .doesNotContain("tok-secret-value").doesNotContain("sec-value");
    }

    private static void writeUnderVersionOne(long userId, String token, String secret, String key) {
        TestDatabase.update("insert into discogs_tokens (user_id, token, token_secret, key_version)"
                + " values (?, pgp_sym_encrypt(?, ?), case when ?::text is null then null else pgp_sym_encrypt(?, ?) end, 1)",
                userId, token, key, secret, secret, key);
    }

    private static int versionOf(long userId) {
        return (int) TestDatabase.count("select key_version from discogs_tokens where user_id = ?", userId);
    }
}
