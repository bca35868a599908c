package io.rotation.analytics.usage.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.erasure.repository.ErasedUsers;
import io.rotation.analytics.usage.model.Interaction;
import io.rotation.analytics.usage.repository.UsageRepository;
import io.rotation.analytics.usage.repository.UsageRepository.DailyCount;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Favourites, follows and feedback into usage_metrics (one row per event) and daily_metrics (metric type
 * {@code interactions}, metric name = event type, per day suite-wide and per target), on the consumer's
 * transaction. Only rows this insert wrote are counted, so an event stored before adds nothing; events of
 * users erased meanwhile are dropped, as plays are.
 */
@ApplicationScoped
public class InteractionService {

    private final UsageRepository repository;
    private final ErasedUsers erasedUsers;
    private final ObjectMapper mapper;

    public InteractionService(UsageRepository repository, ErasedUsers erasedUsers, ObjectMapper mapper) {
        this.repository = repository;
        this.erasedUsers = erasedUsers;
        this.mapper = mapper;
    }

    public Uni<Void> apply(SqlConnection connection, List<Decoded<Interaction>> interactions) {
        return apply(connection, interactions, (c, written) -> Uni.createFrom().voidItem());
    }

    /**
     * As {@link #apply(SqlConnection, List)}, then {@code andThen} on the same transaction with the interactions
     * this call wrote (none of erased users, none stored before).
     */
    public Uni<Void> apply(SqlConnection connection, List<Decoded<Interaction>> interactions,
                           BiFunction<SqlConnection, List<Decoded<Interaction>>, Uni<Void>> andThen) {
        Set<Long> users = interactions.stream().map(d -> d.payload().userId()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return repository.lockForWriting(connection)
                .chain(() -> erasedUsers.among(connection, users))
                .chain(erased -> {
                    List<Decoded<Interaction>> kept = interactions.stream()
                            .filter(d -> d.payload().userId() == null || !erased.contains(d.payload().userId()))
                            .toList();
                    if (kept.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return repository.insertInteractions(connection, kept.stream().map(this::row).toList())
                            .chain(written -> {
                                List<Decoded<Interaction>> fresh = kept.stream()
                                        .filter(d -> written.contains(d.event().id())).toList();
                                return repository.addDaily(connection, Interaction.METRIC_TYPE,
                                                counts(fresh.stream().map(Decoded::payload).toList()))
                                        .chain(() -> andThen.apply(connection, fresh));
                            });
                });
    }

    /** Per day and event type: the suite-wide count and the count per target. */
    static List<DailyCount> counts(List<Interaction> written) {
        Map<DailyCount, Long> sums = new LinkedHashMap<>();
        for (Interaction i : written) {
            LocalDate day = i.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
            sums.merge(new DailyCount(day, Interaction.ENTITY_GLOBAL, 0, i.eventType(), 0), 1L, Long::sum);
            if (i.entityType() != null && i.entityId() != null) {
                sums.merge(new DailyCount(day, i.entityType(), i.entityId(), i.eventType(), 0), 1L, Long::sum);
            }
        }
        return sums.entrySet().stream().map(e -> new DailyCount(e.getKey().day(), e.getKey().entityType(),
                e.getKey().entityId(), e.getKey().metricName(), e.getValue())).toList();
    }

    private UsageRepository.InteractionRow row(Decoded<Interaction> d) {
        Interaction i = d.payload();
        try {
            return new UsageRepository.InteractionRow(d.event().id(), i.userId(), i.eventType(), i.entityType(),
                    i.entityId(), mapper.writeValueAsString(i.metadata() == null ? Map.of() : i.metadata()),
                    i.occurredAt().atOffset(ZoneOffset.UTC));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
