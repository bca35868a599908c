package io.rotation.catalog.inventory.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.catalog.discogs.ReleaseWriter;
import io.rotation.catalog.discogs.api.ApiRelease;
import io.rotation.catalog.discogs.api.DiscogsClient;
import io.rotation.catalog.discogs.api.DiscogsConfig;
import io.rotation.catalog.discogs.credentials.StoreAuthorization;
import io.rotation.catalog.discogs.credentials.StoreCredentialsClient;
import io.rotation.catalog.discogs.api.RequestCounters;
import io.rotation.catalog.discogs.api.model.InventoryPage;
import io.rotation.catalog.discogs.api.model.Listing;
import io.rotation.catalog.inventory.model.InventoryEventType;
import io.rotation.catalog.inventory.model.InventoryState;
import io.rotation.catalog.inventory.model.InventoryView;
import io.rotation.catalog.inventory.model.SyncProgress;
import io.rotation.catalog.inventory.repository.InventoryRepository;
import io.rotation.catalog.record.cache.RecordCache;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.InventoryChanged;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Makes a store's inventory equal to its Discogs listings: pages through the seller's inventory,
 * fetches the releases the catalog lacks, then per page adds new listings, updates changed ones
 * and touches unchanged ones in one transaction with their events; once every page was read, the
 * store's Discogs copies whose listing vanished are marked removed (with their events). A failure
 * midway removes nothing. Blocking: runs on the sync worker thread.
 */
@ApplicationScoped
public class StoreSync {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(60);

    private final DiscogsClient discogs;
    private final ReleaseWriter releases;
    private final InventoryRepository inventory;
    private final Pool pool;
    private final Outbox outbox;
    private final RecordCache cache;
    private final StoreCredentialsClient credentials;
    private final DiscogsConfig discogsConfig;

    public StoreSync(DiscogsClient discogs, ReleaseWriter releases, InventoryRepository inventory, Pool pool,
                     Outbox outbox, RecordCache cache, StoreCredentialsClient credentials, DiscogsConfig discogsConfig) {
        this.discogs = discogs;
        this.credentials = credentials;
        this.discogsConfig = discogsConfig;
        this.releases = releases;
        this.inventory = inventory;
        this.pool = pool;
        this.outbox = outbox;
        this.cache = cache;
    }

    /**
     * Reads the inventory with the Discogs account of the store's owner, else of a manager (from
     * identity); with the service's token when none of them connected one.
     *
     * @param afterPage called after each page is written (progress is stored then)
     */
    public void run(long storeId, String username, SyncProgress progress, RequestCounters counters,
                    Runnable afterPage) {
        UnaryOperator<String> authorization = credentials.forStore(storeId)
                .<UnaryOperator<String>>map(c -> new StoreAuthorization(c, discogsConfig.consumerKey(),
                        discogsConfig.consumerSecret()))
                .orElse(url -> null);
        Set<Long> seen = new HashSet<>();
        for (int page = 1; ; page++) {
            InventoryPage p = discogs.inventory(username, page, authorization, counters);
            progress.pages++;
            progress.pagesTotal = Math.max(p.pages(), progress.pages);
            progress.listingsSeen += p.listings().size() + p.malformed().size();
            p.malformed().forEach(progress::skip);
            seen.addAll(p.malformedIds());
            p.listings().forEach(l -> seen.add(l.id()));
            applyPage(storeId, p.listings(), progress, counters);
            afterPage.run();
            if (p.last() || p.listings().isEmpty() && p.malformed().isEmpty()) {
                break;
            }
        }
        removeVanished(storeId, seen, progress);
    }

    private void applyPage(long storeId, List<Listing> listings, SyncProgress progress, RequestCounters counters) {
        if (listings.isEmpty()) {
            return;
        }
        Map<Long, Long> recordIds = recordsOf(listings, progress, counters);
        List<Listing> writable = new ArrayList<>();
        for (Listing l : listings) {
            if (recordIds.containsKey(l.releaseId())) {
                writable.add(l);
            }
        }
        Instant now = Instant.now();
        Set<Long> touchedRecords = pool.withTransaction(c -> inventory.lockListings(c,
                        writable.stream().map(Listing::id).toArray(Long[]::new))
                .chain(existing -> write(c, storeId, writable, recordIds, existing, progress, now)))
                .await().atMost(DB_TIMEOUT);
        cache.evict(touchedRecords).await().atMost(DB_TIMEOUT);
    }

