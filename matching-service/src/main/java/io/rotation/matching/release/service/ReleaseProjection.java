package io.rotation.matching.release.service;

import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.catalog.TrackUpserted;
import io.rotation.matching.release.repository.ReleaseRepository;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a batch of catalog events to the projection: tracks first, then records (a record's event
 * follows its tracks'), the newest event of each id winning. Only a real change (new release, changed
 * title, artists, videos, tracklist or track) queues the release for matching, so a re-import of an
 * unchanged catalog costs no matching.
 */
@ApplicationScoped
public class ReleaseProjection {

    private final ReleaseRepository releases;

    public ReleaseProjection(ReleaseRepository releases) {
        this.releases = releases;
    }

    public Uni<Void> apply(SqlConnection connection, List<Decoded<Record>> batch) {
        Map<Long, TrackUpserted> tracks = new LinkedHashMap<>();
        Map<Long, RecordUpserted> records = new LinkedHashMap<>();
        for (Decoded<Record> event : batch) {
            if (event.payload() instanceof TrackUpserted t) {
                tracks.merge(t.trackId(), t, (a, b) -> b.upsertedAt().isBefore(a.upsertedAt()) ? a : b);
            } else if (event.payload() instanceof RecordUpserted r) {
                records.merge(r.recordId(), r, (a, b) -> b.upsertedAt().isBefore(a.upsertedAt()) ? a : b);
            }
        }
        return releases.upsertTracks(connection, List.copyOf(tracks.values()))
                .chain(() -> releases.upsertReleases(connection, List.copyOf(records.values())));
    }
}
