package io.rotation.matching.audio.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.matching.json.JsonText;
import io.rotation.matching.audio.model.AudioPlatform;
import io.rotation.matching.audio.model.MatchStatus;
import io.rotation.matching.audio.model.MatchView;
import io.rotation.matching.audio.model.NewMatch;
import io.rotation.matching.audio.model.ReviewDecision;
import io.rotation.matching.audio.model.ReviewItem;
import io.rotation.matching.audio.repository.AudioMatchRepository;
import io.rotation.matching.release.repository.ReleaseRepository;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The admins' side: the review queue, verdicts on matches and matches added by hand. Each change, its
 * history row (who and why, through the trigger), its events and an audit entry commit together.
 */
@ApplicationScoped
public class ReviewService {

    static final int MAX_REASON = 1000;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Pool pool;
    private final AudioMatchRepository matches;
    private final ReleaseRepository releases;
    private final MatchAftermath aftermath;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public ReviewService(Pool pool, AudioMatchRepository matches, ReleaseRepository releases,
                         MatchAftermath aftermath, Outbox outbox, ObjectMapper mapper) {
        this.pool = pool;
        this.matches = matches;
        this.releases = releases;
        this.aftermath = aftermath;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** Matches waiting for review, longest waiting first, with their evidence. */
    public Uni<Page<ReviewItem>> queue(PageRequest page) {
        Instant afterAt = page.first() ? null : page.afterPart(0, Instant::parse);
        Long afterId = page.first() ? null : page.afterPart(1, Long::valueOf);
        return matches.reviewQueue(afterAt, afterId, page.limit() + 1).chain(rows -> {
            Long[] trackIds = rows.stream().map(r -> r.getLong("track_id")).distinct().toArray(Long[]::new);
            return matches.candidatesOf(trackIds).map(candidates -> {
                Map<Long, List<ReviewItem.CandidateView>> byTrack = new HashMap<>();
                for (Row c : candidates) {
                    Map<String, Object> raw = JsonText.read(mapper, c.getString("raw"), OBJECT);
                    Object parts = raw.get("parts");
                    byTrack.computeIfAbsent(c.getLong("track_id"), k -> new ArrayList<>()).add(
                            new ReviewItem.CandidateView(c.getString("platform"), c.getString("external_id"),
                                    c.getString("url"), c.getString("title"), c.getInteger("duration_seconds"),
                                    c.getBigDecimal("score").doubleValue(),
                                    parts instanceof Map<?, ?> ? mapper.convertValue(parts, OBJECT) : Map.of()));
                }
                List<ReviewItem> items = rows.stream().map(r -> item(r, byTrack)).toList();
                return page.page(items, i -> List.of(i.waitingSince(), i.match().id()));
            });
        });
    }

    /** An admin's verdict on a match: verified or rejected, with a reason. */
    public Uni<MatchView> decide(long id, ReviewDecision decision, AuditActor admin) {
        long adminId = admin.userId();
        if (decision == null) {
            throw ProblemException.invalidField("status", "is required");
        }
        String status = decision.status();
        if (!MatchStatus.verified.name().equals(status) && !MatchStatus.rejected.name().equals(status)) {
            throw ProblemException.invalidField("status", "must be verified or rejected");
        }
        String reason = reason(decision.reason());
        return pool.withTransaction(connection -> matches.lock(connection, id).chain(match -> {
            if (match == null) {
                throw ProblemException.notFound("match " + id);
            }
            if (match.status().equals(status)) {
                return Uni.createFrom().item(List.of(match));
            }
            MatchChanges changes = new MatchChanges().statusChanged(id, match.trackId(), match.status(), reason, adminId);
            return matches.sayWhoAndWhy(connection, adminId, reason)
                    .chain(() -> matches.setStatus(connection, new Long[] {id}, status, adminId))
                    .chain(() -> aftermath.settle(connection, changes))
                    .call(() -> outbox.append(connection, audit("audio_match_reviewed", id, admin,
                            Map.of("status", match.status()), AuditEntries.values("status", status, "reason", reason))));
        })).call(aftermath::evict).map(changed -> changed.stream().filter(m -> m.id() == id).findFirst().orElseThrow());
    }

    /** An admin adds a track's audio by hand: verified at once, confidence 1. */
    public Uni<MatchView> add(NewMatch body, AuditActor admin) {
        long adminId = admin.userId();
        if (body == null || body.trackId() == null) {
            throw ProblemException.invalidField("track_id", "is required");
        }
        if (body.trackId() <= 0) {
            throw ProblemException.invalidField("track_id", "must be a positive number");
        }
        AudioPlatform platform = platform(body.platform());
        PlatformUrls.PlatformUrl url = url(body.url(), platform);
        long trackId = body.trackId();
        String reason = "added by hand";
        return pool.withTransaction(connection -> releases.recordOfTrack(connection, trackId).chain(recordId -> {
            if (recordId == null) {
                throw ProblemException.invalidField("track_id", "is not a playable track of the catalog");
            }
            return matches.idOf(connection, trackId, platform.name(), url.externalId()).chain(existing -> {
                if (existing != null) {
                    throw ProblemException.conflict("track " + trackId + " already has match " + existing
                            + " for this URL; PATCH it instead");
                }
                AudioMatchRepository.NewRow row = new AudioMatchRepository.NewRow(trackId, recordId, platform.name(),
                        url.externalId(), url.url(), null, null, null, 1.0, MatchStatus.verified.name(), "manual",
                        adminId, null, null, JsonText.write(mapper, Map.of("source", "manual")));
                return matches.sayWhoAndWhy(connection, adminId, reason)
                        .chain(() -> matches.insert(connection, List.of(row)))
                        .chain(ids -> aftermath.settle(connection, new MatchChanges().created(ids.get(0), trackId))
                                .call(() -> outbox.append(connection, audit("audio_match_added", ids.get(0), admin,
                                        Map.of(), AuditEntries.values("track_id", trackId, "platform", platform.name(),
                                                "external_id", url.externalId(), "status", "verified")))));
            });
        })).call(aftermath::evict).map(changed -> changed.stream().filter(m -> "manual".equals(m.matchMethod())
                && m.trackId() == trackId && m.externalId().equals(url.externalId())).findFirst().orElseThrow());
    }

    private static AudioPlatform platform(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField("platform", "is required");
        }
        try {
            AudioPlatform platform = AudioPlatform.valueOf(value.strip());
            if (platform != AudioPlatform.discogs) {
                return platform;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.invalidField("platform", "must be youtube, spotify, soundcloud or bandcamp");
    }

    private static PlatformUrls.PlatformUrl url(String value, AudioPlatform platform) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField("url", "is required");
        }
        if (value.length() > 2000) {
            throw ProblemException.invalidField("url", "must be at most 2000 characters");
        }
        PlatformUrls.PlatformUrl parsed = PlatformUrls.parse(value).orElse(null);
        if (parsed != null && parsed.platform() == platform) {
            return parsed;
        }
        AudioPlatform other = parsed != null ? parsed.platform() : PlatformUrls.platformOf(value).orElse(null);
        if (other != null && other != platform) {
            throw ProblemException.invalidField("url", "is a " + other + " URL, not " + platform);
        }
        throw ProblemException.invalidField("url", "is not a " + platform + " track URL");
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.length() > MAX_REASON) {
            throw ProblemException.invalidField("reason", "must be at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    private ReviewItem item(Row r, Map<Long, List<ReviewItem.CandidateView>> candidates) {
        long trackId = r.getLong("track_id");
        return new ReviewItem(AudioMatchRepository.view(r), JsonText.read(mapper, r.getString("metadata"), OBJECT),
                r.getLong("reporters"), r.getOffsetDateTime("status_changed_at").toInstant(),
                new ReviewItem.TrackSummary(trackId, r.getLong("record_id"), r.getString("track_position"),
                        r.getString("track_title"), r.getInteger("track_duration"), r.getString("release_title"),
                        r.getString("release_artists") == null ? List.of() : JsonText.read(mapper, r.getString("release_artists"),
                                STRINGS)),
                candidates.getOrDefault(trackId, List.of()));
    }

    private static OutboundEvent audit(String action, long matchId, AuditActor admin, Map<String, Object> oldValues,
                                       Map<String, Object> newValues) {
        return AuditEntries.entry(admin, action, "audio_match", matchId, oldValues, newValues);
    }


}
