package io.rotation.identity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.SchemaCatalog;
import io.rotation.platform.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The identity layer of the seed, as the catalog sees it. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class SchemaConformanceTest {

    private static final Set<String> PLATFORM_TABLES = Set.of("time_partitioned_table", "outbox_event", "processed_event");

    private final SchemaCatalog catalog = SchemaCatalog.ofService();

    @Test
    void hasEveryTableOfTheIdentityLayer() {
        assertThat(catalog.tables()).contains("users", "stores", "store_managers", "discogs_tokens");
    }

    @Test
    void hasTheEnumsWithTheirFullLists() {
        assertThat(catalog.enumValues("user_role")).containsExactly("admin", "store_manager", "general_user");
        assertThat(catalog.enumValues("store_status")).containsExactly("active", "pending", "suspended", "inactive");
    }

    @Test
    void hasTheNamedIndexes() {
        assertThat(catalog.indexes()).contains(
                "idx_users_email", "idx_users_username", "idx_users_role", "idx_users_is_active",
                "idx_stores_slug", "idx_stores_discogs_username", "idx_stores_status", "idx_stores_owner_user_id",
                "idx_store_managers_user_id", "uq_store_managers_store_id_user_id",
                "uq_discogs_tokens_username", "uq_discogs_tokens_user_id");
    }

    @Test
    void usersEmailAndUsernameAreUniqueWithoutRegardToCase() {
        // expression indexes on lower(...): the catalog's column lists do not show them, their definitions do
        assertThat(indexDefinition("idx_users_email")).startsWith("CREATE UNIQUE INDEX").contains("lower((email)");
        assertThat(indexDefinition("idx_users_username")).startsWith("CREATE UNIQUE INDEX")
                .contains("lower((username)");
    }

    @Test
    void hasTheUniqueKeys() {
        assertThat(catalog.uniqueKeys("stores")).contains("slug", "discogs_username");
        assertThat(catalog.uniqueKeys("store_managers")).contains("store_id,user_id");
        assertThat(catalog.uniqueKeys("discogs_tokens")).contains("username", "user_id");
    }

    @Test
    void hasTheForeignKeysWithTheirDeleteRules() {
        assertThat(catalog.foreignKeys("stores")).containsExactlyInAnyOrder("owner_user_id -> users (SET NULL)");
        assertThat(catalog.foreignKeys("store_managers")).containsExactlyInAnyOrder(
                "store_id -> stores (CASCADE)", "user_id -> users (CASCADE)", "added_by -> users (SET NULL)");
        assertThat(catalog.foreignKeys("discogs_tokens")).containsExactlyInAnyOrder("user_id -> users (CASCADE)");
        assertThat(catalog.foreignKeySchemasOutside()).isEmpty();
    }

    @Test
    void hasTheCheckConstraints() {
        assertThat(checkNames("users")).contains("ck_users_username", "ck_users_email", "ck_users_bio_length",
                "ck_users_failed_login_count", "ck_users_locale", "ck_users_avatar_url");
        assertThat(checkNames("stores")).contains("ck_stores_slug", "ck_stores_email", "ck_stores_country_code",
                "ck_stores_currency", "ck_stores_latitude", "ck_stores_longitude", "ck_stores_location",
                "ck_stores_discogs_sync");
        assertThat(checkNames("store_managers")).contains("ck_store_managers_role");
        assertThat(checkNames("discogs_tokens")).contains("ck_discogs_tokens_key_version",
                "ck_discogs_tokens_token_encrypted", "ck_discogs_tokens_token_secret_encrypted");
        assertThat(String.join("\n", catalog.checks("users"))).contains("failed_login_count >= 0");
        assertThat(String.join("\n", catalog.checks("stores")))
                .contains("latitude >= ('-90'").contains("longitude <= (180)");
        assertThat(String.join("\n", catalog.checks("store_managers"))).contains("'owner'", "'manager'", "'staff'");
        assertThat(String.join("\n", catalog.checks("discogs_tokens")))
                .contains("key_version > 0").contains("get_byte(token, 0) = 195")
                .contains("get_byte(token_secret, 0) = 195");
    }

    @Test
    void everyTableWithUpdatedAtHasTheTrigger() {
        assertThat(catalog.tablesWithUpdatedAt()).contains("users", "stores", "store_managers", "discogs_tokens");
        for (String table : catalog.tablesWithUpdatedAt()) {
            if (PLATFORM_TABLES.contains(table)) {
                continue; // the platform's own registry, not this layer's (reported to the platform)
            }
            assertThat(catalog.triggers(table)).as(table).contains("trg_" + table + "_updated_at");
        }
    }

    @Test
    void hasTheFunctionsItRelies() {
        assertThat(catalog.functions()).contains("update_updated_at_column", "pgp_sym_encrypt", "pgp_sym_decrypt");
    }

    @Test
    void hasTheRefreshTokensTable() {
        assertThat(catalog.tables()).contains("refresh_tokens");
        assertThat(catalog.uniqueKeys("refresh_tokens")).contains("token_hash");
        assertThat(catalog.foreignKeys("refresh_tokens")).containsExactly("user_id -> users (CASCADE)");
        assertThat(catalog.indexes()).contains("idx_refresh_tokens_user_id", "idx_refresh_tokens_family_id",
                "idx_refresh_tokens_expires_at", "uq_refresh_tokens_token_hash");
        assertThat(checkNames("refresh_tokens")).contains("ck_refresh_tokens_token_hash", "ck_refresh_tokens_expires_at");
    }

    private static List<String> checkNames(String table) {
        return TestDatabase.rows("""
                select c.conname from pg_constraint c join pg_class t on t.oid = c.conrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = 'identity' and t.relname = ? and c.contype = 'c'""", table)
                .stream().map(r -> (String) r.get("conname")).toList();
    }

    private static String indexDefinition(String name) {
        return (String) TestDatabase.rows("select indexdef from pg_indexes where schemaname = 'identity' and indexname = ?",
                name).get(0).get("indexdef");
    }
}