    /** Record ids by release id for the page's listings; missing releases are fetched from Discogs. */
    private Map<Long, Long> recordsOf(List<Listing> listings, SyncProgress progress, RequestCounters counters) {
        Set<Long> releaseIds = new LinkedHashSet<>();
        listings.forEach(l -> releaseIds.add(l.releaseId()));
        Map<Long, Long> recordIds = new HashMap<>();
        pool.preparedQuery("select id, discogs_release_id from records where discogs_release_id = any($1)")
                .execute(Tuple.of((Object) releaseIds.toArray(Long[]::new))).await().atMost(DB_TIMEOUT)
                .forEach(r -> recordIds.put(r.getLong("discogs_release_id"), r.getLong("id")));
        for (long releaseId : releaseIds) {
            if (recordIds.containsKey(releaseId)) {
                continue;
            }
            Optional<JsonNode> json = discogs.release(releaseId, counters);
            String problem = null;
            if (json.isEmpty()) {
                problem = "release " + releaseId + " is not known to Discogs";
            } else {
                try {
                    long recordId = releases.write(ApiRelease.of(json.get()), ReleaseWriter.Source.DISCOGS_API)
                            .await().atMost(DB_TIMEOUT);
                    cache.evict(recordId).await().atMost(DB_TIMEOUT);
                    recordIds.put(releaseId, recordId);
                    progress.releasesFetched++;
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                for (Listing l : listings) {
                    if (l.releaseId() == releaseId) {
                        progress.skip("listing " + l.id() + ": " + problem);
                    }
                }
            }
        }
        return recordIds;
    }

    /** Inserts, updates and touches the page's copies with their events; the records they belong to. */
    private Uni<Set<Long>> write(SqlConnection c, long storeId, List<Listing> listings, Map<Long, Long> recordIds,
                                 List<InventoryView> existing, SyncProgress progress, Instant now) {
        Map<Long, InventoryView> byListing = new HashMap<>();
        existing.forEach(v -> byListing.put(v.discogsListingId(), v));
        List<OutboundEvent> events = new ArrayList<>();
        List<Long> unchanged = new ArrayList<>();
        Set<Long> records = new HashSet<>();
        Uni<Void> writes = Uni.createFrom().voidItem();
        for (Listing l : listings) {
            InventoryView current = byListing.get(l.id());
            if (current != null && current.storeId() != storeId) {
                progress.skip("listing " + l.id() + ": belongs to store " + current.storeId());
                continue;
            }
            ListingMapping.Result mapped = ListingMapping.of(l, current == null ? null : current.location());
            if (mapped.state() == null) {
                progress.skip(mapped.skipReason());
                continue;
            }
            long recordId = recordIds.get(l.releaseId());
            if (current == null) {
                InventoryState state = mapped.state().stamped(null, now);
                progress.added++;
                records.add(recordId);
                writes = writes.chain(() -> inventory.insert(c, storeId, recordId, l.id(), state, now)
                        .invoke(id -> events.add(event(EventType.INVENTORY_LISTED, id, storeId, recordId, l.id(),
                                state, now)))
                        .replaceWithVoid());
                continue;
            }
            InventoryState before = InventoryRepository.state(current);
            InventoryState after = withListedAt(mapped.state(), before).stamped(before.status(), now);
            if (after.equals(before)) {
                progress.unchanged++;
                unchanged.add(current.id());
                continue;
            }
            progress.updated++;
            records.add(current.recordId());
            events.add(event(InventoryEventType.ofChange(before.status(), after.status()), current.id(), storeId,
                    current.recordId(), l.id(), after, now));
            writes = writes.chain(() -> inventory.update(c, current.id(), after, now));
        }
        return writes.chain(() -> inventory.touch(c, unchanged.toArray(Long[]::new), now))
                .chain(() -> outbox.append(c, events))
                .replaceWith(records);
    }

    /** Discogs' posting date when it gives one, else the copy's own. */
    private static InventoryState withListedAt(InventoryState fromDiscogs, InventoryState current) {
        if (fromDiscogs.listedAt() != null) {
            return fromDiscogs;
        }
        return new InventoryState(fromDiscogs.condition(), fromDiscogs.sleeveCondition(), fromDiscogs.price(),
                fromDiscogs.currency(), fromDiscogs.status(), fromDiscogs.comments(), fromDiscogs.location(),
                fromDiscogs.shipsFrom(), fromDiscogs.allowOffers(), current.listedAt(), current.soldAt());
    }

    private void removeVanished(long storeId, Set<Long> seen, SyncProgress progress) {
        Instant now = Instant.now();
        List<InventoryView> removed = pool.withTransaction(c -> inventory
                        .removeVanished(c, storeId, seen.toArray(Long[]::new), now)
                        .call(views -> outbox.append(c, views.stream()
                                .map(v -> OutboundEvent.of(EventType.INVENTORY_REMOVED, v.id(), v.event(now)))
                                .toList())))
                .await().atMost(DB_TIMEOUT);
        progress.removed += removed.size();
        cache.evict(removed.stream().map(InventoryView::recordId).toList()).await().atMost(DB_TIMEOUT);
    }

    private static OutboundEvent event(EventType type, long id, long storeId, long recordId, long listingId,
                                       InventoryState s, Instant now) {
        return OutboundEvent.of(type, id, new InventoryChanged(id, storeId, recordId, listingId, s.conditionLabel(),
                s.sleeveConditionLabel(), s.price(), s.currency(), s.status().name(), now));
    }
}
