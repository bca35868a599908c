package io.rotation.analytics.usage.model;

import io.rotation.contracts.userfeatures.PlayRecorded;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A play as an event announced it, with the id its usage_metrics row is keyed by ({@code event_id}). A
 * PlayRecorded announces one play, so its row takes the event's id; a PlaysRecorded announces many under one
 * event id, so each of its plays takes an id derived from that event id and the play id: the same for every
 * delivery of the batch, so usage_metrics' unique key still stops a play the claim no longer stops.
 */
public record AnnouncedPlay(UUID usageEventId, PlayRecorded play) {

    public static AnnouncedPlay alone(UUID eventId, PlayRecorded play) {
        return new AnnouncedPlay(eventId, play);
    }

    public static AnnouncedPlay ofBatch(UUID eventId, PlayRecorded play) {
        return new AnnouncedPlay(UUID.nameUUIDFromBytes((eventId + "/" + play.playId())
                .getBytes(StandardCharsets.UTF_8)), play);
    }
}
