package io.rotation.matching.candidate.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** match_candidates: every scored candidate of a matching run, for an hour (the reviewer's evidence). */
@ApplicationScoped
public class CandidateRepository {

    /** A candidate scored for a track; {@code raw} is JSON text (source, score parts). */
    public record ScoredCandidate(long trackId, Long jobId, String platform, String externalId, String url,
                                  String title, String channelName, Integer durationSeconds, double score,
                                  String searchQuery, String raw) {
    }

    /** Stores the run's candidates; a candidate seen again gets its new score and another hour. */
    public Uni<Void> upsert(SqlConnection connection, List<ScoredCandidate> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        insert into match_candidates (track_id, job_id, platform, external_id, url, title, channel_name,
                                                      duration_seconds, score, search_query, raw)
                        select t.track, t.job, t.platform::audio_platform, t.external, t.url, t.title, t.channel,
                               t.duration, round(t.score::numeric, 4), t.query, t.raw::jsonb
                        from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                                    $7::text[], $8::int[], $9::float8[], $10::text[], $11::text[])
                             as t(track, job, platform, external, url, title, channel, duration, score, query, raw)
                        on conflict (track_id, platform, external_id) do update set
                            job_id = excluded.job_id, url = excluded.url, title = excluded.title,
                            channel_name = excluded.channel_name, duration_seconds = excluded.duration_seconds,
                            score = excluded.score, search_query = excluded.search_query, raw = excluded.raw,
                            created_at = now(), expires_at = now() + interval '1 hour'""")
                .execute(Tuple.tuple(List.of(
                        candidates.stream().map(ScoredCandidate::trackId).toArray(Long[]::new),
                        candidates.stream().map(ScoredCandidate::jobId).toArray(Long[]::new),
                        candidates.stream().map(ScoredCandidate::platform).toArray(String[]::new),
                        candidates.stream().map(ScoredCandidate::externalId).toArray(String[]::new),
                        candidates.stream().map(ScoredCandidate::url).toArray(String[]::new),
                        candidates.stream().map(ScoredCandidate::title).toArray(String[]::new),
                        candidates.stream().map(ScoredCandidate::channelName).toArray(String[]::new),
                        candidates.stream().map(ScoredCandidate::durationSeconds).toArray(Integer[]::new),
                        candidates.stream().map(ScoredCandidate::score).toArray(Double[]::new),
                        candidates.stream().map(ScoredCandidate::searchQuery).toArray(String[]::new),
                        candidates.stream().map(ScoredCandidate::raw).toArray(String[]::new))))
                .replaceWithVoid();
    }
}
