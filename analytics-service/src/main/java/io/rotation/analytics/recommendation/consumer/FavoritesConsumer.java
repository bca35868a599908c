package io.rotation.analytics.recommendation.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.recommendation.repository.PreferenceRepository;
import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.FavoriteChanged;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Favorites from user-features: a favourite record counts as a strong preference in recommendation_data
 * (and is never recommended back); removing it takes that weight away again.
 */
@ApplicationScoped
public class FavoritesConsumer {

    static final String CONSUMER = "analytics.favorites";

    private final IdempotentConsumer consumer;
    private final PreferenceRepository preferences;
    private final ObjectMapper mapper;

    public FavoritesConsumer(IdempotentConsumer consumer, PreferenceRepository preferences, ObjectMapper mapper) {
        this.consumer = consumer;
        this.preferences = preferences;
        this.mapper = mapper;
    }

    /** A favorite and whether it was added. */
    public record Change(FavoriteChanged favorite, boolean added) {
    }

    @Incoming("favorites")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> batch) {
        return consumer.consume(batch, CONSUMER, this::decode, IdempotentConsumer.eachInTurn((c, d) -> {
            FavoriteChanged f = d.payload().favorite();
            if (!"record".equals(f.itemType())) {
                return Uni.createFrom().voidItem();
            }
            Instant at = f.occurredAt() == null ? d.event().time() : f.occurredAt();
            return d.payload().added() ? preferences.favorite(c, f.userId(), f.itemId(), at)
                    : preferences.unfavorite(c, f.userId(), f.itemId());
        }));
    }

    private Change decode(InboundEvent event) {
        boolean added = EventType.FAVORITE_ADDED.type().equals(event.type());
        if (!added && !EventType.FAVORITE_REMOVED.type().equals(event.type())) {
            throw new PoisonEventException("unexpected event type " + event.type());
        }
        FavoriteChanged favorite = event.data(mapper, FavoriteChanged.class);
        if (favorite.userId() <= 0 || favorite.itemId() <= 0 || favorite.itemType() == null) {
            throw new PoisonEventException("FavoriteChanged without user, item type or item id");
        }
        return new Change(favorite, added);
    }
}
