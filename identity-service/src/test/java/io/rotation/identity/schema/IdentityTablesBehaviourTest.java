package io.rotation.identity.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Triggers, delete rules, checks and token encryption of the identity schema, straight in SQL. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class IdentityTablesBehaviourTest {

    @Test
    void aDiscogsTokenRoundTripsThroughPgcryptoAndIsNotStoredAsPlainText() {
        long userId = newUser();
        String discogsName = "dg" + unique();
        String token = "tok-" + UUID.randomUUID();
        String secret = "sec-" + UUID.randomUUID();
        String key = "test-key-" + UUID.randomUUID();
        TestDatabase.update("""
                insert into discogs_tokens (user_id, username, token, token_secret, key_version)
                values (?, ?, pgp_sym_encrypt(?, ?), pgp_sym_encrypt(?, ?), 1)""",
                userId, discogsName, token, key, secret, key);

        Map<String, Object> row = TestDatabase.rows("""
                select token, token_secret, pgp_sym_decrypt(token, ?) as token_plain,
                       pgp_sym_decrypt(token_secret, ?) as secret_plain,
                       position(convert_to(?, 'UTF8') in token) as token_at,
                       position(convert_to(?, 'UTF8') in token_secret) as secret_at
                from discogs_tokens where username = ?""", key, key, token, secret, discogsName).get(0);
        assertThat(row.get("token_plain")).isEqualTo(token);
        assertThat(row.get("secret_plain")).isEqualTo(secret);
        assertThat(((Number) row.get("token_at")).intValue()).isZero();
        assertThat(((Number) row.get("secret_at")).intValue()).isZero();
        assertThat(new String((byte[]) row.get("token"), StandardCharsets.ISO_8859_1)).doesNotContain(token);
        assertThat(new String((byte[]) row.get("token_secret"), StandardCharsets.ISO_8859_1)).doesNotContain(secret);

        // the wrong key does not open it
        assertThatThrownBy(() -> TestDatabase.rows("select pgp_sym_decrypt(token, 'wrong') from discogs_tokens where username = ?",
                discogsName)).hasStackTraceContaining("Wrong key");
    }

    @Test
    void aPlainTextTokenIsRefused() {
        long userId = newUser();
        assertThatThrownBy(() -> TestDatabase.update("""
                insert into discogs_tokens (user_id, username, token, token_secret)
                values (?, ?, convert_to('a-plain-text-oauth-token', 'UTF8'), pgp_sym_encrypt('s', 'k'))""",
                userId, "dg" + unique())).hasStackTraceContaining("ck_discogs_tokens_token_encrypted");
    }

    @Test
    void oneTokenPerUserAndPerDiscogsUsername() {
        long userId = newUser();
        String name = "dg" + unique();
        insertToken(userId, name);
        assertThatThrownBy(() -> insertToken(userId, "dg" + unique())).hasStackTraceContaining("uq_discogs_tokens_user_id");
        assertThatThrownBy(() -> insertToken(newUser(), name)).hasStackTraceContaining("uq_discogs_tokens_username");
    }

    @Test
    void anUpdateMovesUpdatedAt() throws Exception {
        long userId = newUser();
        long storeId = newStore(userId);
        Timestamp userBefore = updatedAt("users", userId);
        Timestamp storeBefore = updatedAt("stores", storeId);
        Thread.sleep(20);
        TestDatabase.update("update users set bio = 'digs dub' where id = ?", userId);
        TestDatabase.update("update stores set city = 'Bristol' where id = ?", storeId);
        assertThat(updatedAt("users", userId)).isAfter(userBefore);
        assertThat(updatedAt("stores", storeId)).isAfter(storeBefore);
    }

    @Test
    void deletingTheOwnerKeepsTheStoreAndDropsTheirManagerRowsAndToken() {
        long owner = newUser();
        long manager = newUser();
        long storeId = newStore(owner);
        TestDatabase.update("insert into store_managers (store_id, user_id, role, added_by) values (?, ?, 'owner', ?)",
                storeId, owner, owner);
        TestDatabase.update("insert into store_managers (store_id, user_id, role, added_by) values (?, ?, 'manager', ?)",
                storeId, manager, owner);
        insertToken(owner, "dg" + unique());

        TestDatabase.update("delete from users where id = ?", owner);

        assertThat(TestDatabase.rows("select owner_user_id from stores where id = ?", storeId).get(0).get("owner_user_id"))
                .isNull();
        assertThat(TestDatabase.count("select count(*) from store_managers where store_id = ? and user_id = ?", storeId, owner))
                .isZero();
        assertThat(TestDatabase.rows("select added_by from store_managers where store_id = ? and user_id = ?",
                storeId, manager).get(0).get("added_by")).isNull();
        assertThat(TestDatabase.count("select count(*) from discogs_tokens where user_id = ?", owner)).isZero();

        TestDatabase.update("delete from stores where id = ?", storeId);
        assertThat(TestDatabase.count("select count(*) from store_managers where store_id = ?", storeId)).isZero();
    }

    @Test
    void aUserManagesAStoreOnce() {
        long user = newUser();
        long storeId = newStore(user);
        TestDatabase.update("insert into store_managers (store_id, user_id) values (?, ?)", storeId, user);
        assertThatThrownBy(() -> TestDatabase.update("insert into store_managers (store_id, user_id) values (?, ?)",
                storeId, user)).hasStackTraceContaining("uq_store_managers_store_id_user_id");
    }

    @Test
    void storeChecksHold() {
        long user = newUser();
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into stores (slug, name, owner_user_id, latitude, longitude) values (?, 'S', ?, 91, 0)",
                "s-" + unique(), user)).hasStackTraceContaining("ck_stores_latitude");
        assertThatThrownBy(() -> TestDatabase.update("insert into stores (slug, name) values (?, 'S')",
                "Not A Slug " + unique())).hasStackTraceContaining("ck_stores_slug");
        assertThatThrownBy(() -> TestDatabase.update("update users set failed_login_count = -1 where id = ?", user))
                .hasStackTraceContaining("ck_users_failed_login_count");
    }

    @Test
    void aStoreIsPendingUntilApproved() {
        long storeId = newStore(newUser());
        assertThat(TestDatabase.rows("select status::text as status from stores where id = ?", storeId).get(0).get("status"))
                .isEqualTo("pending");
    }

    private static void insertToken(long userId, String discogsName) {
        TestDatabase.update("""
                insert into discogs_tokens (user_id, username, token, token_secret)
                values (?, ?, pgp_sym_encrypt('t', 'k'), pgp_sym_encrypt('s', 'k'))""", userId, discogsName);
    }

    private static long newUser() {
        String name = "u" + unique();
        return ((Number) TestDatabase.rows("""
                insert into users (email, username, password_hash) values (?, ?, 'x') returning id""",
                name + "@example.org", name).get(0).get("id")).longValue();
    }

    private static long newStore(long ownerId) {
        return ((Number) TestDatabase.rows("""
                insert into stores (slug, name, owner_user_id, discogs_username) values (?, 'Test store', ?, ?) returning id""",
                "store-" + unique(), ownerId, "dgs" + unique()).get(0).get("id")).longValue();
    }

    private static Timestamp updatedAt(String table, long id) {
        return (Timestamp) TestDatabase.rows("select updated_at from " + table + " where id = ?", id).get(0).get("updated_at");
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
