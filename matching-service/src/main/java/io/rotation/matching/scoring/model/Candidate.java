package io.rotation.matching.scoring.model;

/**
 * A piece of audio that may be one of a release's tracks: a video the release lists on Discogs
 * ({@code source = release_video}) or a platform search result ({@code source = search}).
 * {@code platform} is a value of {@code audio_platform}; counts are null where the platform is silent.
 */
public record Candidate(String platform, String externalId, String url, String title, String channelName,
                        Integer durationSeconds, String source, Long viewCount, Long likeCount) {

    public static final String SOURCE_RELEASE_VIDEO = "release_video";
    public static final String SOURCE_SEARCH = "search";
}
