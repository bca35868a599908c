package io.rotation.identity.discogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The Discogs token keys reach Postgres once per connection, as session settings of identity's own
 * sessions (start-up message), never inside a statement; other sessions do not see them.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class DiscogsKeySessionsTest {

    @Inject
    Pool pool;

    @Test
    void everySessionOfTheServiceHoldsTheKeysByVersion() {
        String current = ConfigProvider.getConfig().getValue("rotation.discogs.token-key", String.class);
        String previous = "test-only-discogs-token-key-not-a-secret";

        assertThat(setting("rotation.discogs_token_key_2")).isEqualTo(current);
        assertThat(setting("rotation.discogs_token_key_1")).isEqualTo(previous);
        assertThat(setting("rotation.discogs_token_key_3")).isNull();
    }

    @Test
    void aSessionOutsideTheServiceDoesNotSeeThem() {
        var rows = io.rotation.platform.testing.TestDatabase.rows(
                "select current_setting('rotation.discogs_token_key_2', true) as k");
        assertThat(rows.get(0).get("k")).isNull();
    }

    private String setting(String name) {
        return pool.preparedQuery("select current_setting($1, true) as v")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(name))
                .map(rows -> rows.iterator().next().getString("v"))
                .await().atMost(Duration.ofSeconds(10));
    }
}
