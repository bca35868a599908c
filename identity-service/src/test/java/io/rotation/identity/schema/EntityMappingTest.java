package io.rotation.identity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.identity.discogs.model.DiscogsToken;
import io.rotation.identity.store.model.Store;
import io.rotation.identity.store.model.StoreManager;
import io.rotation.identity.store.model.StoreStatus;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** The new entities read what SQL wrote: enum, numerics, arrays and ciphertext included. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class EntityMappingTest {

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void readsAStoreItsManagerAndAnEncryptedToken() {
        String u = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long userId = ((Number) TestDatabase.rows("insert into users (email, username, password_hash) values (?, ?, 'x') returning id",
                "m" + u + "@example.org", "m" + u).get(0).get("id")).longValue();
        long storeId = ((Number) TestDatabase.rows("""
                insert into stores (slug, name, status, owner_user_id, latitude, longitude, country_code)
                values (?, 'Mapped', 'active', ?, 51.454513, -2.587910, 'GB') returning id""", "map-" + u, userId)
                .get(0).get("id")).longValue();
        TestDatabase.update("insert into store_managers (store_id, user_id, role) values (?, ?, 'owner')", storeId, userId);
        TestDatabase.update("""
                insert into discogs_tokens (user_id, username, token, token_secret, scopes)
                values (?, ?, pgp_sym_encrypt('t', 'k'), pgp_sym_encrypt('s', 'k'), '{read}')""", userId, "map" + u);

        Store store = sessions.withSession(s -> s.find(Store.class, storeId)).await().atMost(Duration.ofSeconds(10));
        assertThat(store.status).isEqualTo(StoreStatus.active);
        assertThat(store.ownerUserId).isEqualTo(userId);
        assertThat(store.latitude).isEqualByComparingTo(new BigDecimal("51.454513"));
        assertThat(store.currency).isEqualTo("USD");

        StoreManager manager = sessions.withSession(s -> s.createSelectionQuery(
                "from StoreManager where storeId = :store", StoreManager.class).setParameter("store", storeId)
                .getSingleResult()).await().atMost(Duration.ofSeconds(10));
        assertThat(manager.role).isEqualTo(StoreManager.OWNER);

        DiscogsToken token = sessions.withSession(s -> s.createSelectionQuery(
                "from DiscogsToken where userId = :user", DiscogsToken.class).setParameter("user", userId)
                .getSingleResult()).await().atMost(Duration.ofSeconds(10));
        assertThat(token.username).isEqualTo("map" + u);
        assertThat(token.token[0]).isEqualTo((byte) 0xC3);
        assertThat(token.scopes).containsExactly("read");
        assertThat(token.keyVersion).isEqualTo(1);
    }
}
