package io.rotation.userfeatures.schema;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.SchemaCatalog;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** play_history partitioned by month: routing, the default partition, retention, the retry key. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class PlayHistoryPartitioningTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Test
    void rowsLandInTheirMonthsPartition() {
        long user = TestTokens.newUserId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant lastMonth = now.atOffset(ZoneOffset.UTC).minusMonths(1).toInstant();
        Instant nextMonth = now.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        for (Instant at : new Instant[] {now, lastMonth, nextMonth}) {
            insertPlay(user, 5, at);
            assertThat(partitionOf(user, 5, at)).isEqualTo("play_history_p" + monthStart(at).format(DAY));
        }
    }

    @Test
    void aPlayOlderThanThePartitionsLandsInTheDefaultPartition() {
        long user = TestTokens.newUserId();
        Instant longAgo = Instant.parse("2001-02-03T04:05:06Z");
        try {
            insertPlay(user, 6, longAgo);
            assertThat(partitionOf(user, 6, longAgo)).isEqualTo("play_history_default");
        } finally {
            TestDatabase.update("delete from play_history where user_id = ?", user);
        }
    }

    @Test
    void theRetryKeyStillDedupesInEveryPartition() {
        long user = TestTokens.newUserId();
        String token = TestTokens.user(user);
        Instant now = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        Instant lastMonth = now.atOffset(ZoneOffset.UTC).minusMonths(1).toInstant();
        for (Instant at : new Instant[] {now, lastMonth}) {
            Map<String, Object> play = Map.of("track_id", 77, "played_at", at.toString());
            int id = given().auth().oauth2(token).contentType(ContentType.JSON).body(play).post("/api/v1/plays")
                    .then().statusCode(201).extract().path("id");
            int again = given().auth().oauth2(token).contentType(ContentType.JSON).body(play).post("/api/v1/plays")
                    .then().statusCode(200).extract().path("id");
            assertThat(again).isEqualTo(id);
        }
        assertThat(TestDatabase.count("select count(*) from play_history where user_id = ?", user)).isEqualTo(2);
        assertThat(TestDatabase.count("select count(distinct tableoid) from play_history where user_id = ?", user))
                .isEqualTo(2);
        // and straight in SQL, as the repository writes
        assertThat(TestDatabase.update("insert into play_history (user_id, track_id, played_at) values (?, 77, ?)"
                + " on conflict (user_id, track_id, played_at) do nothing", user, lastMonth.atOffset(ZoneOffset.UTC))).isZero();
    }

    @Test
    void idsContinueFromTheSequence() {
        long user = TestTokens.newUserId();
        long first = insertPlay(user, 8, Instant.now().minusSeconds(10));
        long second = insertPlay(user, 9, Instant.now().minusSeconds(5));
        assertThat(second).isGreaterThan(first);
        // the sequence carried over from the table before partitioning: no id is handed out twice
        assertThat(first).isGreaterThan(TestDatabase.count(
                "select coalesce(max(id), 0) from play_history where user_id <> ?", user));
    }

    @Test
    void maintenanceDropsPartitionsPastRetentionAndMakesThemAhead() {
        String table = "zz_retention_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            TestDatabase.update("create table " + table + " (id bigserial, at timestamptz not null,"
                    + " primary key (id, at)) partition by range (at)");
            TestDatabase.update("insert into time_partitioned_table (table_name, step, premake, retention)"
                    + " values (?, interval '1 day', 2, interval '3 days')", table);
            TestDatabase.rows("select ensure_time_partitions(?, now() - interval '10 days', now())", table);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String old = table + "_p" + today.minusDays(8).format(DAY);
            String recent = table + "_p" + today.minusDays(2).format(DAY);
            assertThat(SchemaCatalog.ofService().partitions(table)).contains(old, recent);
            TestDatabase.update("insert into " + table + " (at) values (now() - interval '8 days'), (now())");

            Map<String, Object> outcome = TestDatabase.rows(
                    "select created, dropped from maintain_time_partitions() where table_name = ?", table).get(0);

            assertThat(((Number) outcome.get("dropped")).intValue()).isBetween(6, 8);
            assertThat(((Number) outcome.get("created")).intValue()).isGreaterThanOrEqualTo(2);
            assertThat(SchemaCatalog.ofService().partitions(table))
                    .doesNotContain(old)
                    .contains(recent, table + "_default",
                            table + "_p" + today.format(DAY), table + "_p" + today.plusDays(2).format(DAY));
            assertThat(TestDatabase.count("select count(*) from " + table)).isEqualTo(1);
            // the real table was left alone
            assertThat(SchemaCatalog.ofService().partitions("play_history"))
                    .contains("play_history_p" + today.withDayOfMonth(1).format(DAY));
        } finally {
            TestDatabase.update("delete from time_partitioned_table where table_name = ?", table);
            TestDatabase.update("drop table if exists " + table);
        }
    }

    @Test
    void aNewPartitionTakesOverTheRowsParkedInTheDefaultPartition() {
        String table = "zz_stray_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            TestDatabase.update("create table " + table + " (id bigserial, at timestamptz not null,"
                    + " primary key (id, at)) partition by range (at)");
            TestDatabase.update("insert into time_partitioned_table (table_name, step, premake, retention)"
                    + " values (?, interval '1 day', 1, null)", table);
            TestDatabase.rows("select ensure_time_partitions(?, now(), now())", table);
            TestDatabase.update("insert into " + table + " (at) values (now() + interval '20 days'),"
                    + " (now() + interval '20 days 1 hour')");
            assertThat(TestDatabase.count("select count(*) from " + table + "_default")).isEqualTo(2);

            TestDatabase.rows("select ensure_time_partitions(?, now() + interval '20 days', now() + interval '21 days')",
                    table);

            assertThat(TestDatabase.count("select count(*) from " + table + "_default")).isZero();
            assertThat(TestDatabase.count("select count(*) from " + table)).isEqualTo(2);
        } finally {
            TestDatabase.update("delete from time_partitioned_table where table_name = ?", table);
            TestDatabase.update("drop table if exists " + table);
        }
    }

    private static long insertPlay(long user, long track, Instant at) {
        return (Long) TestDatabase.rows("insert into play_history (user_id, track_id, played_at) values (?, ?, ?)"
                + " returning id", user, track, at.atOffset(ZoneOffset.UTC)).get(0).get("id");
    }

    private static String partitionOf(long user, long track, Instant at) {
        return (String) TestDatabase.rows("select c.relname from play_history p join pg_class c on c.oid = p.tableoid"
                + " where p.user_id = ? and p.track_id = ? and p.played_at = ?", user, track, at.atOffset(ZoneOffset.UTC))
                .get(0).get("relname");
    }

    private static LocalDate monthStart(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }
}
