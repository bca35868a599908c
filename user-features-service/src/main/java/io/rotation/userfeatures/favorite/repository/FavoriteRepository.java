package io.rotation.userfeatures.favorite.repository;

import io.rotation.userfeatures.favorite.model.FavoriteItem;
import io.rotation.userfeatures.projection.model.Reference;
import io.rotation.userfeatures.projection.repository.ReferenceRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The {@code favorites} table. */
@ApplicationScoped
public class FavoriteRepository {

    private static final String COLUMNS = "favoritable_type, favoritable_id, created_at, "
            + ReferenceRepository.availableExpression("favoritable_type", "favoritable_id") + " as available";

    public Uni<FavoriteItem> find(SqlClient client, long userId, Reference type, long id) {
        return client.preparedQuery("select " + COLUMNS + " from favorites"
                        + " where user_id = $1 and favoritable_type = $2 and favoritable_id = $3")
                .execute(Tuple.of(userId, type.name(), id)).map(FavoriteRepository::firstOrNull);
    }

    /** @return the new favorite, or null when the user already had it */
    public Uni<FavoriteItem> insert(SqlClient client, long userId, Reference type, long id) {
        return client.preparedQuery("""
                        insert into favorites (user_id, favoritable_type, favoritable_id) values ($1, $2, $3)
                        on conflict (user_id, favoritable_type, favoritable_id) do nothing
                        returning favoritable_type, favoritable_id, created_at, true as available""")
                .execute(Tuple.of(userId, type.name(), id)).map(FavoriteRepository::firstOrNull);
    }

    /** @return whether there was a favorite to delete */
    public Uni<Boolean> delete(SqlClient client, long userId, Reference type, long id) {
        return client.preparedQuery("""
                        delete from favorites where user_id = $1 and favoritable_type = $2 and favoritable_id = $3""")
                .execute(Tuple.of(userId, type.name(), id)).map(rows -> rows.rowCount() > 0);
    }

    /** Newest first, after the (created_at, type, id) of a cursor; {@code type} null for every kind. */
    public Uni<List<FavoriteItem>> listNewestFirst(SqlClient client, long userId, Reference type, Instant beforeAt,
                                                   String beforeType, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from favorites where user_id = $1");
        List<Object> params = new ArrayList<>(List.of(userId));
        if (type != null) {
            params.add(type.name());
            sql.append(" and favoritable_type = $").append(params.size());
        }
        if (beforeAt != null) {
            params.add(beforeAt.atOffset(ZoneOffset.UTC));
            params.add(beforeType);
            params.add(beforeId);
            int n = params.size();
            sql.append(" and (created_at, favoritable_type, favoritable_id) < ($").append(n - 2).append(", $")
                    .append(n - 1).append(", $").append(n).append(")");
        }
        params.add(limit);
        sql.append(" order by created_at desc, favoritable_type desc, favoritable_id desc limit $").append(params.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(FavoriteRepository::all);
    }

    private static FavoriteItem firstOrNull(RowSet<Row> rows) {
        return rows.size() == 0 ? null : of(rows.iterator().next());
    }

    private static List<FavoriteItem> all(RowSet<Row> rows) {
        List<FavoriteItem> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(of(row)));
        return items;
    }

    private static FavoriteItem of(Row row) {
        return new FavoriteItem(row.getString("favoritable_type"), row.getLong("favoritable_id"),
                row.getOffsetDateTime("created_at").toInstant(), row.getBoolean("available"));
    }
}
