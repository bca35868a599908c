package io.rotation.userfeatures.shared.repository;

import io.rotation.userfeatures.projection.model.Reference;
import io.rotation.userfeatures.projection.repository.ReferenceRepository;
import io.rotation.userfeatures.shared.model.TypedTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A "user → typed target" table (favorites, user_follows): one row per (user, target type, target
 * id), unique on the three, with {@code created_at}. The table and column names are the subclass's
 * constants, never input.
 */
public abstract class UserTargetRepository<T extends TypedTarget> {

    private final String table;
    private final String owner;
    private final String type;
    private final String id;
    private final String columns;
    private final String inserted;
    private final Function<Row, T> map;

    /**
     * @param extra columns the table shows besides the target and created_at ("" for none, else ending
     *              with ", "), read by {@code map} with the column {@code available}
     */
    protected UserTargetRepository(String table, String owner, String type, String id, String extra,
                                   Function<Row, T> map) {
        this.table = table;
        this.owner = owner;
        this.type = type;
        this.id = id;
        this.columns = type + ", " + id + ", created_at, " + extra
                + ReferenceRepository.availableExpression(type, id) + " as available";
        this.inserted = type + ", " + id + ", created_at, " + extra + "true as available";
        this.map = map;
    }

    public Uni<T> find(SqlClient client, long userId, Reference kind, long targetId) {
        return client.preparedQuery("select " + columns + " from " + table
                        + " where " + owner + " = $1 and " + type + " = $2 and " + id + " = $3")
                .execute(Tuple.of(userId, kind.name(), targetId)).map(this::firstOrNull);
    }

    /** @return the new row, or null when the user already had it */
    public Uni<T> insert(SqlClient client, long userId, Reference kind, long targetId) {
        return client.preparedQuery("insert into " + table + " (" + owner + ", " + type + ", " + id + ")"
                        + " values ($1, $2, $3) on conflict (" + owner + ", " + type + ", " + id + ") do nothing"
                        + " returning " + inserted)
                .execute(Tuple.of(userId, kind.name(), targetId)).map(this::firstOrNull);
    }

    /** @return whether there was a row to delete */
    public Uni<Boolean> delete(SqlClient client, long userId, Reference kind, long targetId) {
        return client.preparedQuery("delete from " + table
                        + " where " + owner + " = $1 and " + type + " = $2 and " + id + " = $3")
                .execute(Tuple.of(userId, kind.name(), targetId)).map(rows -> rows.rowCount() > 0);
    }

    /** Newest first, after the (created_at, type, id) of a cursor; {@code kind} null for every type. */
    public Uni<List<T>> newestFirst(SqlClient client, long userId, Reference kind, Instant beforeAt,
                                    String beforeType, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select " + columns + " from " + table + " where " + owner + " = $1");
        List<Object> params = new ArrayList<>(List.of(userId));
        if (kind != null) {
            params.add(kind.name());
            sql.append(" and ").append(type).append(" = $").append(params.size());
        }
        if (beforeAt != null) {
            params.add(beforeAt.atOffset(ZoneOffset.UTC));
            params.add(beforeType);
            params.add(beforeId);
            int n = params.size();
            sql.append(" and (created_at, ").append(type).append(", ").append(id).append(") < ($").append(n - 2)
                    .append(", $").append(n - 1).append(", $").append(n).append(")");
        }
        params.add(limit);
        sql.append(" order by created_at desc, ").append(type).append(" desc, ").append(id)
                .append(" desc limit $").append(params.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<T> items = new ArrayList<>(rows.size());
            rows.forEach(row -> items.add(map.apply(row)));
            return items;
        });
    }

    private T firstOrNull(RowSet<Row> rows) {
        return rows.size() == 0 ? null : map.apply(rows.iterator().next());
    }
}
