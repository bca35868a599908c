package io.rotation.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.analytics.jobs.service.AnalyticsRetention;
import io.rotation.analytics.jobs.service.MaintenanceJobs;
import io.rotation.platform.settings.Settings;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The retention the nightly cleanup applies: config-service's {@code analytics.retention.months} (as platform's
 * Settings receives it from its topic) while it exists, else {@code rotation.analytics.retention.months} (13).
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class RetentionSettingTest {

    @Inject
    Settings settings;

    @Inject
    AnalyticsRetention retention;

    @Inject
    MaintenanceJobs jobs;

    @Test
    void aLongerRetentionSettingKeepsWhatThePropertysWouldDeleteUntilItIsRemoved() {
        long user = TestTokens.newUserId();
        UUID usage = UUID.randomUUID();
        TestDatabase.update("""
                insert into usage_metrics (event_id, user_id, event_type, entity_type, entity_id, occurred_at)
                values (?, ?, 'play', 'track', 1, ?)""", usage, user,
                OffsetDateTime.now(ZoneOffset.UTC).minusMonths(13).minusDays(15));
        assertThat(retention.months()).isEqualTo(13);
        try {
            settings.apply(AnalyticsRetention.MONTHS, setting("14"));
            assertThat(retention.months()).isEqualTo(14);
            cleanUp();
            assertThat(TestDatabase.count("select count(*) from usage_metrics where event_id = ?", usage))
                    .as("13.5 months old: within the setting's 14").isOne();
        } finally {
            settings.apply(AnalyticsRetention.MONTHS, null);
        }
        assertThat(retention.months()).isEqualTo(13);
        cleanUp();
        assertThat(TestDatabase.count("select count(*) from usage_metrics where event_id = ?", usage))
                .as("past the property's 13 months").isZero();
    }

    @Test
    void aSettingOutsideOneToTwelveHundredMonthsIsIgnored() {
        try {
            settings.apply(AnalyticsRetention.MONTHS, setting("0"));
            assertThat(retention.months()).isEqualTo(13);
            settings.apply(AnalyticsRetention.MONTHS, setting("2.5"));
            assertThat(retention.months()).isEqualTo(13);
        } finally {
            settings.apply(AnalyticsRetention.MONTHS, null);
        }
    }

    /** A cleanup run under a day of this test's own (the run's idempotency key names its day). */
    private void cleanUp() {
        LocalDate day = LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300_000));
        assertThat(jobs.cleanUp(day).await().atMost(Duration.ofMinutes(2))).isPresent();
    }

    private static byte[] setting(String months) {
        return ("{\"key\": \"" + AnalyticsRetention.MONTHS + "\", \"deleted\": false, \"setting_type\": \"number\", "
                + "\"value\": \"" + months + "\", \"secret\": false, \"overrides\": {}}").getBytes(StandardCharsets.UTF_8);
    }
}
