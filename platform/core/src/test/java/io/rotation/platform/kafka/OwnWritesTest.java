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
        own.wrote("a", at("2026-12-02T10:00:05Z"));
        assertThat(own.admits("a", at("2026-12-02T10:00:04.999Z"))).isFalse();
        assertThat(own.admits("a", JSON.createObjectNode())).as("no changed_at: cannot be shown newer").isFalse();
        assertThat(own.admits("a", at("2026-12-02T10:00:05Z"))).as("the echo").isTrue();
        assertThat(own.admits("a", at("2026-12-02T10:00:01Z"))).as("once echoed, topic order decides").isTrue();
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

    private static JsonNode at(String instant) {
        return JSON.createObjectNode().put("changed_at", instant);
    }
}
