package io.rotation.catalog.inventory.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.catalog.inventory.model.Caller;
import io.rotation.catalog.inventory.model.InventoryEventType;
import io.rotation.catalog.inventory.model.InventoryState;
import io.rotation.catalog.inventory.model.InventoryView;
import io.rotation.catalog.inventory.model.NewInventory;
import io.rotation.catalog.inventory.repository.InventoryRepository;
import io.rotation.catalog.record.cache.RecordCache;
import io.rotation.catalog.record.model.RecordStatus;
import io.rotation.catalog.store.model.Store;
import io.rotation.catalog.store.repository.StoreRepository;
import io.rotation.contracts.EventType;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Inventory reads with their visibility rules and writes with their events: every change commits in
 * one transaction with its InventoryListed/Changed/Sold/Removed outbox event (key = inventory id) and
 * its audit entry (who, from where, the copy before and after), then the record's cached page is evicted.
 */
@ApplicationScoped
public class InventoryService {

    /** Audit actions (entity {@code inventory}) of the API's writes; store syncs audit the run as a whole. */
    public static final String ENTITY = "inventory";
    public static final String ACTION_CREATED = "inventory_created";
    public static final String ACTION_UPDATED = "inventory_updated";
    public static final String ACTION_REMOVED = "inventory_removed";

    private final Pool pool;
    private final InventoryRepository inventory;
    private final StoreRepository stores;
    private final Outbox outbox;
    private final RecordCache recordPages;

    public InventoryService(Pool pool, InventoryRepository inventory, StoreRepository stores, Outbox outbox,
                            RecordCache recordPages) {
        this.pool = pool;
        this.inventory = inventory;
        this.stores = stores;
        this.outbox = outbox;
        this.recordPages = recordPages;
    }

    /** What is public (for sale, sold), plus everything of the caller's stores; newest first. */
    public Uni<Page<InventoryView>> list(Caller caller, InventoryRepository.Query query, PageRequest page) {
        return inventory.list(pool, query).map(rows -> page.page(rows, v -> List.of(v.id())));
    }

    /** The copy, or a 404 also when the caller may not see it (a draft is not announced to strangers). */
    public Uni<InventoryView> get(Caller caller, long id) {
        return inventory.find(pool, id).map(v -> {
            if (v == null || !visible(caller, v)) {
                throw ProblemException.notFound("inventory " + id);
            }
            return v;
        });
    }

    public Uni<InventoryView> create(Caller caller, NewInventory body) {
        InventoryInput.Create input = InventoryInput.create(body);
        if (!caller.mayManage(input.storeId())) {
            throw forbidden("only managers of store " + input.storeId() + " and admins add copies to it");
        }
        Instant now = Instant.now();
        InventoryState state = input.state().stamped(null, now);
        return pool.withTransaction(c -> activeStore(c, input.storeId())
                        .chain(store -> inventory.recordExists(c, input.recordId()))
                        .chain(exists -> {
                            if (!exists) {
                                throw ProblemException.invalidField("record_id",
                                        "no record with id " + input.recordId());
                            }
                            return inventory.insert(c, input.storeId(), input.recordId(), null, state, null);
                        })
                        .chain(id -> announce(c, id, InventoryEventType.ofNew(), now, caller, ACTION_CREATED, null)))
                .call(v -> recordPages.evict(v.recordId()));
    }

    public Uni<InventoryView> patch(Caller caller, long id, JsonNode body) {
        Instant now = Instant.now();
        return pool.withTransaction(c -> lockManaged(c, caller, id).chain(current -> {
            InventoryState before = InventoryRepository.state(current);
            InventoryState after = InventoryInput.patch(before, body).stamped(before.status(), now);
            if (after.equals(before)) {
                return Uni.createFrom().item(current);
            }
            return activeStore(c, current.storeId())
                    .chain(store -> inventory.update(c, id, after, null))
                    .chain(() -> announce(c, id, InventoryEventType.ofChange(before.status(), after.status()), now,
                            caller, ACTION_UPDATED, current));
        })).call(v -> recordPages.evict(v.recordId()));
    }

    /** Marks the copy removed (it stays, for history and events); removing it again changes nothing. */
    public Uni<Void> remove(Caller caller, long id) {
        Instant now = Instant.now();
        return pool.withTransaction(c -> lockManaged(c, caller, id).chain(current -> {
            InventoryState before = InventoryRepository.state(current);
            if (before.status() == RecordStatus.removed) {
                return Uni.createFrom().item(current);
            }
            InventoryState after = new InventoryState(before.condition(), before.sleeveCondition(), before.price(),
                    before.currency(), RecordStatus.removed, before.comments(), before.location(),
                    before.shipsFrom(), before.allowOffers(), before.listedAt(), null);
            return inventory.update(c, id, after, null)
                    .chain(() -> announce(c, id, EventType.INVENTORY_REMOVED, now, caller, ACTION_REMOVED, current));
        })).call(v -> recordPages.evict(v.recordId())).replaceWithVoid();
    }

    private Uni<InventoryView> lockManaged(SqlConnection c, Caller caller, long id) {
        return inventory.lock(c, id).map(current -> {
            if (current == null || !visible(caller, current)) {
                throw ProblemException.notFound("inventory " + id);
            }
            if (!caller.mayManage(current.storeId())) {
                throw forbidden("only managers of store " + current.storeId() + " and admins change its copies");
            }
            return current;
        });
    }

    /** The copy as written, announced and audited (with its state before, null for a new one) in the same transaction. */
    private Uni<InventoryView> announce(SqlConnection c, long id, EventType type, Instant now, Caller caller,
                                        String action, InventoryView before) {
        return inventory.find(c, id).call(v -> outbox.append(c, List.of(OutboundEvent.of(type, v.id(), v.event(now)),
                AuditEntries.entry(caller.actor(), action, ENTITY, v.id(), before == null ? null : audited(before),
                        audited(v)))));
    }

    /** What the audit trail keeps of a copy: where it is, its grading, price and status. */
    static Map<String, Object> audited(InventoryView v) {
        return AuditEntries.values("store_id", v.storeId(), "record_id", v.recordId(), "condition", v.condition(),
                "sleeve_condition", v.sleeveCondition(), "price", v.price(), "currency", v.currency(),
                "status", v.status());
    }

    private Uni<Store> activeStore(SqlConnection c, long storeId) {
        return stores.find(c, storeId).map(store -> {
            if (store == null) {
                throw ProblemException.invalidField("store_id", "no store with id " + storeId
                        + " is known to the catalog");
            }
            if (!store.active()) {
                throw ProblemException.conflict("store " + storeId + " is " + store.status()
                        + ": only active stores change their inventory");
            }
            return store;
        });
    }

    static boolean visible(Caller caller, InventoryView v) {
        return "active".equals(v.status()) || "sold".equals(v.status()) || caller.mayManage(v.storeId());
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }
}
