package io.rotation.analytics.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.contracts.identity.UserErased;
import io.rotation.contracts.identity.UserRegistered;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class UserErasedConsumerTest {

    private static final Instant YESTERDAY = Instant.now().minus(Duration.ofDays(1));
    private static final LocalDate DAY = YESTERDAY.atOffset(ZoneOffset.UTC).toLocalDate();

    private static TestEvents events;
    private static String usersTopic;
    private static String playsTopic;

    @BeforeAll
    static void open() {
        events = new TestEvents();
        usersTopic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.identity-users.topic", String.class);
        playsTopic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.plays.topic", String.class);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void erasesOrAnonymisesWhatAnalyticsHoldsOfTheUserAndAuditsIt() {
        long erased = TestTokens.newUserId();
        long other = TestTokens.newUserId();
        long track = TestTokens.newUserId();
        Seeded mine = seed(erased, track);
        Seeded theirs = seed(other, track);

        sendErased(UUID.randomUUID(), erased, erased);
        JsonPath audit = awaitErasureAudits(erased, 1);

        // usage rows stay for the track's counts, without anything that pointed at the person
        Map<String, Object> usage = TestDatabase.rows("""
                select user_id, session_id, device, device_fingerprint, user_agent, metadata::text as metadata,
                       entity_id from usage_metrics where event_id = ?""", mine.usageEvent()).get(0);
        assertThat(usage.get("user_id")).isNull();
        assertThat(usage.get("session_id")).isNull();
        assertThat(usage.get("device")).isNull();
        assertThat(usage.get("device_fingerprint")).isNull();
        assertThat(usage.get("user_agent")).isNull();
        assertThat((String) usage.get("metadata")).doesNotContain("play_id").contains("record_id");
        assertThat(usage.get("entity_id")).isEqualTo(track);
        assertThat(count("select count(*) from usage_metrics where user_id = ?", erased)).isZero();
        assertThat(count("select count(*) from recommendation_data where user_id = ?", erased)).isZero();
        assertThat(count("select count(*) from listening_hourly where user_id = ?", erased)).isZero();
        assertThat(count("select count(*) from daily_metrics where entity_type = 'user' and entity_id = ?", erased))
                .isZero();
        assertThat(count("select count(*) from daily_metrics where entity_type = 'track' and entity_id = ?", track))
                .isEqualTo(1);

        // the trail keeps the bare id: entries about the account lose their values, all lose address and browser
        Map<String, Object> aboutThem = auditRow(mine.auditAboutUser());
        assertThat(aboutThem.get("user_id")).isEqualTo(erased);
        assertThat(aboutThem.get("new_values")).isNull();
        assertThat(aboutThem.get("ip_address")).isNull();
        assertThat(aboutThem.get("user_agent")).isNull();
        Map<String, Object> byThem = auditRow(mine.auditByUser());
        assertThat((String) byThem.get("new_values")).contains("Shop");
        assertThat(byThem.get("ip_address")).isNull();

        // the other user is untouched
        assertThat(count("select count(*) from usage_metrics where user_id = ?", other)).isEqualTo(1);
        assertThat(count("select count(*) from recommendation_data where user_id = ?", other)).isEqualTo(1);
        assertThat(count("select count(*) from listening_hourly where user_id = ?", other)).isEqualTo(1);
        assertThat(count("select count(*) from daily_metrics where entity_type = 'user' and entity_id = ?", other))
                .isEqualTo(1);
        assertThat(auditRow(theirs.auditAboutUser()).get("ip_address")).isNotNull();
        assertThat((String) auditRow(theirs.auditAboutUser()).get("new_values")).contains("username");

        assertThat(audit.getString("items[0].service")).isEqualTo("analytics-service");
        assertThat(audit.getString("items[0].actor_type")).isEqualTo("system");
        assertThat(audit.getString("items[0].entity_type")).isEqualTo("user");
        assertThat(audit.getString("items[0].entity_id")).isEqualTo(String.valueOf(erased));
        assertThat(audit.getInt("items[0].new_values.usage_metrics_anonymised")).isEqualTo(1);
        assertThat(audit.getInt("items[0].new_values.recommendation_data")).isEqualTo(1);
        assertThat(audit.getInt("items[0].new_values.listening_hourly")).isEqualTo(1);
        assertThat(audit.getInt("items[0].new_values.daily_metrics")).isEqualTo(1);
        assertThat(audit.getInt("items[0].new_values.audit_logs_redacted")).isEqualTo(2);
    }

    @Test
    void erasesAReplayedUserErasedOnlyOnce() {
        long erased = TestTokens.newUserId();
        long sentinel = TestTokens.newUserId();
        UUID eventId = UUID.randomUUID();
        sendErased(eventId, erased, erased);
        awaitErasureAudits(erased, 1);

        // data that arrived after the erasure: a replay must not act again
        TestDatabase.update("""
                insert into recommendation_data (user_id, entity_type, entity_id, last_interaction_at)
                values (?, 'track', 1, now())""", erased);
        sendErased(eventId, erased, erased);
        // a later event on the same key (same partition) shows the replay was consumed before it
        sendErased(UUID.randomUUID(), sentinel, erased);

        awaitErasureAudits(sentinel, 1);
        assertThat(count(erasureAudits(), erased)).isEqualTo(1);
        assertThat(count("select count(*) from recommendation_data where user_id = ?", erased)).isEqualTo(1);
    }

    @Test
    void ignoresUserRegisteredOnTheSameTopic() {
        long registered = TestTokens.newUserId();
        long sentinel = TestTokens.newUserId();
        seed(registered, TestTokens.newUserId());
        try (KafkaTail deadLetters = new KafkaTail(bootstrap(), Topics.deadLetterOf(usersTopic))) {
            events.send(usersTopic, UUID.randomUUID(), EventType.USER_REGISTERED, String.valueOf(registered),
                    new UserRegistered(registered, "someone", "general_user", Instant.now()));
            sendErased(UUID.randomUUID(), sentinel, registered);

            awaitErasureAudits(sentinel, 1);
            assertThat(count(erasureAudits(), registered)).isZero();
            assertThat(count("select count(*) from usage_metrics where user_id = ?", registered)).isEqualTo(1);
            assertThat(count("select count(*) from recommendation_data where user_id = ?", registered)).isEqualTo(1);
            assertThat(deadLetters.drain(Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void dropsPlaysOfAUserThatArriveAfterTheirErasure() {
        long erased = TestTokens.newUserId();
        long other = TestTokens.newUserId();
        sendErased(UUID.randomUUID(), erased, erased);
        awaitErasureAudits(erased, 1);

        sendPlay(erased, erased);
        // a later play on the same key (same partition) shows the late one was consumed before it
        sendPlay(other, erased);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from usage_metrics where user_id = ?", other) == 1);
        assertThat(count("select count(*) from usage_metrics where user_id = ?", erased)).isZero();
        assertThat(count("select count(*) from recommendation_data where user_id = ?", erased)).isZero();
        assertThat(count("select count(*) from daily_metrics where entity_type = 'user' and entity_id = ?", erased))
                .isZero();
    }

    /** Ids of what {@link #seed} wrote that the tests look at again. */
    private record Seeded(UUID usageEvent, long auditAboutUser, long auditByUser) {
    }

    /** A play's traces in every table, and two audit entries: one about the account, one by the user on a store. */
    private static Seeded seed(long user, long track) {
        UUID usageEvent = UUID.randomUUID();
        TestDatabase.update("""
                insert into usage_metrics (event_id, user_id, event_type, entity_type, entity_id, duration_ms,
                                           session_id, device, device_fingerprint, user_agent, metadata, occurred_at)
                values (?, ?, 'play', 'track', ?, 1000, 's-1', 'web', 'fp-1', 'Firefox',
                        '{"play_id": 5, "record_id": 9}'::jsonb, ?)""",
                usageEvent, user, track, Timestamp.from(YESTERDAY));
        TestDatabase.update("""
                insert into recommendation_data (user_id, entity_type, entity_id, play_count, last_interaction_at)
                values (?, 'track', ?, 1, ?)""", user, track, Timestamp.from(YESTERDAY));
        TestDatabase.update("""
                insert into listening_hourly (user_id, hour_start, record_id, plays, listening_ms)
                values (?, date_trunc('hour', ?::timestamptz, 'UTC'), 9, 1, 1000)""", user, Timestamp.from(YESTERDAY));
        TestDatabase.update("""
                insert into daily_metrics (metric_date, metric_type, entity_type, entity_id, metric_name, value)
                values (?, 'usage', 'user', ?, 'plays', 1), (?, 'usage', 'track', ?, 'plays', 1)
                on conflict (metric_date, metric_type, entity_type, entity_id, metric_name)
                do update set value = daily_metrics.value + 1""", Date.valueOf(DAY), user, Date.valueOf(DAY), track);
        long about = auditRow(user, "user", String.valueOf(user), "{\"username\": \"someone\"}");
        long by = auditRow(user, "store", "42", "{\"name\": \"Shop\"}");
        return new Seeded(usageEvent, about, by);
    }

    private static long auditRow(long user, String entityType, String entityId, String newValues) {
        return (Long) TestDatabase.rows("""
                insert into audit_logs (user_id, action, entity_type, entity_id, new_values, service, ip_address,
                                        user_agent, occurred_at)
                values (?, 'updated', ?, ?, ?::jsonb, 'identity-service', '10.0.0.1'::inet, 'Firefox', ?)
                returning id""", user, entityType, entityId, newValues, Timestamp.from(YESTERDAY)).get(0).get("id");
    }

    private static Map<String, Object> auditRow(long id) {
        return TestDatabase.rows("""
                select user_id, new_values::text as new_values, host(ip_address) as ip_address, user_agent
                from audit_logs where id = ?""", id).get(0);
    }

    private static JsonPath awaitErasureAudits(long user, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> count(erasureAudits(), user) >= count);
        JsonPath page = given().auth().oauth2(TestTokens.admin(1)).queryParam("user_id", user)
                .queryParam("action", AuditEntryRecorded.ACTION_USER_DATA_ERASED).get("/api/v1/audit-logs")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).hasSize(count);
        return page;
    }

    private static String erasureAudits() {
        return """
                select count(*) from audit_logs where user_id = ? and action = 'user_data_erased'
                and service = 'analytics-service'""";
    }

    private static void sendErased(UUID eventId, long userId, long key) {
        events.send(usersTopic, eventId, EventType.USER_ERASED, String.valueOf(key),
                new UserErased(userId, Instant.now()));
    }

    private static void sendPlay(long user, long key) {
        events.send(playsTopic, UUID.randomUUID(), EventType.PLAY_RECORDED, String.valueOf(key),
                new PlayRecorded(1L, user, 5, null, YESTERDAY, 1000, new BigDecimal("100"), "play", "s", "web"));
    }

    private static long count(String sql, Object... params) {
        return TestDatabase.count(sql, params);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
