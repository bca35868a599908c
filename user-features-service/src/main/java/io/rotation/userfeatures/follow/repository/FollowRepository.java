package io.rotation.userfeatures.follow.repository;

import io.rotation.userfeatures.follow.model.FollowItem;
import io.rotation.userfeatures.follow.model.Follower;
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

/** The {@code user_follows} table. */
@ApplicationScoped
public class FollowRepository {

    private static final String COLUMNS = "followee_type, followee_id, created_at, notifications_enabled, "
            + ReferenceRepository.availableExpression("followee_type", "followee_id") + " as available";

    public Uni<FollowItem> find(SqlClient client, long followerId, Reference type, long id) {
        return client.preparedQuery("select " + COLUMNS + " from user_follows"
                        + " where follower_id = $1 and followee_type = $2 and followee_id = $3")
                .execute(Tuple.of(followerId, type.name(), id)).map(FollowRepository::firstOrNull);
    }

    /** @return the new follow, or null when it existed */
    public Uni<FollowItem> insert(SqlClient client, long followerId, Reference type, long id) {
        return client.preparedQuery("""
                        insert into user_follows (follower_id, followee_type, followee_id) values ($1, $2, $3)
                        on conflict (follower_id, followee_type, followee_id) do nothing
                        returning followee_type, followee_id, created_at, notifications_enabled, true as available""")
                .execute(Tuple.of(followerId, type.name(), id)).map(FollowRepository::firstOrNull);
    }

    public Uni<Boolean> delete(SqlClient client, long followerId, Reference type, long id) {
        return client.preparedQuery("""
                        delete from user_follows where follower_id = $1 and followee_type = $2 and followee_id = $3""")
                .execute(Tuple.of(followerId, type.name(), id)).map(rows -> rows.rowCount() > 0);
    }

    /** Whom the user follows, newest first, after the (created_at, type, id) of a cursor. */
    public Uni<List<FollowItem>> following(SqlClient client, long followerId, Reference type, Instant beforeAt,
                                           String beforeType, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from user_follows where follower_id = $1");
        List<Object> params = new ArrayList<>(List.of(followerId));
        if (type != null) {
            params.add(type.name());
            sql.append(" and followee_type = $").append(params.size());
        }
        if (beforeAt != null) {
            params.add(beforeAt.atOffset(ZoneOffset.UTC));
            params.add(beforeType);
            params.add(beforeId);
            int n = params.size();
            sql.append(" and (created_at, followee_type, followee_id) < ($").append(n - 2).append(", $")
                    .append(n - 1).append(", $").append(n).append(")");
        }
        params.add(limit);
        sql.append(" order by created_at desc, followee_type desc, followee_id desc limit $").append(params.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<FollowItem> items = new ArrayList<>(rows.size());
            rows.forEach(row -> items.add(of(row)));
            return items;
        });
    }

    /** Who follows a store or user, newest first, after the (created_at, follower) of a cursor. */
    public Uni<List<Follower>> followers(SqlClient client, Reference type, long id, Instant beforeAt, Long beforeId,
                                         int limit) {
        String after = beforeAt == null ? "" : " and (created_at, follower_id) < ($3, $4)";
        Tuple params = beforeAt == null ? Tuple.of(type.name(), id, limit)
                : Tuple.of(type.name(), id, beforeAt.atOffset(ZoneOffset.UTC), beforeId, limit);
        String limitParam = beforeAt == null ? "$3" : "$5";
        return client.preparedQuery("select follower_id, created_at from user_follows"
                        + " where followee_type = $1 and followee_id = $2" + after
                        + " order by created_at desc, follower_id desc limit " + limitParam)
                .execute(params).map(rows -> {
                    List<Follower> items = new ArrayList<>(rows.size());
                    rows.forEach(row -> items.add(new Follower(row.getLong("follower_id"),
                            row.getOffsetDateTime("created_at").toInstant())));
                    return items;
                });
    }

    /** Followers of a store who want to hear of its new stock (the follow's switch and their preferences). */
    public Uni<List<Long>> notifiedFollowersOfStore(SqlClient client, long storeId) {
        return client.preparedQuery("""
                        select f.follower_id from user_follows f
                        left join user_preferences p on p.user_id = f.follower_id
                        where f.followee_type = 'store' and f.followee_id = $1 and f.notifications_enabled
                          and coalesce(p.store_listing_notifications, true)
                        order by f.follower_id""")
                .execute(Tuple.of(storeId)).map(rows -> {
                    List<Long> ids = new ArrayList<>(rows.size());
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids;
                });
    }

    private static FollowItem firstOrNull(RowSet<Row> rows) {
        return rows.size() == 0 ? null : of(rows.iterator().next());
    }

    private static FollowItem of(Row row) {
        return new FollowItem(row.getString("followee_type"), row.getLong("followee_id"),
                row.getOffsetDateTime("created_at").toInstant(), row.getBoolean("notifications_enabled"),
                row.getBoolean("available"));
    }
}
