package io.rotation.userfeatures.follow.repository;

import io.rotation.userfeatures.follow.model.FollowItem;
import io.rotation.userfeatures.follow.model.Follower;
import io.rotation.userfeatures.projection.model.Reference;
import io.rotation.userfeatures.shared.repository.UserTargetRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The {@code user_follows} table: a user → a store or a user they follow. */
@Singleton
public class FollowRepository extends UserTargetRepository<FollowItem> {

    public FollowRepository() {
        super("user_follows", "follower_id", "followee_type", "followee_id", "notifications_enabled, ",
                row -> new FollowItem(row.getString("followee_type"), row.getLong("followee_id"),
                        row.getOffsetDateTime("created_at").toInstant(), row.getBoolean("notifications_enabled"),
                        row.getBoolean("available")));
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
}
