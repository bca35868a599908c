package io.rotation.matching.audio.service;

import io.rotation.matching.audio.model.AudioPlatform;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a track's URL on a platform and its external id: YouTube video ids (watch, youtu.be,
 * embed, shorts, music), Spotify track ids (open.spotify.com or spotify:track:), SoundCloud
 * {@code user/track} permalinks and Bandcamp {@code artist/track} pages.
 */
public final class PlatformUrls {

    /** A URL recognised on a platform, with its canonical form. */
    public record PlatformUrl(AudioPlatform platform, String externalId, String url) {
    }

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern YOUTUBE_PATH = Pattern.compile("^/(?:embed|shorts|v|live|e)/([A-Za-z0-9_-]{11})(?:[/?].*)?$");
    private static final Pattern SPOTIFY_PATH = Pattern.compile("^(?:/intl-[a-z-]+)?/track/([A-Za-z0-9]{22})/?$");
    private static final Pattern SPOTIFY_URI = Pattern.compile("^spotify:track:([A-Za-z0-9]{22})$");
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern BANDCAMP_HOST = Pattern.compile("^([a-z0-9-]+)\\.bandcamp\\.com$");
    private static final Pattern BANDCAMP_PATH = Pattern.compile("^/track/([A-Za-z0-9_-]+)/?$");
    private static final java.util.Set<String> SOUNDCLOUD_RESERVED = java.util.Set.of("discover", "stream", "search",
            "you", "charts", "upload", "pages", "settings", "messages", "notifications", "people", "terms-of-use");

    private PlatformUrls() {
    }

    /** The platform and external id of a track URL; empty when no platform recognises it. */
    public static Optional<PlatformUrl> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        Matcher spotifyUri = SPOTIFY_URI.matcher(value);
        if (spotifyUri.matches()) {
            return Optional.of(spotify(spotifyUri.group(1)));
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        return switch (host.startsWith("www.") ? host.substring(4) : host) {
            case "youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com" -> youtube(uri, path);
            case "youtu.be" -> youtubeId(path.length() > 1 ? path.substring(1).replaceAll("/$", "") : "");
            case "open.spotify.com" -> match(SPOTIFY_PATH, path).map(PlatformUrls::spotify);
            case "soundcloud.com", "m.soundcloud.com" -> soundcloud(path);
            default -> bandcamp(host, path);
        };
    }

    /** The platform a URL belongs to, even when it is no track URL (for saying what is wrong). */
    public static Optional<AudioPlatform> platformOf(String text) {
        try {
            String host = new URI(text.strip()).getHost();
            if (host == null) {
                return Optional.empty();
            }
            host = host.toLowerCase(Locale.ROOT);
            for (AudioPlatform p : AudioPlatform.values()) {
                String domain = p == AudioPlatform.youtube ? "youtu" : p.name();
                if (host.contains(domain)) {
                    return Optional.of(p);
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not a URL
        }
        return Optional.empty();
    }

    /** The canonical watch URL of a YouTube video. */
    public static String youtubeUrl(String videoId) {
        return "https://www.youtube.com/watch?v=" + videoId;
    }

    private static Optional<PlatformUrl> youtube(URI uri, String path) {
        if ("/watch".equals(path) && uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.startsWith("v=")) {
                    return youtubeId(pair.substring(2));
                }
            }
            return Optional.empty();
        }
        return match(YOUTUBE_PATH, path).flatMap(PlatformUrls::youtubeId);
    }

    private static Optional<PlatformUrl> youtubeId(String id) {
        return YOUTUBE_ID.matcher(id).matches()
                ? Optional.of(new PlatformUrl(AudioPlatform.youtube, id, youtubeUrl(id))) : Optional.empty();
    }

    private static PlatformUrl spotify(String id) {
        return new PlatformUrl(AudioPlatform.spotify, id, "https://open.spotify.com/track/" + id);
    }

    private static Optional<PlatformUrl> soundcloud(String path) {
        String[] parts = path.replaceAll("^/|/$", "").split("/");
        if (parts.length != 2 || !SLUG.matcher(parts[0]).matches() || !SLUG.matcher(parts[1]).matches()
                || SOUNDCLOUD_RESERVED.contains(parts[0]) || "sets".equals(parts[1])) {
            return Optional.empty();
        }
        String id = parts[0].toLowerCase(Locale.ROOT) + "/" + parts[1].toLowerCase(Locale.ROOT);
        return Optional.of(new PlatformUrl(AudioPlatform.soundcloud, id, "https://soundcloud.com/" + id));
    }

    private static Optional<PlatformUrl> bandcamp(String host, String path) {
        Matcher artist = BANDCAMP_HOST.matcher(host);
        if (!artist.matches()) {
            return Optional.empty();
        }
        return match(BANDCAMP_PATH, path).map(slug -> new PlatformUrl(AudioPlatform.bandcamp,
                artist.group(1) + "/" + slug, "https://" + artist.group(1) + ".bandcamp.com/track/" + slug));
    }

    private static Optional<String> match(Pattern pattern, String value) {
        Matcher m = pattern.matcher(value);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
