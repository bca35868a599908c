package io.rotation.catalog.inventory.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.catalog.inventory.model.SyncProgress;
import io.rotation.catalog.inventory.model.SyncRunView;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The sync_runs table: one row per store sync, its counts stored after every page. */
@ApplicationScoped
public class SyncRunRepository {

    private final Pool pool;
    private final ObjectMapper mapper;

    public SyncRunRepository(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /** A pending run; fails with a unique violation when the store already has one pending or running. */
    public Uni<Long> insert(SqlConnection c, long storeId, String discogsUsername, Long requestedBy, String runner) {
        return c.preparedQuery("""
                        insert into sync_runs (store_id, discogs_username, requested_by, runner, heartbeat_at)
                        values ($1, $2, $3, $4, now())
                        returning id""")
                .execute(Tuple.of(storeId, discogsUsername, requestedBy, runner))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Uni<Void> running(long id) {
        return pool.preparedQuery("""
                        update sync_runs set status = 'running', started_at = now(), heartbeat_at = now()
                        where id = $1""")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /** The runner's sign of life on its unfinished runs. */
    public Uni<Void> heartbeat(String runner) {
        return pool.preparedQuery("""
                        update sync_runs set heartbeat_at = now()
                        where runner = $1 and status in ('pending', 'running')""")
                .execute(Tuple.of(runner)).replaceWithVoid();
    }

    /** Stores the counts; with {@code finalStatus} the run ends (completed or failed). */
    public Uni<Void> store(long id, SyncProgress p, int requests, int rateLimited, String finalStatus,
                           String error) {
        return pool.withConnection(c -> store(c, id, p, requests, rateLimited, finalStatus, error));
    }

    /** As {@link #store(long, SyncProgress, int, int, String, String)}, on the caller's connection (transaction). */
    public Uni<Void> store(SqlConnection c, long id, SyncProgress p, int requests, int rateLimited, String finalStatus,
                           String error) {
        String reasons;
        try {
            reasons = mapper.writeValueAsString(p.skipReasons());
        } catch (JsonProcessingException e) {
            reasons = "[]";
        }
        return c.preparedQuery("""
                        update sync_runs set pages = $2, listings_seen = $3, added = $4, updated = $5, unchanged = $6,
                               removed = $7, skipped = $8, releases_fetched = $9, requests = $10, rate_limited = $11,
                               skip_reasons = cast($12::text as jsonb), status = coalesce($13, status), error = $14,
                               finished_at = case when $13::text is null then finished_at else now() end,
                               heartbeat_at = now()
                        where id = $1""")
                .execute(Tuple.from(Arrays.asList(id, p.pages, p.listingsSeen, p.added, p.updated, p.unchanged,
                        p.removed, p.skipped, p.releasesFetched, requests, rateLimited, reasons, finalStatus, error)))
                .replaceWithVoid();
    }

    /**
     * Unfinished runs of other instances without a sign of life for {@code staleAfter} were left by a
     * stopped instance and can never finish: they are marked failed.
     */
    public Uni<Integer> failStale(String runner, Duration staleAfter, String reason) {
        return pool.preparedQuery("""
                        update sync_runs set status = 'failed', error = $1, finished_at = now(),
                               started_at = coalesce(started_at, now())
                        where status in ('pending', 'running') and runner is distinct from $2
                          and coalesce(heartbeat_at, updated_at) < now() - make_interval(secs => $3)""")
                .execute(Tuple.of(reason, runner, (double) staleAfter.toSeconds()))
                .map(rows -> rows.rowCount());
    }

    public Uni<SyncRunView> find(long id) {
        return pool.preparedQuery("select * from sync_runs where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? view(rows.iterator().next()) : null);
    }

    private static SyncRunView view(Row r) {
        List<String> reasons = new ArrayList<>();
        Object raw = r.getValue("skip_reasons");
        if (raw instanceof JsonArray array) {
            array.forEach(v -> reasons.add(String.valueOf(v)));
        }
        return new SyncRunView(r.getLong("id"), r.getLong("store_id"), r.getString("discogs_username"),
                r.getString("status"), r.getLong("requested_by"), r.getInteger("pages"), r.getInteger("listings_seen"),
                r.getInteger("added"), r.getInteger("updated"), r.getInteger("unchanged"), r.getInteger("removed"),
                r.getInteger("skipped"), r.getInteger("releases_fetched"), r.getInteger("requests"),
                r.getInteger("rate_limited"), reasons, r.getString("error"), instant(r, "created_at"),
                instant(r, "started_at"), instant(r, "finished_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
