package io.rotation.matching.legacy.repository;

import io.rotation.matching.legacy.model.TrackMatchView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads the legacy track_matches (kept in line with the primary YouTube matches by MatchAftermath). */
@ApplicationScoped
public class TrackMatchRepository {

    private final Pool pool;

    public TrackMatchRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<TrackMatchView>> ofTrack(long trackId) {
        return pool.preparedQuery("""
                        select id, track_id, platform::text as platform, youtube_id, url, title, confidence,
                               is_deprecated, created_at, updated_at
                        from track_matches where track_id = $1 order by id""")
                .execute(Tuple.of(trackId))
                .map(rows -> {
                    List<TrackMatchView> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new TrackMatchView(r.getLong("id"), r.getLong("track_id"),
                            r.getString("platform"), r.getString("youtube_id"), r.getString("url"),
                            r.getString("title"), r.getBigDecimal("confidence") == null ? null
                                    : r.getBigDecimal("confidence").doubleValue(), r.getBoolean("is_deprecated"),
                            r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant())));
                    return out;
                });
    }
}
