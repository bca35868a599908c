package io.rotation.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rows land in the partition of their time; maintenance is idempotent; the unique keys still dedupe. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class PartitionRoutingTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Test
    void rowsLandInThePartitionOfTheirTime() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime nextMonth = now.plusMonths(1).withDayOfMonth(1).withHour(0).withMinute(0).withSecond(0)
                .withNano(0);
        String thisMonth = "_p" + now.toLocalDate().withDayOfMonth(1).format(DAY);
        long user = TestTokens.newUserId();

        UUID current = usage(user, now);
        UUID ahead = usage(user, nextMonth);
        UUID ancient = usage(user, now.minusYears(3));
        assertThat(partitionOf("usage_metrics", "event_id", current)).isEqualTo("usage_metrics" + thisMonth);
        assertThat(partitionOf("usage_metrics", "event_id", ahead))
                .isEqualTo("usage_metrics_p" + nextMonth.toLocalDate().format(DAY));
        assertThat(partitionOf("usage_metrics", "event_id", ancient)).isEqualTo("usage_metrics_default");

        long job = TestDatabase.count("""
                insert into jobs (job_type, owner_service) values ('partition_maintenance', 'analytics-service')
                returning id""");
        TestDatabase.update("insert into job_logs (job_id, message) values (?, 'now')", job);
        assertThat(partitionOf("job_logs", "job_id", job)).isEqualTo("job_logs" + thisMonth);

        UUID audit = UUID.randomUUID();
        TestDatabase.update("""
                insert into audit_logs (event_id, user_id, action, entity_type, entity_id, service, ip_address)
                values (?, ?, 'login', 'user', ?, 'identity-service', '192.0.2.7'::inet)""",
                audit, user, String.valueOf(user));
        assertThat(partitionOf("audit_logs", "event_id", audit)).isEqualTo("audit_logs" + thisMonth);

        String request = UUID.randomUUID().toString();
        TestDatabase.update("""
                insert into performance_metrics (service, endpoint, method, status_code, response_time_ms, request_id)
                values ('analytics-service', '/api/v1/stats/me', 'GET', 200, 12.5, ?)""", request);
        assertThat(partitionOf("performance_metrics", "request_id", request))
                .isEqualTo("performance_metrics_p" + now.toLocalDate().format(DAY));

        TestDatabase.update("delete from usage_metrics where event_id = ?", ancient);
    }

    @Test
    void theEventKeyStillDedupesAcrossThePartitionedTable() {
        long user = TestTokens.newUserId();
        UUID event = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        String insert = """
                insert into usage_metrics (event_id, user_id, event_type, entity_type, entity_id, occurred_at)
                values (?, ?, 'play', 'track', 1, ?) on conflict (event_id, occurred_at) do nothing""";
        assertThat(TestDatabase.update(insert, event, user, at)).isOne();
        assertThat(TestDatabase.update(insert, event, user, at)).isZero();
        assertThat(TestDatabase.count("select count(*) from usage_metrics where event_id = ?", event)).isOne();
    }

    @Test
    void maintenanceKnowsEveryPartitionedTableAndIsIdempotent() {
        List<Map<String, Object>> first = TestDatabase.rows("select * from maintain_time_partitions()");
        assertThat(first).extracting(r -> r.get("table_name"))
                .contains("audit_logs", "job_logs", "performance_metrics", "usage_metrics");
        List<Map<String, Object>> second = TestDatabase.rows("select * from maintain_time_partitions()");
        assertThat(second).allSatisfy(r -> assertThat(r.get("created")).isEqualTo(0));
    }

    private static UUID usage(long user, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        TestDatabase.update("""
                insert into usage_metrics (event_id, user_id, event_type, entity_type, entity_id, occurred_at)
                values (?, ?, 'play', 'track', 1, ?)""", id, user, at);
        return id;
    }

    private static String partitionOf(String table, String column, Object value) {
        return (String) TestDatabase.rows("select c.relname from " + table + " t join pg_class c on c.oid = t.tableoid"
                + " where t." + column + " = ?", value).get(0).get("relname");
    }
}
