package io.rotation.userfeatures.play.service;

import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.contracts.userfeatures.PlaysRecorded;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.userfeatures.erasure.repository.ErasedUsers;
import io.rotation.userfeatures.play.model.BatchResult;
import io.rotation.userfeatures.play.model.NewPlay;
import io.rotation.userfeatures.play.model.Play;
import io.rotation.userfeatures.play.model.PlayAction;
import io.rotation.userfeatures.play.model.PlayFilter;
import io.rotation.userfeatures.play.repository.PlayRepository;
import io.rotation.userfeatures.play.repository.PlayRepository.PlayRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Records plays. The plays a request newly stores and the PlaysRecorded event announcing them (one, unless
 * they are too large for one Kafka record) commit in one transaction, so no play is stored without being
 * announced nor announced without being stored; a retried play is neither. One event per request, not per
 * play, keeps the outbox, Kafka and analytics' processed_event at a row per batch. Plays of an erased user
 * (whose access token has not expired yet) are refused.
 */
@ApplicationScoped
public class PlayService {

    /** Clients' clocks drift; a play further in the future than this is a client bug. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * Kafka refuses records over 1 MB, and the relay would park such an event, its plays never reaching
     * analytics. A request's plays normally fit one event; only when their estimated JSON (see
     * {@link #estimatedBytes}) would pass this are they announced in several.
     */
    static final int MAX_EVENT_BYTES = 900_000;

    private final Pool pool;
    private final PlayRepository plays;
    private final ErasedUsers erasedUsers;
    private final Outbox outbox;
    private final Clock clock;
    private final Period retention;

    public PlayService(Pool pool, PlayRepository plays, ErasedUsers erasedUsers, Outbox outbox,
                       @ConfigProperty(name = "rotation.plays.retention") Period retention) {
        this.pool = pool;
        this.retention = retention;
        this.plays = plays;
        this.erasedUsers = erasedUsers;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    /** @return the play and whether this call stored it (false: it was stored before) */
    public Uni<Recorded> record(long userId, NewPlay play) {
        PlayRow row = toRow(play, "", Instant.now(clock));
        return store(userId, List.of(row)).chain(stored -> stored.isEmpty()
                ? plays.find(userId, row.trackId(), row.playedAt()).map(existing -> new Recorded(existing, false))
                : Uni.createFrom().item(new Recorded(stored.get(0), true)));
    }

    public Uni<BatchResult> recordBatch(long userId, List<NewPlay> batch) {
        Instant now = Instant.now(clock);
        List<PlayRow> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            rows.add(toRow(batch.get(i), "plays[" + i + "].", now));
        }
        return store(userId, rows).map(stored -> new BatchResult(batch.size(), stored.size(),
                batch.size() - stored.size()));
    }

    public Uni<Page<Play>> list(long userId, PlayFilter filter, PageRequest page) {
        Instant at = page.first() ? null : page.afterPart(0, Instant::parse);
        Long id = page.first() ? null : page.afterPart(1, Long::valueOf);
        return plays.listNewestFirst(userId, filter, at, id, page.limit() + 1)
                .map(rows -> page.page(rows, p -> List.of(p.playedAt(), p.id())));
    }

    private Uni<List<Play>> store(long userId, List<PlayRow> rows) {
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> plays.insertNew(connection, userId, rows))
                .call(stored -> stored.isEmpty() ? Uni.createFrom().voidItem()
                        : outbox.append(connection, announce(userId, stored))));
    }

    /** One PlaysRecorded for the stored plays, or as few as keep each under {@link #MAX_EVENT_BYTES}. */
    private static List<OutboundEvent> announce(long userId, List<Play> stored) {
        List<OutboundEvent> events = new ArrayList<>(1);
        List<PlayRecorded> plays = new ArrayList<>(stored.size());
        long bytes = 0;
        for (Play p : stored) {
            long size = estimatedBytes(p);
            if (!plays.isEmpty() && bytes + size > MAX_EVENT_BYTES) {
                events.add(OutboundEvent.of(EventType.PLAYS_RECORDED, userId, new PlaysRecorded(userId, plays)));
                plays = new ArrayList<>();
                bytes = 0;
            }
            plays.add(new PlayRecorded(p.id(), p.userId(), p.trackId(), p.recordId(), p.playedAt(),
                    p.durationPlayedMs(), p.completionPercentage(), p.action().name(), p.sessionId(), p.device()));
            bytes += size;
        }
        events.add(OutboundEvent.of(EventType.PLAYS_RECORDED, userId, new PlaysRecorded(userId, plays)));
        return events;
    }

    /**
     * An upper bound of a play's JSON: its numbers, time and action take under 300 bytes; a char of its
     * session or device at most 6 (a control char, escaped in six).
     */
    static long estimatedBytes(Play p) {
        return 300L + 6L * ((p.sessionId() == null ? 0 : p.sessionId().length())
                + (p.device() == null ? 0 : p.device().length()));
    }

    /** Applies defaults; Postgres keeps microseconds, so played_at is cut to them for retries to match. */
    private PlayRow toRow(NewPlay play, String fieldPrefix, Instant now) {
        Instant playedAt = play.playedAt() == null ? now : play.playedAt();
        if (playedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw ProblemException.invalidField(fieldPrefix + "played_at", "must not be in the future");
        }
        // older plays would have no partition but the default one, and retention would never drop them
        if (playedAt.isBefore(now.atZone(ZoneOffset.UTC).minus(retention).toInstant())) {
            throw ProblemException.unprocessableField(fieldPrefix + "played_at",
                    "is older than the " + retention.toTotalMonths() + " months plays are kept");
        }
        return new PlayRow(play.trackId(), play.recordId(), playedAt.truncatedTo(ChronoUnit.MICROS),
                play.durationPlayedMs(), play.completionPercentage(),
                play.action() == null ? PlayAction.play : play.action(), play.sessionId(), play.device());
    }

    public record Recorded(Play play, boolean created) {
    }
}
