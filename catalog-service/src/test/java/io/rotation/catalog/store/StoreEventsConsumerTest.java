package io.rotation.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.catalog.inventory.InventoryFixtures;
import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.StoreChanged;
import io.rotation.contracts.identity.StoreManagerChanged;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** identity's StoreChanged events keep catalog's stores projection, exactly once, highest version wins. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class StoreEventsConsumerTest {

    private static TestEvents events;
    private static String topic;

    @BeforeAll
    static void open() {
        events = new TestEvents();
        topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.stores.topic", String.class);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void keepsTheStateOfIdentitysHighestVersionWhateverTheProducersClocks() {
        long store = InventoryFixtures.newStoreId();
        Instant created = Instant.parse("2026-11-01T10:00:00Z");
        send(new StoreChanged(store, "created", "Side B Records", "side-b", null, "pending", 42L, created, 1L));
        send(new StoreChanged(store, "updated", "Side B Records", "side-b", "sideb_shop", "pending", 42L,
                created.plusSeconds(60), 2L));
        // written on a node whose clock lags by an hour: still the newest state
        send(new StoreChanged(store, "status_changed", "Side B Records", "side-b", "sideb_shop", "active", 42L,
                created.minusSeconds(3600), 3L));
        // redelivered late, from a node whose clock runs ahead: an older version changes nothing
        send(new StoreChanged(store, "created", "Side B Records", "side-b", null, "pending", 42L,
                created.plusSeconds(7200), 1L));
        long marker = InventoryFixtures.newStoreId();
        send(new StoreChanged(marker, "created", "Marker", "marker", null, "active", 1L, created, 1L));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(marker).size() == 1);
        assertThat(rows(store)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("name", "Side B Records").containsEntry("slug", "side-b")
                .containsEntry("discogs_username", "sideb_shop").containsEntry("status", "active")
                .containsEntry("version", 3L));
    }

    @Test
    void appliesAnEventRedeliveredInALaterBatchOnceAndAcknowledgesManagerChanges() {
        long store = InventoryFixtures.newStoreId();
        UUID id = UUID.randomUUID();
        events.send(topic, id, EventType.STORE_CHANGED, String.valueOf(store), new StoreChanged(store, "created",
                "Dusty Grooves", "dusty", "dusty", "active", 7L, Instant.parse("2026-11-02T10:00:00Z"), 1L));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(store).size() == 1);

        // the same event id again, after the first was committed: only the claim can tell it was applied
        // (it carries a higher version, so the projection's own ordering would take it)
        events.send(topic, id, EventType.STORE_CHANGED, String.valueOf(store), new StoreChanged(store, "updated",
                "Dusty Grooves (replayed)", "dusty", "dusty", "active", 7L, Instant.parse("2026-11-02T10:00:00Z"), 2L));
        events.send(topic, UUID.randomUUID(), EventType.STORE_MANAGER_CHANGED, String.valueOf(store),
                new StoreManagerChanged(store, 8L, "added", "manager", Instant.now()));
        long marker = InventoryFixtures.newStoreId();
        send(new StoreChanged(marker, "created", "Marker", "marker", null, "active", 1L, Instant.now(), 1L));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(marker).size() == 1);
        assertThat(rows(store).get(0)).containsEntry("name", "Dusty Grooves");
        assertThat(TestDatabase.count("select count(*) from processed_event where event_id = ?", id)).isEqualTo(1);

        send(new StoreChanged(store, "updated", "Dusty Grooves Ltd", "dusty", "dusty", "active", 7L,
                Instant.parse("2026-11-02T11:00:00Z"), 3L));
        await().atMost(Duration.ofSeconds(30)).until(() -> "Dusty Grooves Ltd".equals(rows(store).get(0).get("name")));
    }

    private static void send(StoreChanged change) {
        events.send(topic, UUID.randomUUID(), EventType.STORE_CHANGED, String.valueOf(change.storeId()), change);
    }

    private static List<Map<String, Object>> rows(long store) {
        return TestDatabase.rows("select name, slug, discogs_username, status, version from stores where id = ?", store);
    }
}
