package io.rotation.matching.audio.service;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one transaction did to matches, for {@link MatchAftermath}: the tracks touched, the matches
 * created, and the status changes with their old status, reason and actor (null: the system).
 */
public final class MatchChanges {

    /** A status change of one match. */
    public record StatusChange(String oldStatus, String reason, Long changedBy) {
    }

    final Set<Long> trackIds = new LinkedHashSet<>();
    final Set<Long> created = new LinkedHashSet<>();
    final Map<Long, StatusChange> statusChanges = new LinkedHashMap<>();

    public MatchChanges touched(long trackId) {
        trackIds.add(trackId);
        return this;
    }

    public MatchChanges created(long matchId, long trackId) {
        created.add(matchId);
        return touched(trackId);
    }

    public MatchChanges statusChanged(long matchId, long trackId, String oldStatus, String reason, Long changedBy) {
        statusChanges.putIfAbsent(matchId, new StatusChange(oldStatus, reason, changedBy));
        return touched(trackId);
    }

    public boolean isEmpty() {
        return trackIds.isEmpty();
    }
}
