package io.rotation.analytics.usage.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.recommendation.repository.PreferenceRepository;
import io.rotation.analytics.usage.model.Interaction;
import io.rotation.analytics.usage.service.InteractionService;
import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.FollowChanged;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * FollowAdded/FollowRemoved from user-features, into usage_metrics and daily_metrics exactly once, and the
 * follow as a preference in recommendation_data (entity_type store or user) while it lasts.
 */
@ApplicationScoped
public class FollowsConsumer {

    static final String CONSUMER = "analytics.follows";

    private final IdempotentConsumer consumer;
    private final InteractionService interactions;
    private final PreferenceRepository preferences;
    private final ObjectMapper mapper;

    public FollowsConsumer(IdempotentConsumer consumer, InteractionService interactions,
                           PreferenceRepository preferences, ObjectMapper mapper) {
        this.consumer = consumer;
        this.interactions = interactions;
        this.preferences = preferences;
        this.mapper = mapper;
    }

    @Incoming("follows")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, this::decode, (c, follows) -> interactions.apply(c, follows,
                IdempotentConsumer.eachInTurn((cc, d) -> follow(cc, d.payload()))));
    }

    private Uni<Void> follow(SqlConnection c, Interaction f) {
        return Interaction.FOLLOW_ADDED.equals(f.eventType())
                ? preferences.follow(c, f.userId(), f.entityType(), f.entityId(), f.occurredAt())
                : preferences.unfollow(c, f.userId(), f.entityType(), f.entityId());
    }

    private Interaction decode(InboundEvent event) {
        boolean added = EventType.FOLLOW_ADDED.type().equals(event.type());
        if (!added && !EventType.FOLLOW_REMOVED.type().equals(event.type())) {
            throw new PoisonEventException("unexpected event type " + event.type());
        }
        FollowChanged f = event.data(mapper, FollowChanged.class);
        if (f.followerId() <= 0 || f.targetId() <= 0 || f.targetType() == null || f.targetType().isBlank()) {
            throw new PoisonEventException("FollowChanged without follower, target type or target id");
        }
        return new Interaction(f.followerId(), added ? Interaction.FOLLOW_ADDED : Interaction.FOLLOW_REMOVED,
                f.targetType(), f.targetId(), Interactions.at(f.occurredAt(), event), Map.of());
    }
}
