package io.rotation.matching.platforms.service;

import io.rotation.matching.audio.model.AudioPlatform;
import io.rotation.matching.scoring.model.Candidate;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/**
 * A platform's search API behind one interface: each adapter is a real HTTP client with its own
 * auth, paging, quota and back-off. Without its credentials an adapter is off: it says so once in
 * the log and in its health check, and matching goes on with the other sources.
 */
public interface PlatformAdapter {

    AudioPlatform platform();

    /** Whether the adapter has what it needs (credentials) to call the platform. */
    boolean enabled();

    /** Whether it is off and why, and its last problem: for the log and the health check. */
    AdapterState state();

    /**
     * Up to {@code query.limit()} results for one track, as candidates ({@code source = search}).
     * A platform that is out of quota or unreachable answers an empty list (logged), not a failure.
     */
    Uni<List<Candidate>> search(TrackQuery query);

    /**
     * The platform's current metadata of items it has (popularity, availability, and audio quality where
     * the platform says); items it no longer has are missing from the answer. Default: the platform
     * offers none.
     */
    default Uni<List<ItemMetadata>> metadata(List<String> externalIds) {
        return Uni.createFrom().item(List.of());
    }

    /**
     * One item's metadata. {@code quality} holds what the platform tells of the audio (keys
     * {@code bitrate_kbps}, {@code loudness_lufs}, {@code dynamic_range_db}), empty when it tells nothing;
     * {@code raw} is the platform's answer for the item, cached in metadata_cache.
     */
    record ItemMetadata(String externalId, String title, Integer durationSeconds, Long viewCount, Long likeCount,
                        boolean embeddable, Map<String, Object> quality, Map<String, Object> raw) {
    }

    /** What a search looks for: the track's artists and title, the release, the expected length. */
    record TrackQuery(String artist, String title, String releaseTitle, Integer durationSeconds, int limit) {

        /** The free-text query most platforms take: "artist title". */
        public String text() {
            return (artist == null || artist.isBlank() ? "" : artist + " ") + title;
        }
    }
}
