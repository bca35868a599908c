package io.rotation.userfeatures.export.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code user_exports} and {@code user_export_parts}, and user-features' own part of an export. */
@ApplicationScoped
public class ExportRepository {

    /** Everything user-features holds of a user, as one JSON object ($1 = the user id). */
    private static final String OWN_PART = """
            select jsonb_build_object(
                'favorites', coalesce((select jsonb_agg(jsonb_build_object('type', f.favoritable_type,
                        'id', f.favoritable_id, 'note', f.note, 'created_at', f.created_at) order by f.created_at, f.id)
                    from favorites f where f.user_id = $1), '[]'::jsonb),
                'collections', coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'name', c.name,
                        'description', c.description, 'is_public', c.is_public, 'item_count', c.item_count,
                        'total_duration_seconds', c.total_duration_seconds, 'created_at', c.created_at,
                        'items', coalesce((select jsonb_agg(jsonb_build_object('track_id', i.track_id,
                                'record_id', i.record_id, 'position', i.position, 'note', i.note,
                                'added_at', i.added_at) order by i.position)
                            from user_collection_items i where i.collection_id = c.id), '[]'::jsonb))
                        order by c.created_at, c.id)
                    from user_collections c where c.user_id = $1), '[]'::jsonb),
                'follows', coalesce((select jsonb_agg(jsonb_build_object('type', u.followee_type,
                        'id', u.followee_id, 'notifications_enabled', u.notifications_enabled,
                        'created_at', u.created_at) order by u.created_at, u.id)
                    from user_follows u where u.follower_id = $1), '[]'::jsonb),
                -- who follows them is also their followers' data: the count only
                'followers_count', (select count(*) from user_follows u
                    where u.followee_type = 'user' and u.followee_id = $1),
                'preferences', (select to_jsonb(p) - 'id' from user_preferences p where p.user_id = $1),
                'feedback', coalesce((select jsonb_agg(jsonb_build_object('id', b.id, 'feedback_type', b.feedback_type,
                        'status', b.status, 'entity_type', b.entity_type, 'entity_id', b.entity_id,
                        'audio_match_id', b.audio_match_id, 'title', b.title, 'description', b.description,
                        'resolution', b.resolution, 'created_at', b.created_at) order by b.created_at, b.id)
                    from feedback b where b.user_id = $1), '[]'::jsonb),
                'plays', coalesce((select jsonb_agg(jsonb_build_object('track_id', h.track_id,
                        'record_id', h.record_id, 'played_at', h.played_at, 'duration_played_ms', h.duration_played_ms,
                        'completion_percentage', h.completion_percentage, 'action', h.action, 'device', h.device,
                        'session_id', h.session_id) order by h.played_at, h.id)
                    from play_history h where h.user_id = $1), '[]'::jsonb)
            )::text""";

    public record ExportRow(UUID id, long userId, Instant requestedAt, Instant completedAt, Instant expiresAt) {
    }

    public Uni<ExportRow> find(SqlClient client, UUID id) {
        return client.preparedQuery("select * from user_exports where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    /** The user's newest export still waiting for parts, asked for within {@code window}. */
    public Uni<ExportRow> pendingSince(SqlClient client, long userId, Duration window) {
        return client.preparedQuery("""
                        select * from user_exports where user_id = $1 and completed_at is null
                          and requested_at > now() - make_interval(secs => $2) order by requested_at desc limit 1""")
                .execute(Tuple.of(userId, (double) window.toSeconds()))
                .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    public Uni<ExportRow> insert(SqlClient client, UUID id, long userId, Duration retention) {
        return client.preparedQuery("""
                        insert into user_exports (id, user_id, expires_at) values ($1, $2, now() + make_interval(secs => $3))
                        returning *""")
                .execute(Tuple.of(id, userId, (double) retention.toSeconds())).map(rows -> of(rows.iterator().next()));
    }

    public Uni<Void> insertOwnPart(SqlClient client, UUID exportId, long userId, String service) {
        return client.preparedQuery("insert into user_export_parts (export_id, service, data) select $1, $2, ("
                        + OWN_PART.replace("$1", "$3") + ")::jsonb")
                .execute(Tuple.of(exportId, service, userId)).replaceWithVoid();
    }

    /**
     * Stores a chunk of a part another service sent, if it belongs to an export of that user (a chunk
     * for an expired or unknown export is dropped, a chunk already stored is not stored again), and
     * marks the export complete once {@code expected} services have all their chunks in. The export's
     * row is locked first, so that two chunks arriving at once cannot both miss completing it.
     */
    public Uni<Void> insertPart(SqlClient client, UUID exportId, long userId, String service, String json,
                                int chunk, int chunks, int expected) {
        return client.preparedQuery("select 1 from user_exports where id = $1 and user_id = $2 for update")
                .execute(Tuple.of(exportId, userId))
                .chain(owned -> owned.size() == 0 ? Uni.createFrom().voidItem() : client.preparedQuery("""
                                insert into user_export_parts (export_id, service, data, chunk, chunks)
                                values ($1, $2, $3::text::jsonb, $4, $5)
                                on conflict (export_id, service, chunk) do nothing""")
                        .execute(Tuple.of(exportId, service, json, chunk, chunks))
                        .chain(() -> client.preparedQuery("""
                                        update user_exports set completed_at = now()
                                        where id = $1 and completed_at is null
                                          and (select count(*) from (""" + COMPLETE_SERVICES + ") s) >= $2")
                                .execute(Tuple.of(exportId, expected)))
                        .replaceWithVoid());
    }

    /** The services of export $1 whose every chunk is in. */
    private static final String COMPLETE_SERVICES = """
            select service from user_export_parts where export_id = $1
            group by service having count(*) = max(chunks) and min(chunks) = max(chunks)""";

    /** The services whose part is complete. */
    public Uni<List<String>> completeServices(SqlClient client, UUID exportId) {
        return client.preparedQuery(COMPLETE_SERVICES + " order by service").execute(Tuple.of(exportId))
                .map(rows -> {
                    List<String> services = new ArrayList<>();
                    rows.forEach(row -> services.add(row.getString("service")));
                    return services;
                });
    }

    /** The parts received so far: service → its chunks' JSON objects as text, in chunk order. */
    public Uni<Map<String, List<String>>> parts(SqlClient client, UUID exportId) {
        return client.preparedQuery("select service, data::text as data from user_export_parts where export_id = $1"
                        + " order by service, chunk").execute(Tuple.of(exportId))
                .map(rows -> {
                    Map<String, List<String>> parts = new LinkedHashMap<>();
                    rows.forEach(row -> parts.computeIfAbsent(row.getString("service"), s -> new ArrayList<>())
                            .add(row.getString("data")));
                    return parts;
                });
    }

    public Uni<Integer> deleteExpired(SqlClient client) {
        return client.preparedQuery("delete from user_exports where expires_at < now()").execute()
                .map(rows -> rows.rowCount());
    }

    private static ExportRow of(Row row) {
        return new ExportRow(row.getUUID("id"), row.getLong("user_id"),
                row.getOffsetDateTime("requested_at").toInstant(),
                row.getOffsetDateTime("completed_at") == null ? null : row.getOffsetDateTime("completed_at").toInstant(),
                row.getOffsetDateTime("expires_at").toInstant());
    }
}
