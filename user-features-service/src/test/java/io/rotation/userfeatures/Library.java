package io.rotation.userfeatures;

import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.util.UUID;

/**
 * Test data written straight into the schema: projected catalog tracks and records, stores, users and
 * matches (as their events would have left them), and a user's library. Ids are fresh per call.
 */
public final class Library {

    private Library() {
    }

    /** An available track of a fresh record; @return its id */
    public static long track(Integer durationSeconds) {
        long track = TestTokens.newUserId();
        long record = TestTokens.newUserId();
        TestDatabase.update("insert into catalog_records (record_id, artist, title, upserted_at) values (?, 'Artist', ?, now())",
                record, "Record " + record);
        TestDatabase.update("""
                insert into catalog_tracks (track_id, record_id, title, artist, duration_seconds, upserted_at)
                values (?, ?, ?, 'Artist', ?, now())""", track, record, "Track " + track, durationSeconds);
        return track;
    }

    public static long recordOf(long track) {
        return ((Number) TestDatabase.rows("select record_id from catalog_tracks where track_id = ?", track).get(0)
                .get("record_id")).longValue();
    }

    public static void store(long storeId, String status) {
        TestDatabase.update("insert into known_stores (store_id, name, status, changed_at) values (?, ?, ?, now())",
                storeId, "Store " + storeId, status);
    }

    public static void user(long userId) {
        TestDatabase.update("insert into known_users (user_id, username, registered_at) values (?, ?, now())",
                userId, "u" + userId);
    }

    public static long match(long trackId, String status) {
        long match = TestTokens.newUserId();
        TestDatabase.update("""
                insert into known_audio_matches (match_id, track_id, platform, status, changed_at)
                values (?, ?, 'youtube', ?, now())""", match, trackId, status);
        return match;
    }

    public static long collection(long owner, String name, boolean isPublic) {
        return id("insert into user_collections (user_id, name, is_public) values (?, ?, ?) returning id",
                owner, name, isPublic);
    }

    public static long item(long collection, long track, int position) {
        return id("""
                insert into user_collection_items (collection_id, track_id, position, duration_seconds)
                select ?, track_id, ?, duration_seconds from catalog_tracks where track_id = ? returning id""",
                collection, position, track);
    }

    public static long feedback(long reporter) {
        return id("insert into feedback (user_id, feedback_type, title) values (?, 'other', 'seeded') returning id",
                reporter);
    }

    public static String export(long owner) {
        UUID id = UUID.randomUUID();
        TestDatabase.update("insert into user_exports (id, user_id, expires_at) values (?, ?, now() + interval '1 day')",
                id, owner);
        return id.toString();
    }

    public static long id(String sql, Object... params) {
        return ((Number) TestDatabase.rows(sql, params).get(0).get("id")).longValue();
    }
}
