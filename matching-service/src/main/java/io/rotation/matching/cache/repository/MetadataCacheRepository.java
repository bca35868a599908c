package io.rotation.matching.cache.repository;

import io.rotation.matching.platforms.service.PlatformAdapter.ItemMetadata;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * metadata_cache for the platforms' item metadata (entity_type = platform, entity_id = external id,
 * cache_key {@value #KEY}), and what it feeds: the matches' popularity, availability and quality.
 */
@ApplicationScoped
public class MetadataCacheRepository {

    public static final String KEY = "platform_metadata";

    /** A match whose platform metadata is missing or due for a refresh. */
    public record Due(long matchId, long trackId, String platform, String externalId) {
    }

    private final Pool pool;

    public MetadataCacheRepository(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} matches on these platforms (of these tracks; null: all) whose metadata is missing or due. */
    public Uni<List<Due>> due(String[] platforms, Long[] trackIds, int limit, long afterMatchId) {
        return pool.preparedQuery("""
                        select m.id, m.track_id, m.platform::text as platform, m.external_id
                        from audio_matches m
                        left join metadata_cache c on c.entity_type = m.platform::text and c.entity_id = m.external_id
                                                   and c.cache_key = 'platform_metadata'
                        where m.platform::text = any($1) and m.status <> 'rejected' and m.id > $3
                          and ($4::bigint[] is null or m.track_id = any($4))
                          and (c.id is null or coalesce(c.refresh_after, c.expires_at) <= now())
                        order by m.id limit $2""")
                .execute(Tuple.of(platforms, limit, afterMatchId, trackIds))
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    rows.forEach(r -> due.add(new Due(r.getLong("id"), r.getLong("track_id"), r.getString("platform"),
                            r.getString("external_id"))));
                    return due;
                });
    }

    /** Caches an item's metadata for {@code ttl}, due again after {@code refreshAfter}. */
    public Uni<Void> store(SqlConnection connection, String platform, String externalId, String json, Duration ttl,
                           Duration refreshAfter) {
        return connection.preparedQuery("""
                        insert into metadata_cache (entity_type, entity_id, cache_key, data, source, fetched_at,
                                                    expires_at, refresh_after)
                        values ($1::varchar, $2, 'platform_metadata', $3::text::jsonb, $1::varchar || '_api', now(),
                                now() + $4::bigint * interval '1 second', now() + $5::bigint * interval '1 second')
                        on conflict (entity_type, entity_id, cache_key) do update set data = excluded.data,
                            fetched_at = excluded.fetched_at, expires_at = excluded.expires_at,
                            refresh_after = excluded.refresh_after, refresh_failures = 0, last_error = null""")
                .execute(Tuple.of(platform, externalId, json, ttl.toSeconds(), Math.min(refreshAfter.toSeconds(),
                        ttl.toSeconds())))
                .replaceWithVoid();
    }

    /** The platform no longer has the item: remembered (with the reason), checked again after {@code retry}. */
    public Uni<Void> missing(SqlConnection connection, String platform, String externalId, String error,
                             Duration retry) {
        return connection.preparedQuery("""
                        insert into metadata_cache (entity_type, entity_id, cache_key, data, source, fetched_at,
                                                    expires_at, refresh_after, refresh_failures, last_error)
                        values ($1::varchar, $2, 'platform_metadata', '{}'::jsonb, $1::varchar || '_api', now(),
                                now() + $4::bigint * interval '1 second', now() + $4::bigint * interval '1 second', 1, $3)
                        on conflict (entity_type, entity_id, cache_key) do update set
                            refresh_failures = metadata_cache.refresh_failures + 1, last_error = excluded.last_error,
                            refresh_after = least(excluded.refresh_after, metadata_cache.expires_at)""")
                .execute(Tuple.of(platform, externalId, error, retry.toSeconds()))
                .replaceWithVoid();
    }

    /** Popularity and availability of every match of the item. */
    public Uni<Void> applyToMatches(SqlConnection connection, String platform, ItemMetadata item) {
        return connection.preparedQuery("""
                        update audio_matches set view_count = $3, like_count = $4, popularity_updated_at = now(),
                               is_available = true, is_embeddable = $5, last_checked_at = now(),
                               duration_seconds = coalesce(duration_seconds, $6)
                        where platform = $1::audio_platform and external_id = $2""")
                .execute(Tuple.tuple(Arrays.asList(platform, item.externalId(), item.viewCount(), item.likeCount(),
                        item.embeddable(), item.durationSeconds())))
                .replaceWithVoid();
    }

    /** The item is gone from the platform: its matches are no longer playable. */
    public Uni<Void> markUnavailable(SqlConnection connection, String platform, String externalId) {
        return connection.preparedQuery("""
                        update audio_matches set is_available = false, last_checked_at = now()
                        where platform = $1::audio_platform and external_id = $2""")
                .execute(Tuple.of(platform, externalId))
                .replaceWithVoid();
    }

    /**
     * An analysis of the item's audio as the platform tells it, on each of its matches, whose quality_score
     * becomes the analysis' overall score.
     */
    public Uni<Void> addQuality(SqlConnection connection, String platform, ItemMetadata item, Double overall,
                                String raw) {
        Object bitrate = item.quality().get("bitrate_kbps");
        Object loudness = item.quality().get("loudness_lufs");
        Object range = item.quality().get("dynamic_range_db");
        return connection.preparedQuery("""
                        with metric as (
                            insert into audio_quality_metrics (audio_match_id, bitrate_kbps, loudness_lufs,
                                                               dynamic_range_db, overall_score, analyzer, raw)
                            select id, $3::int, $4::numeric, $5::numeric, $6::numeric, $1::text || '_metadata',
                                   $7::text::jsonb
                            from audio_matches where platform = $1::text::audio_platform and external_id = $2
                            returning audio_match_id, overall_score)
                        update audio_matches m set quality_score = metric.overall_score
                        from metric where m.id = metric.audio_match_id""")
                .execute(Tuple.tuple(Arrays.asList(platform, item.externalId(),
                        bitrate == null ? null : ((Number) bitrate).intValue(),
                        loudness == null ? null : ((Number) loudness).doubleValue(),
                        range == null ? null : ((Number) range).doubleValue(), overall, raw)))
                .replaceWithVoid();
    }
}
