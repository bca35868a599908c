package io.rotation.contracts;

import io.rotation.contracts.identity.UserRegistered;
import io.rotation.contracts.userfeatures.PlayRecorded;

/**
 * Every event type of the suite: its CloudEvents {@code type}, the topic it travels on and the
 * payload record. The JSON Schema of each lives at {@code /schemas/<type>.json}.
 */
public enum EventType {
    USER_REGISTERED("io.rotation.identity.user.registered.v1", Topics.IDENTITY_USERS, UserRegistered.class),
    PLAY_RECORDED("io.rotation.userfeatures.play.recorded.v1", Topics.USER_FEATURES_PLAYS, PlayRecorded.class);

    private final String type;
    private final String topic;
    private final Class<? extends Record> payload;

    EventType(String type, String topic, Class<? extends Record> payload) {
        this.type = type;
        this.topic = topic;
        this.payload = payload;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payload() {
        return payload;
    }

    public String schemaResource() {
        return "/schemas/" + type + ".json";
    }
}
