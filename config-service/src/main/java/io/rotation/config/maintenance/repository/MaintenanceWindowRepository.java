package io.rotation.config.maintenance.repository;

import io.rotation.config.maintenance.model.MaintenanceWindowView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** maintenance_windows in SQL. */
@ApplicationScoped
public class MaintenanceWindowRepository {

    private static final String COLUMNS = """
            id, title, message, starts_at, ends_at, affected_services, read_only, notify_before_minutes, announced_at,
            cancelled_at, created_by, created_at, updated_at""";

    private final Pool pool;

    public MaintenanceWindowRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<MaintenanceWindowView> find(long id) {
        return find(pool, id, false);
    }

    public Uni<MaintenanceWindowView> findForUpdate(SqlConnection c, long id) {
        return find(c, id, true);
    }

    /** Windows by start then id after the cursor; past and cancelled ones only when asked. */
    public Uni<List<MaintenanceWindowView>> list(Instant afterStart, Long afterId, boolean includePast, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from maintenance_windows where ($1::timestamptz is null "
                        + "or (starts_at, id) > ($1, $2)) and ($3 or (cancelled_at is null and ends_at > now())) "
                        + "order by starts_at, id limit $4")
                .execute(Tuple.of(utc(afterStart), afterId, includePast, limit)).map(MaintenanceWindowRepository::windows);
    }

    /** Windows still to be enforced (not cancelled, not over): what config publishes again at start. */
    public Uni<List<MaintenanceWindowView>> current(SqlConnection c) {
        return c.query("select " + COLUMNS + " from maintenance_windows where cancelled_at is null and ends_at > now()")
                .execute().map(MaintenanceWindowRepository::windows);
    }

    /** Windows whose announcement is due and not sent, locked so that one replica sends each. */
    public Uni<List<MaintenanceWindowView>> lockDueAnnouncements(SqlConnection c) {
        return c.query("select " + COLUMNS + " from maintenance_windows where announced_at is null and cancelled_at is null "
                        + "and ends_at > now() and starts_at - make_interval(mins => notify_before_minutes) <= now() "
                        + "order by starts_at limit 100 for update skip locked")
                .execute().map(MaintenanceWindowRepository::windows);
    }

    public Uni<Void> markAnnounced(SqlConnection c, long id) {
        return c.preparedQuery("update maintenance_windows set announced_at = now() where id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<MaintenanceWindowView> insert(SqlConnection c, MaintenanceWindowView w) {
        return c.preparedQuery("""
                        insert into maintenance_windows (title, message, starts_at, ends_at, affected_services, read_only,
                                                         notify_before_minutes, created_by)
                        values ($1, $2, $3, $4, $5, $6, $7, $8) returning\s""" + COLUMNS)
                .execute(Tuple.from(Arrays.asList(w.title(), w.message(), utc(w.startsAt()), utc(w.endsAt()),
                        w.affectedServices().toArray(String[]::new), w.readOnly(), w.notifyBeforeMinutes(), w.createdBy())))
                .map(rows -> window(rows.iterator().next()));
    }

    /** Saves a change; a window moved to another start is announced again. */
    public Uni<MaintenanceWindowView> update(SqlConnection c, MaintenanceWindowView w) {
        return c.preparedQuery("""
                        update maintenance_windows set title = $2, message = $3, starts_at = $4, ends_at = $5,
                               affected_services = $6, read_only = $7, notify_before_minutes = $8,
                               announced_at = case when starts_at = $4 then announced_at end
                         where id = $1 returning\s""" + COLUMNS)
                .execute(Tuple.from(Arrays.asList(w.id(), w.title(), w.message(), utc(w.startsAt()), utc(w.endsAt()),
                        w.affectedServices().toArray(String[]::new), w.readOnly(), w.notifyBeforeMinutes())))
                .map(rows -> window(rows.iterator().next()));
    }

    public Uni<MaintenanceWindowView> cancel(SqlConnection c, long id) {
        return c.preparedQuery("update maintenance_windows set cancelled_at = now() where id = $1 returning " + COLUMNS)
                .execute(Tuple.of(id)).map(rows -> window(rows.iterator().next()));
    }

    private static Uni<MaintenanceWindowView> find(SqlClient c, long id, boolean lock) {
        return c.preparedQuery("select " + COLUMNS + " from maintenance_windows where id = $1" + (lock ? " for update" : ""))
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : window(rows.iterator().next()));
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static List<MaintenanceWindowView> windows(Iterable<Row> rows) {
        List<MaintenanceWindowView> list = new ArrayList<>();
        rows.forEach(r -> list.add(window(r)));
        return list;
    }

    private static MaintenanceWindowView window(Row r) {
        return new MaintenanceWindowView(r.getLong("id"), r.getString("title"), r.getString("message"),
                instant(r, "starts_at"), instant(r, "ends_at"), List.of(r.getArrayOfStrings("affected_services")),
                r.getBoolean("read_only"), r.getInteger("notify_before_minutes"), instant(r, "announced_at"),
                instant(r, "cancelled_at"), r.getLong("created_by"), instant(r, "created_at"), instant(r, "updated_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime at = r.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }
}
