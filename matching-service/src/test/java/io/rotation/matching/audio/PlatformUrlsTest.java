package io.rotation.matching.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.rotation.matching.audio.model.AudioPlatform;
import io.rotation.matching.audio.service.PlatformUrls;
import io.rotation.matching.audio.service.PlatformUrls.PlatformUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformUrlsTest {

    @ParameterizedTest
    @CsvSource({
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ, youtube, dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42, youtube, dQw4w9WgXcQ",
            "http://m.youtube.com/watch?v=dQw4w9WgXcQ, youtube, dQw4w9WgXcQ",
            "https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RD, youtube, dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ, youtube, dQw4w9WgXcQ",
            "https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1, youtube, dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ, youtube, dQw4w9WgXcQ",
            "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=1, spotify, 4uLU6hMCjMI75M1A2tKUQC",
            "https://open.spotify.com/intl-de/track/4uLU6hMCjMI75M1A2tKUQC, spotify, 4uLU6hMCjMI75M1A2tKUQC",
            "spotify:track:4uLU6hMCjMI75M1A2tKUQC, spotify, 4uLU6hMCjMI75M1A2tKUQC",
            "https://soundcloud.com/Svek-Records/Ostermalm, soundcloud, svek-records/ostermalm",
            "https://thepersuader.bandcamp.com/track/stermalm, bandcamp, thepersuader/stermalm"})
    void recognisesTrackUrlsAndTheirExternalIds(String url, AudioPlatform platform, String externalId) {
        PlatformUrl parsed = PlatformUrls.parse(url).orElseThrow();
        assertThat(parsed.platform()).isEqualTo(platform);
        assertThat(parsed.externalId()).isEqualTo(externalId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "https://www.youtube.com/watch?v=short", "https://www.youtube.com/",
            "https://open.spotify.com/album/4uLU6hMCjMI75M1A2tKUQC", "https://soundcloud.com/svek-records",
            "https://soundcloud.com/svek-records/sets/stockholm", "https://thepersuader.bandcamp.com/album/stockholm",
            "ftp://youtu.be/dQw4w9WgXcQ", "https://vimeo.com/12345"})
    void refusesWhatIsNoTrackUrl(String url) {
        assertThat(PlatformUrls.parse(url)).isEmpty();
    }
}
