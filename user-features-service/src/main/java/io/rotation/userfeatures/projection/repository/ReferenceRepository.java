package io.rotation.userfeatures.projection.repository;

import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.rotation.userfeatures.projection.model.Reference;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Whether a referenced thing exists and is available, from the projections: a track its record still
 * lists, any projected record, an active store, a match that was not rejected, a registered user
 * that was not erased.
 */
@ApplicationScoped
public class ReferenceRepository {

    /** {@code $1} = the id; one row when available. */
    public static String availableQuery(Reference kind) {
        return switch (kind) {
            case track -> "select 1 from catalog_tracks where track_id = $1 and available";
            case record -> "select 1 from catalog_records where record_id = $1";
            case store -> "select 1 from known_stores where store_id = $1 and status = 'active'";
            case audio_match -> "select 1 from known_audio_matches where match_id = $1 and status <> 'rejected'";
            case user -> "select 1 from known_users where user_id = $1";
        };
    }

    /**
     * SQL that is true when the thing of kind {@code typeColumn} and id {@code idColumn} is available,
     * for listings that show references which went away as unavailable.
     */
    public static String availableExpression(String typeColumn, String idColumn) {
        return "case " + typeColumn
                + " when 'track' then exists (select 1 from catalog_tracks x where x.track_id = " + idColumn + " and x.available)"
                + " when 'record' then exists (select 1 from catalog_records x where x.record_id = " + idColumn + ")"
                + " when 'store' then exists (select 1 from known_stores x where x.store_id = " + idColumn
                + " and x.status = 'active')"
                + " when 'audio_match' then exists (select 1 from known_audio_matches x where x.match_id = " + idColumn
                + " and x.status <> 'rejected')"
                + " when 'user' then exists (select 1 from known_users x where x.user_id = " + idColumn + ")"
                + " else false end";
    }

    public Uni<Boolean> isAvailable(SqlClient client, Reference kind, long id) {
        return client.preparedQuery(availableQuery(kind)).execute(Tuple.of(id)).map(rows -> rows.size() > 0);
    }

    /**
     * Fails unless the thing is available: 404 when it is named by the path ({@code field} null), else
     * 422 naming the body's field.
     */
    public Uni<Void> requireAvailable(SqlClient client, Reference kind, long id, String field) {
        return isAvailable(client, kind, id).invoke(available -> {
            if (!available) {
                throw missing(kind, id, field);
            }
        }).replaceWithVoid();
    }

    public static ProblemException missing(Reference kind, long id, String field) {
        String detail = kind + " " + id + " does not exist or is no longer available";
        if (field == null) {
            return new ProblemException(ProblemType.NOT_FOUND, detail);
        }
        return new ProblemException(Problem.of(ProblemType.UNPROCESSABLE, field + ": " + detail,
                List.of(new Problem.FieldError(field, detail))));
    }

    /** A track as collections need it: its record and duration; null when unknown or unavailable. */
    public Uni<TrackInfo> track(SqlClient client, long trackId) {
        return client.preparedQuery("""
                        select record_id, duration_seconds from catalog_tracks where track_id = $1 and available""")
                .execute(Tuple.of(trackId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new TrackInfo(trackId, row.getLong("record_id"), row.getInteger("duration_seconds"));
                });
    }

    public record TrackInfo(long trackId, long recordId, Integer durationSeconds) {
    }
}
