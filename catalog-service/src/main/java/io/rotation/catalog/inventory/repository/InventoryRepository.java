package io.rotation.catalog.inventory.repository;

import io.rotation.catalog.inventory.model.InventoryState;
import io.rotation.catalog.inventory.model.InventoryView;
import io.rotation.catalog.inventory.model.RecordCondition;
import io.rotation.catalog.inventory.model.SleeveCondition;
import io.rotation.catalog.record.model.RecordStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SQL of store_inventory on the Vert.x client, so that every write shares its connection and
 * transaction with the outbox (ADR 0002). Reads are SQL too: a copy is shown with its store's name
 * (stores projection) and its record's artist and title, and a write answers with the row as read
 * back on its own transaction.
 */
@ApplicationScoped
public class InventoryRepository {

    static final String VIEW = """
            select i.id, i.store_id, s.name as store_name, i.record_id, r.artist, r.title, r.thumb_url,
                   i.discogs_listing_id, i.condition::text as condition, i.sleeve_condition::text as sleeve_condition,
                   i.price, i.currency, i.status::text as status, i.comments, i.location, i.ships_from,
                   i.allow_offers, i.listed_at, i.sold_at, i.last_synced_at, i.created_at, i.updated_at
            from store_inventory i
            join records r on r.id = i.record_id
            left join stores s on s.id = i.store_id
            """;

    private static final String INSERT = """
            insert into store_inventory (store_id, record_id, discogs_listing_id, condition, sleeve_condition, price,
                                         currency, status, comments, location, ships_from, allow_offers, listed_at,
                                         sold_at, last_synced_at)
            values ($1, $2, $3, $4::record_condition, $5::sleeve_condition, $6, $7, $8::record_status, $9, $10, $11,
                    $12, $13, $14, $15)
            returning id""";

    private static final String UPDATE = """
            update store_inventory set condition = $2::record_condition, sleeve_condition = $3::sleeve_condition,
                   price = $4, currency = $5, status = $6::record_status, comments = $7, location = $8,
                   ships_from = $9, allow_offers = $10, listed_at = $11, sold_at = $12,
                   last_synced_at = coalesce($13, last_synced_at)
            where id = $1""";

    /** A page of copies: the filters of GET /api/v1/inventory and who may see what. */
    public record Query(Long storeId, Long recordId, RecordCondition condition, BigDecimal minPrice,
                        BigDecimal maxPrice, RecordStatus status, boolean admin, List<Long> managedStores,
                        Long beforeId, int limit) {
    }

    public Uni<List<InventoryView>> list(SqlClient client, Query q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(VIEW).append("where true");
        if (!q.admin()) {
            // drafts, reserved and removed copies are for the store's managers (and admins) only
            params.add(q.managedStores().toArray(Long[]::new));
            sql.append(" and (i.status in ('active', 'sold') or i.store_id = any($").append(params.size())
                    .append("))");
        }
        add(sql, params, "i.store_id = $", q.storeId());
        add(sql, params, "i.record_id = $", q.recordId());
        add(sql, params, "i.condition = $%::record_condition", q.condition() == null ? null : q.condition().label());
        add(sql, params, "i.price >= $", q.minPrice());
        add(sql, params, "i.price <= $", q.maxPrice());
        add(sql, params, "i.status = $%::record_status", q.status() == null ? null : q.status().name());
        add(sql, params, "i.id < $", q.beforeId());
        params.add(q.limit() + 1);
        sql.append(" order by i.id desc limit $").append(params.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(InventoryRepository::views);
    }

    private static void add(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value == null) {
            return;
        }
        params.add(value);
        String placeholder = String.valueOf(params.size());
        sql.append(" and ").append(condition.contains("$%") ? condition.replace("$%", "$" + placeholder)
                : condition + placeholder);
    }

    public Uni<InventoryView> find(SqlClient client, long id) {
        return client.preparedQuery(VIEW + "where i.id = $1").execute(Tuple.of(id)).map(InventoryRepository::first);
    }

    /** The copy, its row locked until the transaction ends (a concurrent PATCH waits). */
    public Uni<InventoryView> lock(SqlClient client, long id) {
        return client.preparedQuery(VIEW + "where i.id = $1 for update of i").execute(Tuple.of(id))
                .map(InventoryRepository::first);
    }

