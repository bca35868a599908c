package io.rotation.matching.audio.service;

import io.rotation.contracts.EventType;
import io.rotation.contracts.matching.MatchCreated;
import io.rotation.contracts.matching.MatchStatusChanged;
import io.rotation.matching.audio.cache.MatchCache;
import io.rotation.matching.audio.model.MatchView;
import io.rotation.matching.audio.repository.AudioMatchRepository;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What follows any change of matches, in the change's transaction: each touched track's primaries
 * recomputed (one per platform, best first), the legacy track_matches brought in line, and
 * MatchCreated / MatchStatusChanged (also for a primacy flip) appended to the outbox. After the commit
 * the caller evicts the served lists ({@link #evict}).
 */
@ApplicationScoped
public class MatchAftermath {

    private final AudioMatchRepository matches;
    private final Outbox outbox;
    private final MatchCache cache;

    public MatchAftermath(AudioMatchRepository matches, Outbox outbox, MatchCache cache) {
        this.matches = matches;
        this.outbox = outbox;
        this.cache = cache;
    }

    /** @return the matches as they now are, of every match created or changed (for eviction and answers) */
    public Uni<List<MatchView>> settle(SqlConnection connection, MatchChanges changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Long[] trackIds = changes.trackIds.toArray(Long[]::new);
        return matches.recomputePrimaries(connection, trackIds)
                .call(() -> matches.syncLegacy(connection, trackIds))
                .chain(flipped -> {
                    Set<Long> ids = new LinkedHashSet<>(changes.created);
                    ids.addAll(changes.statusChanges.keySet());
                    ids.addAll(flipped);
                    return matches.findByIds(connection, ids.toArray(Long[]::new))
                            .call(views -> outbox.append(connection, events(views, changes)));
                });
    }

    /** Evicts the served lists of the changed matches' tracks and records (never fails). */
    public Uni<Void> evict(List<MatchView> changed) {
        return cache.evict(changed);
    }

    private static List<OutboundEvent> events(List<MatchView> views, MatchChanges changes) {
        Instant now = Instant.now();
        List<OutboundEvent> events = new ArrayList<>();
        for (MatchView m : views) {
            if (changes.created.contains(m.id())) {
                events.add(OutboundEvent.of(EventType.MATCH_CREATED, m.trackId(), new MatchCreated(m.id(),
                        m.trackId(), m.recordId(), m.platform(), m.externalId(), m.url(), m.title(),
                        m.durationSeconds(), m.confidenceScore(), m.status(), m.isPrimary(), now)));
                continue;
            }
            MatchChanges.StatusChange change = changes.statusChanges.get(m.id());
            events.add(OutboundEvent.of(EventType.MATCH_STATUS_CHANGED, m.trackId(), new MatchStatusChanged(m.id(),
                    m.trackId(), m.recordId(), m.platform(), change == null ? m.status() : change.oldStatus(),
                    m.status(), m.isPrimary(), change == null ? "primary match of the track changed" : change.reason(),
                    change == null ? null : change.changedBy(), now)));
        }
        return events;
    }
}
