package io.rotation.matching.legacy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A row of the legacy track_matches in its old shape. */
public record TrackMatchView(long id, long trackId, String platform, String youtubeId, String url, String title,
                             Double confidence, @JsonProperty("is_deprecated") boolean isDeprecated,
                             Instant createdAt, Instant updatedAt) {
}
