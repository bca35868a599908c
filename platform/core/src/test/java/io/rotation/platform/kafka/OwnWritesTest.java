package io.rotation.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OwnWritesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OwnWrites<String> own = new OwnWrites<>();

    @Test
    void admitsEverythingForAKeyWithoutAnOwnWrite() {
        own.wrote("a", at("2026-12-02T10:00:05Z"));
        assertThat(own.admits("b", at("2026-12-02T09:00:00Z"))).isTrue();
        assertThat(own.admits("b", JSON.createObjectNode())).isTrue();
    }

    @Test
    void refusesOlderMessagesUntilTheEchoArrivesThenAdmitsAll() {
        own.wrote("a", at("2026-12-02T10:00:05Z").put("ttl", 2));
        assertThat(own.admits("a", at("2026-12-02T10:00:04.999Z").put("ttl", 1))).isFalse();
        assertThat(own.admits("a", JSON.createObjectNode().put("ttl", 1))).as("no changed_at: cannot be shown newer")
                .isFalse();
        assertThat(own.admits("a", at("2026-12-02T10:00:05Z").put("ttl", 3))).as("a change as late").isTrue();
        assertThat(own.admits("a", at("2026-12-02T10:00:01Z").put("ttl", 1))).as("once passed, topic order decides")
                .isTrue();
    }

    @Test
    void theEchoClearsTheOwnWriteEvenStampedAMomentEarlier() {
        own.wrote("a", at("2026-12-02T10:00:05Z").put("enabled", false));
        assertThat(own.admits("a", at("2026-12-02T10:00:04.9Z").put("enabled", true))).as("stale").isFalse();
        assertThat(own.admits("a", at("2026-12-02T10:00:04.99Z").put("enabled", false))).as("the echo").isTrue();
        assertThat(own.admits("a", at("2026-12-02T10:00:04.5Z").put("enabled", true)))
                .as("a replica's later change, its clock behind ours").isTrue();
    }

    @Test
    void aTombstoneIsAlwaysAdmitted() {
        own.wrote("a", at("2026-12-02T10:00:05Z"));
        assertThat(own.admits("a", null)).isTrue();
    }

    @Test
    void readsChangedAtAsTextOrEpochSeconds() {
        assertThat(OwnWrites.changedAt(JSON.createObjectNode().put("changed_at", 1764669605.25)))
                .isEqualTo(Instant.parse("2025-12-02T10:00:05.250Z"));
        assertThat(OwnWrites.changedAt(at("2026-12-02T10:00:05Z"))).isEqualTo(Instant.parse("2026-12-02T10:00:05Z"));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode at(String instant) {
        return JSON.createObjectNode().put("changed_at", instant);
    }
}
