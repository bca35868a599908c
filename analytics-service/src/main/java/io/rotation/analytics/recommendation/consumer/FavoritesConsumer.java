package io.rotation.analytics.recommendation.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.recommendation.repository.PreferenceRepository;
import io.rotation.analytics.recommendation.repository.PreferenceRepository.Taste;
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
 * Favorites from user-features: every change is a usage_metrics row (and counted in daily_metrics), once
 * (changes of users erased meanwhile are dropped);
 * a favourite record counts as a strong preference in recommendation_data, for the record (never recommended
 * back) and for its artist, genres and styles; removing it takes that weight away again. Either changes the
 * co-listening similarity of the user's records.
 */
@ApplicationScoped
public class FavoritesConsumer {

    static final String CONSUMER = "analytics.favorites";
    private static final String RECORD = "record";

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
                .map(d -> new Decoded<>(d.event(), d.payload().interaction(d.event()))).toList(), this::preferences));
    }

    /** The favourites this batch wrote to usage_metrics (none of erased users, none seen before). */
    private Uni<Void> preferences(SqlConnection connection, List<Decoded<Interaction>> written) {
        List<Interaction> records = written.stream().map(Decoded::payload)
                .filter(f -> RECORD.equals(f.entityType())).toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Interaction f : records) {
            List<Taste> taste = List.of(new Taste(f.userId(), f.entityId(), PreferenceRepository.FAVORITE_WEIGHT, 0, 0,
                    f.occurredAt()));
            chain = chain.chain(() -> Interaction.FAVORITE_ADDED.equals(f.eventType())
                    ? preferences.favorite(connection, f.userId(), f.entityId(), f.occurredAt())
                            .chain(() -> preferences.addTastes(connection, taste))
                    : preferences.unfavorite(connection, f.userId(), f.entityId())
                            .chain(() -> preferences.takeTastes(connection, taste)));
        }
        return chain.chain(() -> similarity.listened(connection, records.stream().map(Interaction::userId).toList()));
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
