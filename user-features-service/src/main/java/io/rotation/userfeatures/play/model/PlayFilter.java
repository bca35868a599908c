package io.rotation.userfeatures.play.model;

import io.rotation.platform.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Which plays of the history to list: played_at in [from, to) and one track; null parts do not filter. */
public record PlayFilter(Instant from, Instant to, Long trackId) {

    public static PlayFilter of(String from, String to, Long trackId) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        return new PlayFilter(start, end, trackId);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
