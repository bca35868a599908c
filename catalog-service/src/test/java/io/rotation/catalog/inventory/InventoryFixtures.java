package io.rotation.catalog.inventory;

import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stores, records and tokens for inventory tests. Stores go straight into catalog's stores
 * projection (the consumer has its own test); ids are random because the local database keeps
 * data between runs.
 */
public final class InventoryFixtures {

    private InventoryFixtures() {
    }

    public static long newStoreId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
    }

    public static long store(String status, String discogsUsername) {
        long id = newStoreId();
        TestDatabase.update("""
                insert into stores (id, name, slug, discogs_username, status, changed_at)
                values (?, ?, ?, ?, ?, now())""", id, "Store " + id, "store-" + id, discogsUsername, status);
        return id;
    }

    public static long record(String artist, String title) {
        return ((Number) TestDatabase.rows("""
                insert into records (artist, title, source) values (?, ?, 'manual') returning id""", artist, title)
                .get(0).get("id")).longValue();
    }

    /** A store manager's token: the role and the ids of the stores they manage (as identity issues it). */
    public static String manager(long userId, Long... storeIds) {
        return TestTokens.manager(userId, Set.of(storeIds));
    }
}
