package io.rotation.analytics.recommendation.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.recommendation.repository.PreferenceRepository;
import io.rotation.analytics.similarity.service.SimilarityService;
import io.rotation.analytics.usage.model.Interaction;
import io.rotation.analytics.usage.service.InteractionService;
import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.FavoriteChanged;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Favorites from user-features: every change is a usage_metrics row (and counted in daily_metrics), once;
 * a favourite record counts as a strong preference in recommendation_data
 * (and is never recommended back); removing it takes that weight away again. Either changes the
 * co-listening similarity of the user's records.
 */
@ApplicationScoped
public class FavoritesConsumer {

    static final String CONSUMER = "analytics.favorites";

    /** usage_metrics is partitioned by month: a far-future favourite is parked on the DLQ, as plays are. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private final IdempotentConsumer consumer;
    private final PreferenceRepository preferences;
    private final InteractionService interactions;
    private final SimilarityService similarity;
    private final ObjectMapper mapper;

    public FavoritesConsumer(IdempotentConsumer consumer, PreferenceRepository preferences,
                             InteractionService interactions, SimilarityService similarity, ObjectMapper mapper) {
        this.consumer = consumer;
        this.interactions = interactions;
        this.preferences = preferences;
        this.similarity = similarity;
        this.mapper = mapper;
    }

    /** A favorite and whether it was added. */
    public record Change(FavoriteChanged favorite, boolean added) {

        /** The change as usage_metrics keeps it. */
        Interaction interaction(InboundEvent event) {
            return new Interaction(favorite.userId(), added ? Interaction.FAVORITE_ADDED : Interaction.FAVORITE_REMOVED,
                    favorite.itemType(), favorite.itemId(),
                    favorite.occurredAt() == null ? event.time() : favorite.occurredAt(), Map.of());
        }
    }

    @Incoming("favorites")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> batch) {
        return consumer.consume(batch, CONSUMER, this::decode, (c, changes) -> interactions.apply(c, changes.stream()
                .map(d -> new Decoded<>(d.event(), d.payload().interaction(d.event()))).toList())
                .chain(() -> preferences(c, changes)));
    }

    private Uni<Void> preferences(SqlConnection connection, List<Decoded<Change>> changes) {
        return IdempotentConsumer.<Change>eachInTurn((c, d) -> {
            FavoriteChanged f = d.payload().favorite();
            if (!"record".equals(f.itemType())) {
                return Uni.createFrom().voidItem();
            }
            Instant at = f.occurredAt() == null ? d.event().time() : f.occurredAt();
            return d.payload().added() ? preferences.favorite(c, f.userId(), f.itemId(), at)
                    : preferences.unfavorite(c, f.userId(), f.itemId());
        }).apply(connection, changes).chain(() -> similarity.listened(connection, changes.stream()
                .filter(d -> "record".equals(d.payload().favorite().itemType()))
                .map(d -> d.payload().favorite().userId()).toList()));
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
        if (favorite.occurredAt() != null && favorite.occurredAt().isAfter(Instant.now().plus(MAX_CLOCK_SKEW))) {
            throw new PoisonEventException("FavoriteChanged occurred_at " + favorite.occurredAt() + " is in the future");
        }
        return new Change(favorite, added);
    }
}
