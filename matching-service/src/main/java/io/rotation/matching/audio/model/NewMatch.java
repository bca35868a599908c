package io.rotation.matching.audio.model;

/** POST /api/v1/matches: an admin adds a track's audio by its URL on a platform. */
public record NewMatch(Long trackId, String platform, String url) {
}
