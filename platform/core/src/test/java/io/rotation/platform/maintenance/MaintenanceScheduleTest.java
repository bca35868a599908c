package io.rotation.platform.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MaintenanceScheduleTest {

    private final MaintenanceSchedule schedule = new MaintenanceSchedule("127.0.0.1:1", "catalog-service", "unused",
            true, Duration.ZERO, new ObjectMapper());
    private final Instant now = Instant.now();

    @Test
    void aWindowIsInEffectFromItsStartUntilItsEndForTheServicesItNames() {
        schedule.apply("1", window(1, now.plusSeconds(60), now.plusSeconds(120), "[\"catalog-service\"]", true, false));
        assertThat(schedule.inEffect(now)).isEmpty();
        assertThat(schedule.inEffect(now.plusSeconds(60))).map(MaintenanceSchedule.Window::id).contains(1L);
        assertThat(schedule.inEffect(now.plusSeconds(120))).isEmpty();

        schedule.apply("2", window(2, now.minusSeconds(1), now.plusSeconds(60), "[\"identity-service\"]", true, false));
        assertThat(schedule.inEffect(now)).as("another service's window").isEmpty();
        schedule.apply("3", window(3, now.minusSeconds(1), now.plusSeconds(60), "[]", true, false));
        assertThat(schedule.inEffect(now)).as("no services named: every service").map(MaintenanceSchedule.Window::id).contains(3L);
    }

    @Test
    void aFullWindowOutranksAReadOnlyOneAndACancelledWindowIsForgotten() {
        schedule.apply("1", window(1, now.minusSeconds(5), now.plusSeconds(600), "[]", true, false));
        schedule.apply("2", window(2, now.minusSeconds(5), now.plusSeconds(60), "[]", false, false));
        assertThat(schedule.inEffect(now)).map(MaintenanceSchedule.Window::readOnly).contains(false);

        schedule.apply("2", window(2, now.minusSeconds(5), now.plusSeconds(60), "[]", false, true));
        assertThat(schedule.inEffect(now)).map(MaintenanceSchedule.Window::id).contains(1L);
        schedule.apply("1", null);
        assertThat(schedule.inEffect(now)).isEmpty();
    }

    private static byte[] window(long id, Instant start, Instant end, String services, boolean readOnly, boolean cancelled) {
        return ("{\"id\":" + id + ",\"cancelled\":" + cancelled + ",\"title\":\"t\",\"starts_at\":\"" + start
                + "\",\"ends_at\":\"" + end + "\",\"affected_services\":" + services + ",\"read_only\":" + readOnly
                + ",\"notify_before_minutes\":60}").getBytes(StandardCharsets.UTF_8);
    }
}
