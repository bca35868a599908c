package io.rotation.analytics.recommendation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.identity.UserErased;
import io.rotation.contracts.userfeatures.FavoriteChanged;
import io.rotation.contracts.userfeatures.FollowChanged;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
 * Artist, genre and style preferences in recommendation_data, derived from the catalog projection as plays,
 * favourites and follows are consumed, and what they do to recommendations. Ids and names are fresh per run
 * (the database is shared).
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class TastePreferencesTest {

    private static final AtomicLong IDS = new AtomicLong(8_000_000_000_000L
            + ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    private static TestEvents events;

    @BeforeAll
    static void open() {
        events = new TestEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    /** A listener who played three records of one genre and one of another, with their preference rows. */
    private record Listener(long id, String run, String often, String once, long firstRecord, UUID firstPlay,
                            long onceRecord) {
    }

    private static Listener listenerOfTwoGenres() {
        String run = "t" + IDS.incrementAndGet();
        String often = "Often " + run;
        String once = "Once " + run;
        long x1 = record("Artist X " + run, often, "Style X " + run);
        long x2 = record("Artist X " + run, often, "Style X " + run);
        long x3 = record("Artist X2 " + run, often, "Style X " + run);
        long y = record("Artist Y " + run, once, "Style Y " + run);
        awaitCatalogued(x1, x2, x3, y);
        long me = TestTokens.newUserId();
        UUID firstPlay = UUID.randomUUID();
        play(firstPlay, me, x1);
        play(UUID.randomUUID(), me, x2);
        play(UUID.randomUUID(), me, x3);
        play(UUID.randomUUID(), me, y);
        await().atMost(Duration.ofSeconds(60)).until(() -> taste(me, "genre", once) != null
                && taste(me, "genre", often) != null
                && ((Number) taste(me, "genre", often).get("play_count")).intValue() >= 3);
        return new Listener(me, run, often, once, x1, firstPlay, y);
    }

    @Test
    void aGenrePlayedThreeTimesIsAMoreConfidentPreferenceThanOnePlayedOnce() {
        Listener me = listenerOfTwoGenres();
        Map<String, Object> oftenRow = taste(me.id(), "genre", me.often());
        Map<String, Object> onceRow = taste(me.id(), "genre", me.once());
        assertThat((BigDecimal) oftenRow.get("confidence")).isGreaterThan((BigDecimal) onceRow.get("confidence"));
        assertThat((BigDecimal) onceRow.get("confidence")).isPositive();
        assertThat(oftenRow.get("play_count")).isEqualTo(3);
        assertThat(onceRow.get("play_count")).isEqualTo(1);
        assertThat(taste(me.id(), "style", "Style X " + me.run()).get("play_count")).isEqualTo(3);
        assertThat(taste(me.id(), "artist", "Artist X " + me.run()).get("play_count")).isEqualTo(2);
        assertThat(oftenRow.get("expires_in_half_a_year")).isEqualTo(true);
    }

    @Test
    void aPlayReplayedInALaterBatchDoesNotRaiseThePreference() {
        Listener me = listenerOfTwoGenres();
        Map<String, Object> oftenRow = taste(me.id(), "genre", me.often());

        play(me.firstPlay(), me.id(), me.firstRecord());
        // a play of a new genre on the same key (partition) shows the replay was consumed before it
        long marker = record("Artist Z " + me.run(), "Marker " + me.run(), "Style Z " + me.run());
        awaitCatalogued(marker);
        play(UUID.randomUUID(), me.id(), marker);
        await().atMost(Duration.ofSeconds(60)).until(() -> taste(me.id(), "genre", "Marker " + me.run()) != null);
        assertThat(taste(me.id(), "genre", me.often())).isEqualTo(oftenRow);
    }

    @Test
    void aFavouriteIsStrongEvidenceForItsRecordsGenreAndRemovingItTakesThatBack() {
        Listener me = listenerOfTwoGenres();
        Map<String, Object> oftenRow = taste(me.id(), "genre", me.often());
        Map<String, Object> onceRow = taste(me.id(), "genre", me.once());

        favorite(me.id(), me.onceRecord(), true);
        await().atMost(Duration.ofSeconds(60)).until(() -> ((BigDecimal) taste(me.id(), "genre", me.once())
                .get("confidence")).compareTo((BigDecimal) oftenRow.get("confidence")) > 0);
        favorite(me.id(), me.onceRecord(), false);
        await().atMost(Duration.ofSeconds(60)).until(() -> taste(me.id(), "genre", me.once()).get("confidence")
                .equals(onceRow.get("confidence")));
    }

    @Test
    void aFollowIsAPreferenceWhileItLasts() {
        long me = TestTokens.newUserId();
        long store = IDS.incrementAndGet();
        follow(me, store, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> preferenceRows(me, "store", store) == 1);
        follow(me, store, false);
        await().atMost(Duration.ofSeconds(60)).until(() -> preferenceRows(me, "store", store) == 0);
    }

    @Test
    void userErasedRemovesTheListenersTastesButNotTheNames() {
        Listener me = listenerOfTwoGenres();
        events.send(topic("identity-users"), UUID.randomUUID(), EventType.USER_ERASED, String.valueOf(me.id()),
                new UserErased(me.id(), Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from recommendation_data where user_id = ?", me.id()) == 0);
        assertThat(TestDatabase.count("select count(*) from preference_terms where name = ?", me.often()))
                .as("genre names are not personal").isEqualTo(1);
    }

    @Test
    void aCandidateOfTheListenersStyleRanksAboveAnOtherwiseEqualOneWithThatReason() {
        String run = "r" + IDS.incrementAndGet();
        String style = "Mine " + run;
        long played = record("Artist A " + run, "Genre A " + run, style);
        long popular = record("Artist D " + run, "Genre D " + run, "Style D " + run);
        // created first, so without the boost it would come first among equals (ties go to the lower id)
        long other = record("Artist C " + run, "Genre C " + run, "Style C " + run);
        long ofMyStyle = record("Artist B " + run, "Genre B " + run, style);
        awaitCatalogued(played, popular, other, ofMyStyle);
        // three listeners play all four, two more the played and the popular one: from the played record,
        // the popular one leads and the other two are equal
        List<Long> crowd = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long u = TestTokens.newUserId();
            crowd.add(u);
            for (long r : List.of(played, popular, other, ofMyStyle)) {
                play(UUID.randomUUID(), u, r);
            }
        }
        for (int i = 0; i < 2; i++) {
            long u = TestTokens.newUserId();
            crowd.add(u);
            play(UUID.randomUUID(), u, played);
            play(UUID.randomUUID(), u, popular);
        }
        long me = TestTokens.newUserId();
        play(UUID.randomUUID(), me, played);
        String listeners = String.join(",", crowd.stream().map(String::valueOf).toList());
        // every play consumed: the played record's co-listening rows were computed with all of them
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count("select count(*) from recommendation_data"
                + " where entity_type = 'record' and user_id in (" + listeners + ")") == 16
                && taste(me, "style", style) != null
                && recommended(me).getList("items.record_id", Long.class).containsAll(List.of(other, ofMyStyle)));

        JsonPath page = recommended(me);
        List<Long> ids = page.getList("items.record_id", Long.class);
        assertThat(ids.get(0)).isEqualTo(popular);
        assertThat(ids.indexOf(ofMyStyle)).isLessThan(ids.indexOf(other));
        assertThat(page.getList("items[" + ids.indexOf(ofMyStyle) + "].reasons", String.class))
                .contains("listened to by people who play what you play", "your style: " + style);
        assertThat(page.getList("items[" + ids.indexOf(other) + "].reasons", String.class))
                .noneMatch(r -> r.startsWith("your "));
        assertThat(page.getFloat("items[" + ids.indexOf(ofMyStyle) + "].score"))
                .isGreaterThan(page.getFloat("items[" + ids.indexOf(other) + "].score"));
    }

    private static JsonPath recommended(long user) {
        return given().auth().oauth2(TestTokens.user(user)).get("/api/v1/recommendations?limit=10")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> taste(long user, String kind, String name) {
        List<Map<String, Object>> rows = TestDatabase.rows("""
                select r.affinity_score, r.play_count, r.confidence,
                       r.expires_at between now() + interval '179 days' and now() + interval '181 days'
                           as expires_in_half_a_year
                  from recommendation_data r join preference_terms t on t.id = r.entity_id and t.kind = r.entity_type
                 where r.user_id = ? and t.kind = ? and t.name = ?""", user, kind, name);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static long preferenceRows(long user, String type, long id) {
        return TestDatabase.count("""
                select count(*) from recommendation_data where user_id = ? and entity_type = ? and entity_id = ?""",
                user, type, id);
    }

    private static long record(String artist, String genre, String style) {
        long id = IDS.incrementAndGet();
        events.send(topic("catalog-records"), UUID.randomUUID(), EventType.RECORD_UPSERTED, String.valueOf(id),
                new RecordUpserted(id, null, artist, "Title " + id, 1990, List.of(genre), List.of(style), List.of(),
                        Instant.now(), List.of(), List.of()));
        return id;
    }

    private static void awaitCatalogued(long... records) {
        String ids = String.join(",", java.util.Arrays.stream(records).mapToObj(String::valueOf).toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from catalog_records where record_id in (" + ids + ")") == records.length);
    }

    private static void play(UUID eventId, long user, long record) {
        events.send(topic("plays"), eventId, EventType.PLAY_RECORDED, String.valueOf(user),
                new PlayRecorded(IDS.incrementAndGet(), user, IDS.incrementAndGet(), record,
                        Instant.now().minusSeconds(5), 180_000, BigDecimal.valueOf(100), "play", null, "test"));
    }

    private static void favorite(long user, long record, boolean added) {
        events.send(topic("favorites"), UUID.randomUUID(), added ? EventType.FAVORITE_ADDED : EventType.FAVORITE_REMOVED,
                String.valueOf(user), new FavoriteChanged(user, "record", record, Instant.now()));
    }

    private static void follow(long user, long store, boolean added) {
        events.send(topic("follows"), UUID.randomUUID(), added ? EventType.FOLLOW_ADDED : EventType.FOLLOW_REMOVED,
                String.valueOf(user), new FollowChanged(user, "store", store, Instant.now()));
    }

    private static String topic(String channel) {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    }
}
