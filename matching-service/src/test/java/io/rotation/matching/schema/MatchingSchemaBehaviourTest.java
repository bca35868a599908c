package io.rotation.matching.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.matching.audio.model.AudioMatch;
import io.rotation.matching.audio.model.AudioMatchHistory;
import io.rotation.matching.audio.model.AudioPlatform;
import io.rotation.matching.audio.model.MatchCandidate;
import io.rotation.matching.audio.model.MatchStatus;
import io.rotation.matching.cache.model.MetadataCacheEntry;
import io.rotation.matching.legacy.model.TrackMatch;
import io.rotation.platform.testing.OnVertx;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** What the matching schema does: candidate expiry, match history, cascades, checks, updated_at, entities. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class MatchingSchemaBehaviourTest {

    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Inject
    Vertx vertx;

    @Test
    void cleanupRemovesAnExpiredCandidateAndKeepsAFreshOne() {
        long trackId = newTrackId();
        long expired = ((Number) TestDatabase.rows("""
                insert into match_candidates (track_id, platform, external_id, score, created_at, expires_at)
                values (?, 'youtube', 'old-video', 0.4, now() - interval '2 hours', now() - interval '1 hour')
                returning id""", trackId).get(0).get("id")).longValue();
        long fresh = ((Number) TestDatabase.rows("""
                insert into match_candidates (track_id, platform, external_id, score)
                values (?, 'youtube', 'new-video', 0.8) returning id""", trackId).get(0).get("id")).longValue();

        var freshRow = TestDatabase.rows("select created_at, expires_at from match_candidates where id = ?", fresh)
                .get(0);
        assertThat(Duration.between(((Timestamp) freshRow.get("created_at")).toInstant(),
                ((Timestamp) freshRow.get("expires_at")).toInstant())).isEqualTo(Duration.ofHours(1));

        long deleted = TestDatabase.count("select cleanup_expired_candidates()");
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from match_candidates where id = ?", expired)).isZero();
        assertThat(TestDatabase.count("select count(*) from match_candidates where id = ?", fresh)).isEqualTo(1);
        assertThat(TestDatabase.count("select cleanup_expired_candidates()")).as("nothing left to expire").isZero();
    }

    @Test
    void theHistoryTriggerRecordsCreationAndStatusAndConfidenceChanges() throws Exception {
        long reviewer = TestTokens.newUserId();
        long id = insertMatch(newTrackId(), "MpmbntGDyNE", "0.9100");
        TestDatabase.update("update audio_matches set status = 'verified', verified_by = ?, verified_at = now() "
                + "where id = ?", reviewer, id);

        long moderator = TestTokens.newUserId();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local rotation.actor_id = '" + moderator + "'");
                s.execute("set local rotation.change_reason = 'reported as a bad match'");
            }
            try (PreparedStatement p = c.prepareStatement(
                    "update audio_matches set status = 'needs_review' where id = ?")) {
                p.setLong(1, id);
                p.executeUpdate();
            }
            c.commit();
        }
        TestDatabase.update("update audio_matches set title = 'retitled', view_count = 10 where id = ?", id);
        TestDatabase.update("update audio_matches set confidence_score = 0.5 where id = ?", id);

        List<Map<String, Object>> history = TestDatabase.rows("""
                select action, old_status::text as old_status, new_status::text as new_status,
                       old_confidence_score, new_confidence_score, changed_by, reason
                from audio_match_history where audio_match_id = ? order by id""", id);
        assertThat(history).extracting(r -> r.get("action"))
                .as("the title/view-count update is not history").containsExactly(
                        "created", "status_changed", "status_changed", "confidence_changed");
        assertThat(history.get(0)).containsEntry("old_status", null).containsEntry("new_status", "unverified");
        assertThat(history.get(1)).containsEntry("old_status", "unverified").containsEntry("new_status", "verified")
                .containsEntry("changed_by", reviewer);
        assertThat(history.get(2)).containsEntry("old_status", "verified").containsEntry("new_status", "needs_review")
                .containsEntry("changed_by", moderator).containsEntry("reason", "reported as a bad match");
        assertThat((BigDecimal) history.get(3).get("old_confidence_score")).isEqualByComparingTo("0.91");
        assertThat((BigDecimal) history.get(3).get("new_confidence_score")).isEqualByComparingTo("0.5");

        List<AudioMatchHistory> read = onVertx(() -> sessionFactory.withSession(s -> s.createSelectionQuery(
                "from AudioMatchHistory where audioMatchId = :id order by id", AudioMatchHistory.class)
                .setParameter("id", id).getResultList()));
        assertThat(read).extracting(h -> h.newStatus).containsExactly(MatchStatus.unverified, MatchStatus.verified,
                MatchStatus.needs_review, MatchStatus.needs_review);
        assertThat(read.get(2).oldStatus).isEqualTo(MatchStatus.verified);
    }

    @Test
    void aMatchIsUniquePerTrackPlatformAndVideoAndScoresStayBetweenZeroAndOne() {
        long trackId = newTrackId();
        insertMatch(trackId, "abc", "0.5");
        assertThatThrownBy(() -> insertMatch(trackId, "abc", "0.6"))
                .hasStackTraceContaining("uq_audio_matches_track_platform_external_id");
        assertThatThrownBy(() -> insertMatch(trackId, "def", "1.5"))
                .hasStackTraceContaining("ck_audio_matches_confidence_score");
        assertThatThrownBy(() -> insertMatch(trackId, "ghi", "-0.1"))
                .hasStackTraceContaining("ck_audio_matches_confidence_score");
        assertThatThrownBy(() -> TestDatabase.update("""
                insert into audio_quality_metrics (audio_match_id, bitrate_kbps, analyzer)
                values (?, 0, 'ffmpeg')""", insertMatch(trackId, "jkl", "0.7")))
                .hasStackTraceContaining("ck_audio_quality_metrics_bitrate_kbps");
    }

    @Test
    void historyAndQualityMetricsGoWithTheirMatchAndLegacyRowsLetGo() {
        long trackId = newTrackId();
        long id = insertMatch(trackId, "zzz", "0.8");
        TestDatabase.update("""
                insert into audio_quality_metrics (audio_match_id, bitrate_kbps, sample_rate_hz, dynamic_range_db,
                  loudness_lufs, peak_db, analyzer, raw)
                values (?, 160, 44100, 8.5, -9.2, -0.3, 'ffmpeg-ebur128', '{"codec": "opus"}')""", id);
        long legacy = ((Number) TestDatabase.rows("""
                insert into track_matches (track_id, youtube_id, url, confidence, migrated_to_audio_match_id)
                values (?, 'zzz', 'https://www.youtube.com/watch?v=zzz', 0.8, ?) returning id""", trackId, id)
                .get(0).get("id")).longValue();

        TestDatabase.update("delete from audio_matches where id = ?", id);
        assertThat(TestDatabase.count("select count(*) from audio_match_history where audio_match_id = ?", id)).isZero();
        assertThat(TestDatabase.count("select count(*) from audio_quality_metrics where audio_match_id = ?", id))
                .isZero();
        assertThat(TestDatabase.rows("select migrated_to_audio_match_id as m from track_matches where id = ?", legacy)
                .get(0).get("m")).isNull();
    }

    @Test
    void anUpdateMovesUpdatedAt() {
        long trackId = newTrackId();
        long match = insertMatch(trackId, "upd", "0.6");
        long cache = ((Number) TestDatabase.rows("""
                insert into metadata_cache (entity_type, entity_id, cache_key, data, source, expires_at)
                values ('youtube_video', ?, 'description', '{"description": "x"}', 'youtube_api',
                        now() + interval '7 days') returning id""", UUID.randomUUID().toString()).get(0).get("id"))
                .longValue();
        long legacy = ((Number) TestDatabase.rows("""
                insert into track_matches (track_id, youtube_id) values (?, 'upd') returning id""", trackId)
                .get(0).get("id")).longValue();
        Map<String, Long> rows = Map.of("audio_matches", match, "metadata_cache", cache, "track_matches", legacy);
        Map<String, Instant> before = new HashMap<>();
        rows.forEach((table, id) -> before.put(table, updatedAt(table, id)));

        TestDatabase.update("update audio_matches set view_count = 5 where id = ?", match);
        TestDatabase.update("update metadata_cache set hit_count = hit_count + 1, last_accessed_at = now() "
                + "where id = ?", cache);
        TestDatabase.update("update track_matches set title = 'x' where id = ?", legacy);

        rows.forEach((table, id) -> assertThat(updatedAt(table, id)).as(table + ".updated_at")
                .isAfter(before.get(table)));
    }

    @Test
    void metadataCacheKeysAreUniqueAndTtlsAreConsistent() {
        String entity = UUID.randomUUID().toString();
        String insert = """
                insert into metadata_cache (entity_type, entity_id, cache_key, data, source, fetched_at, expires_at)
                values ('youtube_video', ?, 'description', '{}', 'youtube_api', now(), now() + ?::interval)""";
        TestDatabase.update(insert, entity, "1 day");
        assertThatThrownBy(() -> TestDatabase.update(insert, entity, "1 day"))
                .hasStackTraceContaining("uq_metadata_cache_entity_type_entity_id_cache_key");
        assertThatThrownBy(() -> TestDatabase.update(insert, UUID.randomUUID().toString(), "-1 day"))
                .hasStackTraceContaining("ck_metadata_cache_expires_after_fetched");
    }

    @Test
    void entitiesReadAndWriteEveryTable() throws Exception {
        long trackId = newTrackId();
        long matchId = insertMatch(trackId, "Cawyll0pOI4", "0.87");
        TestDatabase.update("update audio_matches set metadata = '{\"tags\": [\"house\"]}' where id = ?", matchId);
        TestDatabase.update("insert into match_candidates (track_id, platform, external_id, score, raw) "
                + "values (?, 'soundcloud', 'sc-1', 0.3, '{\"rank\": 2}')", trackId);

        AudioMatch match = onVertx(() -> sessionFactory.withSession(s -> s.find(AudioMatch.class, matchId)));
        assertThat(match.platform).isEqualTo(AudioPlatform.youtube);
        assertThat(match.status).isEqualTo(MatchStatus.unverified);
        assertThat(match.confidenceScore).isEqualByComparingTo("0.87");
        assertThat(match.metadata).containsKey("tags");

        List<MatchCandidate> candidates = onVertx(() -> sessionFactory.withSession(s -> s.createSelectionQuery(
                "from MatchCandidate where trackId = :t", MatchCandidate.class).setParameter("t", trackId)
                .getResultList()));
        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.platform).isEqualTo(AudioPlatform.soundcloud);
            assertThat(c.raw).containsEntry("rank", 2);
            assertThat(c.expiresAt).isAfter(c.createdAt);
        });

        // metadata_cache.data may be any JSON, arrays included (search result lists)
        MetadataCacheEntry entry = new MetadataCacheEntry();
        entry.entityType = "track";
        entry.entityId = String.valueOf(trackId);
        entry.cacheKey = "youtube_search";
        entry.data = new ObjectMapper().readTree("[{\"id\": \"Cawyll0pOI4\", \"duration\": 376}]");
        entry.source = "youtube_api";
        entry.fetchedAt = Instant.now();
        entry.expiresAt = entry.fetchedAt.plus(Duration.ofDays(1));
        Long entryId = onVertx(() -> sessionFactory.withTransaction(s -> s.persist(entry).replaceWith(() -> entry.id)));
        assertThat(TestDatabase.rows("select jsonb_typeof(data) as t from metadata_cache where id = ?", entryId)
                .get(0)).containsEntry("t", "array");
        MetadataCacheEntry readEntry = onVertx(() -> sessionFactory.withSession(
                s -> s.find(MetadataCacheEntry.class, entryId)));
        assertThat(readEntry.data.get(0).get("duration").asInt()).isEqualTo(376);

        @SuppressWarnings("deprecation")
        TrackMatch legacy = new TrackMatch();
        legacy.trackId = trackId;
        legacy.platform = AudioPlatform.youtube;
        legacy.youtubeId = "Cawyll0pOI4";
        legacy.confidence = new BigDecimal("0.8700");
        legacy.deprecated = true;
        Long legacyId = onVertx(() -> sessionFactory.withTransaction(s -> s.persist(legacy).replaceWith(() -> legacy.id)));
        assertThat(TestDatabase.count("select count(*) from track_matches where id = ? and track_id = ?",
                legacyId, trackId)).isEqualTo(1);
    }

    private <T> T onVertx(Supplier<Uni<T>> work) throws Exception {
        return OnVertx.await(vertx, work);
    }

    private static long newTrackId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
    }

    private static long insertMatch(long trackId, String externalId, String confidence) {
        return ((Number) TestDatabase.rows("""
                insert into audio_matches (track_id, platform, external_id, url, title, confidence_score, match_method)
                values (?, 'youtube', ?, ?, 'The Persuader - Östermalm', ?::numeric, 'discogs_video')
                returning id""", trackId, externalId, "https://www.youtube.com/watch?v=" + externalId, confidence)
                .get(0).get("id")).longValue();
    }

    private static Instant updatedAt(String table, long id) {
        return ((Timestamp) TestDatabase.rows("select updated_at from " + table + " where id = ?", id).get(0)
                .get("updated_at")).toInstant();
    }

    private static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
