package io.rotation.userfeatures.preference.model;

import java.time.Instant;
import java.util.List;

/**
 * A user's preferences document. {@code preferredPlatforms} is in order of preference;
 * {@code updatedAt} is null until the user saves any.
 */
public record Preferences(List<String> preferredPlatforms, List<String> preferredGenres, boolean explicitContent,
                          boolean autoplay, String audioQuality, String language, String theme,
                          boolean emailNotifications, boolean pushNotifications, boolean storeListingNotifications,
                          Instant updatedAt) {

    public static final List<String> PLATFORMS = List.of("youtube", "soundcloud", "spotify", "bandcamp", "discogs");
    public static final List<String> AUDIO_QUALITIES = List.of("low", "normal", "high", "lossless");
    public static final List<String> THEMES = List.of("system", "light", "dark");

    /** What a user who never saved preferences gets (the table's defaults). */
    public static Preferences defaults() {
        return new Preferences(List.of(), List.of(), true, true, "high", "en", "system", true, true, true, null);
    }
}
