package io.rotation.matching.support;

import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;

/** Rows written straight into matching's schema for tests that do not need the consumer. */
public final class MatchFixtures {

    private MatchFixtures() {
    }

    /** A fresh unique id for records, tracks and feedback. */
    public static long newId() {
        return TestTokens.newUserId();
    }

    /** A release with one playable track titled {@code title}; the track id. */
    public static long releaseWithTrack(long recordId, String title) {
        long trackId = newId();
        TestDatabase.update("""
                insert into releases (record_id, title, artist, artists, track_ids, upserted_at)
                values (?, 'Fixture Release', 'Fixture Artist', '["Fixture Artist"]', array[?]::bigint[], now())""",
                recordId, trackId);
        TestDatabase.update("""
                insert into release_tracks (track_id, record_id, track_index, position, title, duration_seconds,
                                            upserted_at)
                values (?, ?, 0, 'A1', ?, 200, now())""", trackId, recordId, title);
        return trackId;
    }

    /** A match of the track in the given status; its id. */
    public static long match(long trackId, long recordId, String externalId, String status, double confidence) {
        return ((Number) TestDatabase.rows("""
                insert into audio_matches (track_id, record_id, platform, external_id, url, title, confidence_score,
                                           status, match_method, metadata)
                values (?, ?, 'youtube', ?, 'https://www.youtube.com/watch?v=' || ?, 'Fixture video', ?,
                        ?::match_status, 'discogs_video', '{"parts": {"title": 0.9}}')
                returning id""", trackId, recordId, externalId, externalId, confidence, status)
                .get(0).get("id")).longValue();
    }
}
