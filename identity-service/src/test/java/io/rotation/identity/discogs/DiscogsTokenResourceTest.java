package io.rotation.identity.discogs;

import static io.restassured.RestAssured.given;
import static io.rotation.identity.IdentityFixture.account;
import static io.rotation.identity.IdentityFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.rotation.identity.IdentityFixture.Account;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class DiscogsTokenResourceTest {

    @Test
    void theTokenIsStoredEncryptedAndNeverShownInAResponseOrALogLine() {
        Account user = account();
        String token = "dgtok" + UUID.randomUUID().toString().replace("-", "");
        String secret = "dgsec" + UUID.randomUUID().toString().replace("-", "");
        String discogsName = "dg" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> responses = new ArrayList<>();
        List<String> logs = captureLogs(() -> {
            Response put = as(user.token()).contentType(ContentType.JSON)
                    .body(Map.of("token", token, "token_secret", secret, "username", discogsName))
                    .put("/api/v1/users/me/discogs-token");
            put.then().statusCode(204);
            responses.add(put.asString());
            Response get = as(user.token()).get("/api/v1/users/me/discogs-token");
            get.then().statusCode(200).body("is_set", equalTo(true)).body("username", equalTo(discogsName))
                    .body("updated_at", notNullValue());
            responses.add(get.asString());
            responses.add(as(user.token()).get("/api/v1/users/me").then().statusCode(200).extract().asString());
            // a rejected request carrying the token does not echo or log it either
            Response bad = as(user.token()).contentType(ContentType.JSON)
                    .body(Map.of("token", token, "token_secret", "", "username", discogsName))
                    .put("/api/v1/users/me/discogs-token");
            bad.then().statusCode(400);
            responses.add(bad.asString());
        });
        assertThat(logs).contains("log capture started"); // the capture works
        for (String line : logs) {
            assertThat(line).doesNotContain(token).doesNotContain(secret);
        }
        for (String body : responses) {
            assertThat(body).doesNotContain(token).doesNotContain(secret);
        }

        var row = TestDatabase.rows("select token, token_secret, key_version from discogs_tokens where user_id = ?", user.id())
                .get(0);
        for (String column : List.of("token", "token_secret")) {
            byte[] raw = (byte[]) row.get(column);
            assertThat(raw[0]).isEqualTo((byte) 0xC3);
            assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(token).doesNotContain(secret);
        }
        assertThat(((Number) row.get("key_version")).intValue())
                .isEqualTo(ConfigProvider.getConfig().getValue("rotation.discogs.token-key-version", Integer.class));
        String key = ConfigProvider.getConfig().getValue("rotation.discogs.token-key", String.class);
        var plain = TestDatabase.rows("select pgp_sym_decrypt(token, ?) as t, pgp_sym_decrypt(token_secret, ?) as s"
                + " from discogs_tokens where user_id = ?", key, key, user.id()).get(0);
        assertThat(plain.get("t")).isEqualTo(token);
        assertThat(plain.get("s")).isEqualTo(secret);

        // replaced by a PUT without a secret
        as(user.token()).contentType(ContentType.JSON).body(Map.of("token", "other-" + token))
                .put("/api/v1/users/me/discogs-token").then().statusCode(204);
        var replaced = TestDatabase.rows("select pgp_sym_decrypt(token, ?) as t, token_secret, username"
                + " from discogs_tokens where user_id = ?", key, user.id()).get(0);
        assertThat(replaced.get("t")).isEqualTo("other-" + token);
        assertThat(replaced.get("token_secret")).isNull();
        as(user.token()).get("/api/v1/users/me/discogs-token").then().statusCode(200)
                .body("is_set", equalTo(true)).body("username", nullValue());
    }

    @Test
    void deleteRemovesTheToken() {
        Account user = account();
        as(user.token()).get("/api/v1/users/me/discogs-token").then().statusCode(200).body("is_set", equalTo(false))
                .body("username", nullValue()).body("updated_at", nullValue());
        as(user.token()).contentType(ContentType.JSON).body(Map.of("token", "t-" + UUID.randomUUID()))
                .put("/api/v1/users/me/discogs-token").then().statusCode(204);
        as(user.token()).delete("/api/v1/users/me/discogs-token").then().statusCode(204);
        as(user.token()).get("/api/v1/users/me/discogs-token").then().statusCode(200).body("is_set", equalTo(false));
        as(user.token()).delete("/api/v1/users/me/discogs-token").then().statusCode(204);
        assertThat(TestDatabase.count("select count(*) from discogs_tokens where user_id = ?", user.id())).isZero();
    }

    @Test
    void refusesInvalidOrAnonymousRequestsAndAUsernameLinkedElsewhere() {
        Account user = account();
        Account other = account();
        String discogsName = "dg" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        as(other.token()).contentType(ContentType.JSON).body(Map.of("token", "t-" + UUID.randomUUID(), "username", discogsName))
                .put("/api/v1/users/me/discogs-token").then().statusCode(204);
        for (Object[] bad : List.of(new Object[] {Map.of(), "token"}, new Object[] {Map.of("token", " "), "token"},
                new Object[] {Map.of("token", "t", "token_secret", ""), "token_secret"},
                new Object[] {Map.of("token", "t", "username", "not a name"), "username"},
                new Object[] {Map.of("token", "x".repeat(513)), "token"})) {
            as(user.token()).contentType(ContentType.JSON).body(bad[0]).put("/api/v1/users/me/discogs-token")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(bad[1]));
        }
        String token = "t-" + UUID.randomUUID();
        String conflict = as(user.token()).contentType(ContentType.JSON).body(Map.of("token", token, "username", discogsName))
                .put("/api/v1/users/me/discogs-token").then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("username")).extract().asString();
        assertThat(conflict).doesNotContain(token);
        Map<String, Object> body = new HashMap<>(Map.of("token", "t"));
        given().contentType(ContentType.JSON).body(body).put("/api/v1/users/me/discogs-token").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/v1/users/me/discogs-token").then().statusCode(401);
        given().delete("/api/v1/users/me/discogs-token").then().statusCode(401);
        assertThat(TestDatabase.count("select count(*) from discogs_tokens where user_id = ?", user.id())).isZero();
    }

    /** Runs the requests with a handler on the root logger (JBoss LogManager behind JUL) at every level. */
    static List<String> captureLogs(Runnable requests) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object p : record.getParameters()) {
                        line.append(' ').append(p);
                    }
                }
                if (record.getThrown() != null) {
                    line.append(' ').append(record.getThrown());
                }
                lines.add(line.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger app = Logger.getLogger("io.rotation");
        Level before = app.getLevel();
        app.setLevel(Level.ALL);
        root.addHandler(handler);
        try {
            Logger.getLogger("io.rotation.identity.discogs").info("log capture started");
            requests.run();
        } finally {
            root.removeHandler(handler);
            app.setLevel(before);
        }
        return List.copyOf(lines);
    }

}
