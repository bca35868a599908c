package io.rotation.analytics.usage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.FavoriteChanged;
import io.rotation.contracts.userfeatures.FeedbackSubmitted;
import io.rotation.contracts.userfeatures.FollowChanged;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Favourites, follows and feedback become usage_metrics rows and daily_metrics counts exactly once; admins read
 * daily_metrics; /stats/me shows top records, artists, genres and plays by hour from the plays and the catalog
 * projection.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class InteractionsTest {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static TestEvents events;

    @BeforeAll
    static void open() {
        events = new TestEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void followsFeedbackAndFavoritesAreCountedOnceEvenWhenRedeliveredInALaterBatch() {
        long user = TestTokens.newUserId();
        long store = unique();
        long record = unique();
        Instant at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MICROS);
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        UUID follow = UUID.randomUUID();
        FollowChanged followed = new FollowChanged(user, "store", store, at);
        events.send(topic("follows"), follow, EventType.FOLLOW_ADDED, String.valueOf(user), followed);
        events.send(topic("follows"), UUID.randomUUID(), EventType.FOLLOW_REMOVED, String.valueOf(user),
                new FollowChanged(user, "store", store, at.plusSeconds(1)));
        UUID feedback = UUID.randomUUID();
        FeedbackSubmitted submitted = new FeedbackSubmitted(unique(), user, "bad_match", "store", store, null,
                "wrong video", at);
        events.send(topic("feedback"), feedback, EventType.FEEDBACK_SUBMITTED, String.valueOf(store), submitted);
        events.send(topic("favorites"), UUID.randomUUID(), EventType.FAVORITE_ADDED, String.valueOf(user),
                new FavoriteChanged(user, "record", record, at));
        awaitUsage(user, 4);

        // the same events again, in later batches, each followed by a new event on the same key (partition):
        // once the new ones are stored, the redeliveries before them were consumed
        events.send(topic("follows"), follow, EventType.FOLLOW_ADDED, String.valueOf(user), followed);
        events.send(topic("feedback"), feedback, EventType.FEEDBACK_SUBMITTED, String.valueOf(store), submitted);
        events.send(topic("follows"), UUID.randomUUID(), EventType.FOLLOW_ADDED, String.valueOf(user),
                new FollowChanged(user, "store", store, at.plusSeconds(2)));
        events.send(topic("feedback"), UUID.randomUUID(), EventType.FEEDBACK_SUBMITTED, String.valueOf(store),
                new FeedbackSubmitted(unique(), user, "other", "store", store, null, "again", at.plusSeconds(3)));
        awaitUsage(user, 6);

        assertThat(TestDatabase.rows("""
                select event_type, entity_type, entity_id from usage_metrics where user_id = ?
                order by occurred_at, event_type""", user))
                .extracting(r -> r.get("event_type") + "/" + r.get("entity_type") + "/" + r.get("entity_id"))
                .containsExactly("favorite_added/record/" + record, "feedback_submitted/store/" + store,
                        "follow_added/store/" + store, "follow_removed/store/" + store,
                        "follow_added/store/" + store, "feedback_submitted/store/" + store);
        assertThat(perStore(day, store)).isEqualTo(Map.of("follow_added", 2L, "follow_removed", 1L,
                "feedback_submitted", 2L));
        assertThat(TestDatabase.rows("select metadata->>'feedback_type' as t from usage_metrics where event_id = ?",
                feedback).get(0)).containsEntry("t", "bad_match");
    }

    @Test
    void theNightlyRecountAgreesWithWhatTheConsumersAdded() {
        long user = TestTokens.newUserId();
        long store = unique();
        Instant at = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MICROS);
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        for (int i = 0; i < 3; i++) {
            events.send(topic("follows"), UUID.randomUUID(), EventType.FOLLOW_ADDED, String.valueOf(user),
                    new FollowChanged(user, "store", store, at.plusSeconds(i)));
        }
        awaitUsage(user, 3);
        Map<String, Long> added = perStore(day, store);
        assertThat(added).isEqualTo(Map.of("follow_added", 3L));

        TestDatabase.update("""
                update daily_metrics set value = 99 where metric_date = ? and metric_type = 'interactions'
                and entity_type = 'store' and entity_id = ?""", day, store);
        TestDatabase.rows("select aggregate_daily_metrics(?) as written", day);
        assertThat(perStore(day, store)).isEqualTo(added);
    }

    @Test
    void adminsReadDailyMetricsByRangeTypeAndEntityInCursorPages() {
        long user = TestTokens.newUserId();
        long store = unique();
        Instant at = Instant.now().minusSeconds(20);
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        events.send(topic("follows"), UUID.randomUUID(), EventType.FOLLOW_ADDED, String.valueOf(user),
                new FollowChanged(user, "store", store, at));
        events.send(topic("feedback"), UUID.randomUUID(), EventType.FEEDBACK_SUBMITTED, String.valueOf(store),
                new FeedbackSubmitted(unique(), user, "other", "store", store, null, "hello", at));
        awaitUsage(user, 2);

        String query = "from=" + day + "&to=" + day + "&type=interactions&entity_type=store&entity_id=" + store;
        JsonPath first = daily(query + "&limit=1");
        assertThat(first.getList("items")).hasSize(1);
        JsonPath second = daily(query + "&limit=1&cursor=" + first.getString("next_cursor"));
        assertThat(second.getString("next_cursor")).isNull();
        assertThat(List.of(first.getString("items[0].metric_name"), second.getString("items[0].metric_name")))
                .containsExactlyInAnyOrder("follow_added", "feedback_submitted");
        assertThat(first.getString("items[0].metric_date")).isEqualTo(day.toString());
        assertThat(first.getString("items[0].metric_type")).isEqualTo("interactions");
        assertThat(first.getLong("items[0].entity_id")).isEqualTo(store);
        assertThat(first.getInt("items[0].value")).isEqualTo(1);

        assertThat(daily("from=" + day.minusDays(3) + "&to=" + day.minusDays(1) + "&type=interactions"
                + "&entity_type=store&entity_id=" + store).getList("items")).isEmpty();
        assertThat(daily("type=interactions&entity_type=global&entity_id=0&metric=follow_added")
                .getList("items.metric_name", String.class)).contains("follow_added").containsOnly("follow_added");
    }

    @Test
    void dailyMetricsAreForAdminsAndBadRangesAreA400NamingTheParameter() {
        given().get("/api/v1/metrics/daily").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).get("/api/v1/metrics/daily")
                .then().statusCode(403).contentType("application/problem+json");
        String admin = TestTokens.admin(TestTokens.newUserId());
        for (String[] bad : new String[][] {{"from=yesterday", "from"}, {"to=2026-02-30", "to"},
                {"from=2026-02-01&to=2026-01-01", "to"}, {"from=2024-01-01&to=2026-01-01", "from"},
                {"entity_id=-1", "entity_id"}, {"limit=0", "limit"}, {"cursor=bm90IGEgY3Vyc29y", "cursor"}}) {
            given().auth().oauth2(admin).get("/api/v1/metrics/daily?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad[1]));
        }
    }

    @Test
    void statsShowTopRecordsArtistsGenresAndPlaysByHourOfTheWindow() {
        long user = TestTokens.newUserId();
        long a = catalogRecord("Artist A", "Record A", "{Jazz,Funk / Soul}");
        long b = catalogRecord("Artist B", "Record B", "{Jazz}");
        long unknown = unique();
        Instant base = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
        play(user, a, base.plusSeconds(60), 100_000);
        play(user, a, base.plusSeconds(120), 50_000);
        play(user, a, base.plus(Duration.ofHours(1)).plusSeconds(60), 10_000);
        play(user, b, base.plusSeconds(180), 200_000);
        play(user, unknown, base.plusSeconds(240), 1_000);
        play(user, a, Instant.now().minus(Duration.ofDays(20)), 1_000); // outside a 7-day window
        awaitUsage(user, 6);

        JsonPath stats = given().auth().oauth2(TestTokens.user(user)).get("/api/v1/stats/me?days=7&top=5")
                .then().statusCode(200).extract().jsonPath();
        assertThat(stats.getList("top_records.record_id", Long.class)).containsExactly(a, b, unknown);
        assertThat(stats.getLong("top_records[0].plays")).isEqualTo(3);
        assertThat(stats.getLong("top_records[0].listening_ms")).isEqualTo(160_000);
        assertThat(stats.getString("top_records[0].title")).isEqualTo("Record A");
        assertThat(stats.getString("top_records[2].artist")).isNull();
        assertThat(stats.getList("top_artists.name", String.class)).containsExactly("Artist A", "Artist B");
        assertThat(stats.getList("top_genres.name", String.class)).containsExactly("Jazz", "Funk / Soul");
        assertThat(stats.getLong("top_genres[0].plays")).isEqualTo(4);
        List<Map<String, Object>> hours = stats.getList("listening_by_hour");
        assertThat(hours).hasSize(24);
        int h0 = base.atOffset(ZoneOffset.UTC).getHour();
        assertThat(stats.getLong("listening_by_hour[" + h0 + "].plays")).isEqualTo(4);
        assertThat(stats.getLong("listening_by_hour[" + h0 + "].listening_ms")).isEqualTo(351_000);
        assertThat(stats.getLong("listening_by_hour[" + ((h0 + 1) % 24) + "].plays")).isEqualTo(1);
        assertThat(hours.stream().mapToLong(h -> ((Number) h.get("plays")).longValue()).sum()).isEqualTo(5);
    }

    @Test
    void statsWindowStartsToTheSecondInsideItsFirstHour() {
        long user = TestTokens.newUserId();
        long record = catalogRecord("Artist C", "Record C", "{Dub}");
        // the window's first hour is summed play by play: 90 s either side of its start usually share that hour
        Instant start = Instant.now().minus(Duration.ofDays(7));
        play(user, record, start.minusSeconds(90), 1_000);
        play(user, record, start.plusSeconds(90), 2_000);
        play(user, record, Instant.now().minus(Duration.ofHours(3)), 4_000);
        awaitUsage(user, 3);

        JsonPath stats = given().auth().oauth2(TestTokens.user(user)).get("/api/v1/stats/me?days=7")
                .then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("top_records[0].plays")).isEqualTo(2);
        assertThat(stats.getLong("top_records[0].listening_ms")).isEqualTo(6_000);
        assertThat(stats.getList("listening_by_hour", Map.class).stream()
                .mapToLong(h -> ((Number) h.get("listening_ms")).longValue()).sum()).isEqualTo(6_000);
    }

    private static void play(long user, long record, Instant at, int ms) {
        events.send(topic("plays"), UUID.randomUUID(), EventType.PLAY_RECORDED, String.valueOf(user),
                new PlayRecorded(IDS.incrementAndGet(), user, unique(), record, at, ms, new BigDecimal("50"), "play",
                        "s-1", "web"));
    }

    private static long catalogRecord(String artist, String title, String genres) {
        long id = unique();
        TestDatabase.update("""
                insert into catalog_records (record_id, artist, title, genres, upserted_at)
                values (?, ?, ?, ?::text[], now())""", id, artist, title, genres);
        return id;
    }

    private static Map<String, Long> perStore(LocalDate day, long store) {
        Map<String, Long> values = new java.util.HashMap<>();
        TestDatabase.rows("""
                select metric_name, value from daily_metrics where metric_date = ? and metric_type = 'interactions'
                and entity_type = 'store' and entity_id = ?""", day, store)
                .forEach(r -> values.put((String) r.get("metric_name"), ((Number) r.get("value")).longValue()));
        return values;
    }

    private static JsonPath daily(String query) {
        return given().auth().oauth2(TestTokens.admin(TestTokens.newUserId())).get("/api/v1/metrics/daily?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void awaitUsage(long user, int count) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() ->
                TestDatabase.count("select count(*) from usage_metrics where user_id = ?", user) >= count);
        assertThat(TestDatabase.count("select count(*) from usage_metrics where user_id = ?", user)).isEqualTo(count);
    }

    private static long unique() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
    }

    private static String topic(String channel) {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    }
}