    /** The copies of these Discogs listings (any store), locked until the transaction ends. */
    public Uni<List<InventoryView>> lockListings(SqlClient client, Long[] listingIds) {
        return client.preparedQuery(VIEW + "where i.discogs_listing_id = any($1) for update of i")
                .execute(Tuple.of((Object) listingIds)).map(InventoryRepository::views);
    }

    /**
     * Marks removed the store's Discogs copies whose listing is not among {@code seen} (sold copies
     * stay sold: Discogs drops sold listings from the inventory); the removed copies as they are now.
     */
    public Uni<List<InventoryView>> removeVanished(SqlClient client, long storeId, Long[] seen, Instant now) {
        return client.preparedQuery("""
                        update store_inventory set status = 'removed', sold_at = null, last_synced_at = $3
                        where store_id = $1 and discogs_listing_id is not null and status not in ('removed', 'sold')
                          and not (discogs_listing_id = any($2))
                        returning id""")
                .execute(Tuple.of(storeId, seen, utc(now)))
                .chain(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getLong("id")));
                    return ids.isEmpty() ? Uni.createFrom().item(List.<InventoryView>of())
                            : client.preparedQuery(VIEW + "where i.id = any($1) order by i.id")
                                    .execute(Tuple.of((Object) ids.toArray(Long[]::new)))
                                    .map(InventoryRepository::views);
                });
    }

    /** Only last_synced_at: the sync saw the listing unchanged. */
    public Uni<Void> touch(SqlClient client, Long[] ids, Instant now) {
        if (ids.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("update store_inventory set last_synced_at = $2 where id = any($1)")
                .execute(Tuple.of(ids, utc(now))).replaceWithVoid();
    }

    public Uni<Long> insert(SqlClient client, long storeId, long recordId, Long listingId, InventoryState s,
                            Instant syncedAt) {
        return client.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(storeId, recordId, listingId,
                        s.conditionLabel(), s.sleeveConditionLabel(), s.price(), s.currency(), s.status().name(),
                        s.comments(), s.location(), s.shipsFrom(), s.allowOffers(), utc(s.listedAt()),
                        utc(s.soldAt()), utc(syncedAt))))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Uni<Void> update(SqlClient client, long id, InventoryState s, Instant syncedAt) {
        return client.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(id, s.conditionLabel(),
                        s.sleeveConditionLabel(), s.price(), s.currency(), s.status().name(), s.comments(),
                        s.location(), s.shipsFrom(), s.allowOffers(), utc(s.listedAt()), utc(s.soldAt()),
                        utc(syncedAt))))
                .replaceWithVoid();
    }

    public Uni<Boolean> recordExists(SqlClient client, long recordId) {
        return client.preparedQuery("select 1 from records where id = $1").execute(Tuple.of(recordId))
                .map(rows -> rows.iterator().hasNext());
    }

    /** The writable state of a copy as it is stored. */
    public static InventoryState state(InventoryView v) {
        return new InventoryState(RecordCondition.fromLabel(v.condition()),
                v.sleeveCondition() == null ? null : SleeveCondition.fromLabel(v.sleeveCondition()), v.price(),
                v.currency(), RecordStatus.valueOf(v.status()), v.comments(), v.location(), v.shipsFrom(),
                v.allowOffers(), v.listedAt(), v.soldAt());
    }

    public static List<InventoryView> views(RowSet<Row> rows) {
        List<InventoryView> views = new ArrayList<>();
        rows.forEach(r -> views.add(view(r)));
        return views;
    }

    private static InventoryView first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? view(rows.iterator().next()) : null;
    }

    static InventoryView view(Row r) {
        return new InventoryView(r.getLong("id"), r.getLong("store_id"), r.getString("store_name"),
                r.getLong("record_id"), r.getString("artist"), r.getString("title"), r.getString("thumb_url"),
                r.getLong("discogs_listing_id"), r.getString("condition"), r.getString("sleeve_condition"),
                r.getBigDecimal("price"), r.getString("currency"), r.getString("status"), r.getString("comments"),
                r.getString("location"), r.getString("ships_from"), r.getBoolean("allow_offers"),
                instant(r, "listed_at"), instant(r, "sold_at"), instant(r, "last_synced_at"),
                instant(r, "created_at"), instant(r, "updated_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
