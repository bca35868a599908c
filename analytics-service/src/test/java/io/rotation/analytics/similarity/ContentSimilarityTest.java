package io.rotation.analytics.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.analytics.jobs.service.MaintenanceJobs;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * content_similarity kept current by the consumers (plays → collaborative rows, catalog records → metadata
 * rows) and rebuilt by the nightly recount. Ids are fresh per run: the database is shared.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ContentSimilarityTest {

    private static final AtomicLong IDS = new AtomicLong(8_000_000_000_000L
            + ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    private static final Map<Long, String> ARTISTS = new ConcurrentHashMap<>();
    private static TestEvents events;

    @Inject
    MaintenanceJobs jobs;

    @BeforeAll
    static void open() {
        events = new TestEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void keepsARecordsCoListenedNeighboursCurrentAsPlaysArrive() {
        long a = IDS.incrementAndGet();
        long b = IDS.incrementAndGet();
        long c = IDS.incrementAndGet();
        long d = IDS.incrementAndGet();
        for (int i = 0; i < 3; i++) {
            long listener = TestTokens.newUserId();
            play(listener, a);
            play(listener, b);
        }
        long other = TestTokens.newUserId();
        play(other, c);
        play(other, d);
        await().atMost(Duration.ofSeconds(60)).until(() -> coListeners(a, b) == 3
                && score(c, d, "collaborative") != null);
        assertThat(score(a, b, "collaborative")).isEqualByComparingTo("1");
        assertThat(score(a, c, "collaborative")).as("nobody played a and c yet").isNull();

        long bridge = TestTokens.newUserId();
        play(bridge, a);
        play(bridge, c);

        await().atMost(Duration.ofSeconds(60)).until(() -> score(a, c, "collaborative") != null);
        assertThat(score(a, c, "collaborative")).as("one listener of four against three")
                .isLessThan(score(a, b, "collaborative"));
        assertThat(score(c, a, "collaborative")).as("c's row, refreshed with the rest of the bridge's records")
                .isNotNull();
        assertThat(score(d, a, "collaborative")).as("no listener of d played a").isNull();
    }

    @Test
    void keepsARecordsContentNeighboursCurrentAsTheCatalogReportsIt() {
        String label = "Label " + IDS.incrementAndGet();
        String style = "Style " + IDS.incrementAndGet();
        long x = record("Artist " + IDS.incrementAndGet(), List.of(label), List.of(style), 1994);
        long y = record("Artist " + IDS.incrementAndGet(), List.of(label), List.of(style), 1996);
        long z = record("Artist " + IDS.incrementAndGet(), List.of("Label " + IDS.incrementAndGet()),
                List.of("Style " + IDS.incrementAndGet()), 1960);

        await().atMost(Duration.ofSeconds(60)).until(() -> score(x, y, "metadata") != null
                && score(y, x, "metadata") != null);
        assertThat(score(x, z, "metadata")).as("nothing telling in common").isNull();
        assertThat(TestDatabase.rows("""
                select details::text as details from content_similarity
                 where source_id = ? and target_id = ? and similarity_type = 'metadata'""", x, y).get(0)
                .get("details").toString()).contains("label:" + label.toLowerCase(), "style:" + style.toLowerCase());

        long sameArtist = record(artistOf(z), List.of(), List.of(), null);
        await().atMost(Duration.ofSeconds(60)).until(() -> score(z, sameArtist, "metadata") != null);
    }

    @Test
    void theNightlyRecountRebuildsEveryRecordsRowsOnceADay() {
        long a = IDS.incrementAndGet();
        long b = IDS.incrementAndGet();
        long gone = IDS.incrementAndGet();
        for (int i = 0; i < 2; i++) {
            long listener = TestTokens.newUserId();
            affinity(listener, a);
            affinity(listener, b);
        }
        TestDatabase.update("""
                insert into content_similarity (source_type, source_id, target_type, target_id, similarity_type,
                                                score, algorithm)
                values ('record', ?, 'record', ?, 'collaborative', 0.9, 'rp3beta')""", a, gone);
        LocalDate day = LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(100_000));

        Optional<Long> first = jobs.recountSimilarity(day).await().atMost(Duration.ofMinutes(3));
        Optional<Long> second = jobs.recountSimilarity(day).await().atMost(Duration.ofMinutes(3));

        assertThat(first).isPresent();
        assertThat(second).as("one recount per day, whichever replica or run asks again").isEmpty();
        assertThat(score(a, b, "collaborative")).isEqualByComparingTo("1");
        assertThat(score(b, a, "collaborative")).isEqualByComparingTo("1");
        assertThat(score(a, gone, "collaborative")).as("a pair nobody listens to together any more").isNull();
        Map<String, Object> job = TestDatabase.rows(
                "select status::text as status, result::text as result from jobs where id = ?", first.get()).get(0);
        assertThat(job.get("status")).isEqualTo("completed");
        assertThat((String) job.get("result")).contains("collaborative", "metadata");
    }

    private static BigDecimal score(long source, long target, String kind) {
        List<Map<String, Object>> rows = TestDatabase.rows("""
                select score from content_similarity where source_type = 'record' and source_id = ?
                   and target_type = 'record' and target_id = ? and similarity_type = ?""", source, target, kind);
        return rows.isEmpty() ? null : (BigDecimal) rows.get(0).get("score");
    }

    private static long coListeners(long source, long target) {
        return TestDatabase.count("""
                select coalesce(max((details ->> 'co_listeners')::bigint), 0) from content_similarity
                 where source_type = 'record' and source_id = ? and target_type = 'record' and target_id = ?
                   and similarity_type = 'collaborative'""", source, target);
    }

    private static void play(long user, long record) {
        events.send(topic("plays"), UUID.randomUUID(), EventType.PLAY_RECORDED, String.valueOf(user),
                new PlayRecorded(IDS.incrementAndGet(), user, IDS.incrementAndGet(), record,
                        Instant.now().minusSeconds(5), 180_000, BigDecimal.valueOf(90), "play", null, "test"));
    }

    private static void affinity(long user, long record) {
        TestDatabase.update("""
                insert into recommendation_data (user_id, entity_type, entity_id, affinity_score, play_count,
                                                 last_interaction_at)
                values (?, 'record', ?, 1.9, 2, ?)""", user, record, Timestamp.from(Instant.now()));
    }


    private static long record(String artist, List<String> labels, List<String> styles, Integer year) {
        long id = IDS.incrementAndGet();
        ARTISTS.put(id, artist);
        events.send(topic("catalog-records"), UUID.randomUUID(), EventType.RECORD_UPSERTED, String.valueOf(id),
                new RecordUpserted(id, null, artist, "Title " + id, year, List.of(), styles, List.of(),
                        Instant.now(), List.of(artist), List.of(), labels));
        return id;
    }

    private static String artistOf(long record) {
        return ARTISTS.get(record);
    }

    private static String topic(String channel) {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    }
}
