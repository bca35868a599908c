package io.rotation.catalog.inventory;

import io.rotation.platform.security.Roles;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
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
        return Jwt.issuer(TestTokens.ISSUER).subject(String.valueOf(userId)).groups(Set.of(Roles.STORE_MANAGER))
                .claim(Roles.STORE_IDS_CLAIM, Set.of(storeIds)).expiresIn(Duration.ofMinutes(15))
                .jws().keyId(KeyId.VALUE).sign(TestTokens.SIGNING_KEY_RESOURCE);
    }

    private static final class KeyId {
        static final String VALUE = read();

        private static String read() {
            try (InputStream in = InventoryFixtures.class.getClassLoader()
                    .getResourceAsStream(TestTokens.JWKS_RESOURCE)) {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("keys").get(0).get("kid")
                        .asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
