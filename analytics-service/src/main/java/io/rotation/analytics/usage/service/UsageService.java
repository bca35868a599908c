package io.rotation.analytics.usage.service;

import io.rotation.analytics.erasure.repository.ErasedUsers;
import io.rotation.analytics.recommendation.repository.PreferenceRepository;
import io.rotation.analytics.recommendation.repository.PreferenceRepository.Taste;
import io.rotation.analytics.similarity.service.SimilarityService;
import io.rotation.analytics.usage.model.AnnouncedPlay;
import io.rotation.analytics.usage.model.PlayAggregates;
import io.rotation.analytics.usage.repository.UsageRepository;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns plays into usage_metrics rows, daily_metrics sums and recommendation_data affinities (tracks, records
 * and the records' artists, genres and styles), and refreshes the co-listening similarity of the records their
 * listeners have.
 */
@ApplicationScoped
public class UsageService {

    private final UsageRepository repository;
    private final ErasedUsers erasedUsers;
    private final SimilarityService similarity;
    private final PreferenceRepository preferences;

    public UsageService(UsageRepository repository, ErasedUsers erasedUsers, SimilarityService similarity,
                        PreferenceRepository preferences) {
        this.repository = repository;
        this.erasedUsers = erasedUsers;
        this.similarity = similarity;
        this.preferences = preferences;
    }

    /**
     * The plays of a Kafka poll's fresh events, however many each event carries, written with one statement
     * per table. Plays of users erased meanwhile are dropped: they would bring the erased data back. The write
     * lock is taken before looking, so an erasure either committed before the look (and is seen) or
     * waits for these rows and anonymises them (it locks usage_metrics against writers first).
     */
    public Uni<Void> applyPlays(SqlConnection connection, List<Decoded<List<AnnouncedPlay>>> events) {
        List<AnnouncedPlay> plays = events.stream().flatMap(d -> d.payload().stream()).toList();
        Set<Long> users = plays.stream().map(a -> a.play().userId()).collect(Collectors.toSet());
        return repository.lockForWriting(connection)
                .chain(() -> erasedUsers.among(connection, users))
                .chain(erased -> apply(connection, erased.isEmpty() ? plays
                        : plays.stream().filter(a -> !erased.contains(a.play().userId())).toList()));
    }

    private Uni<Void> apply(SqlConnection connection, List<AnnouncedPlay> plays) {
        if (plays.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // only the rows this insert wrote count: a play stored before (its claim forgotten since) adds nothing
        return repository.insertPlays(connection, plays).chain(written -> {
            List<PlayRecorded> counted = plays.stream().filter(a -> written.contains(a.usageEventId()))
                    .map(AnnouncedPlay::play).toList();
            List<PlayRecorded> ofRecords = counted.stream().filter(p -> p.recordId() != null).toList();
            return repository.addAggregates(connection, PlayAggregates.of(counted))
                    .chain(() -> preferences.addTastes(connection, ofRecords.stream().map(p -> new Taste(p.userId(),
                            p.recordId(), PlayAggregates.score(p.completionPercentage()), 1,
                            p.durationPlayedMs() == null ? 0 : p.durationPlayedMs(), p.playedAt())).toList()))
                    .chain(() -> similarity.listened(connection, ofRecords.stream()
                            .map(PlayRecorded::userId).toList()));
        });
    }
}
