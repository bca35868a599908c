package io.rotation.catalog.discogs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** API releases (the recorded ones, and a crafted tracklist in the live API's shape) as record and track rows. */
class ApiReleaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsARecordedRelease() throws Exception {
        ApiRelease r = ApiRelease.of(read("discogs/release-1.json"));
        assertThat(r.discogsReleaseId()).isEqualTo(1);
        assertThat(r.artist()).isEqualTo("Persuader, The");
        assertThat(r.title()).isEqualTo("Stockholm");
        assertThat(r.releaseYear()).isEqualTo(1999);
        assertThat(r.released()).isEqualTo("1999-03-00");
        assertThat(r.masterId()).isEqualTo(5427L);
        assertThat(r.genres()).containsExactly("Electronic");
        assertThat(r.styles()).containsExactly("Deep House");
        assertThat(r.thumbUrl()).isEqualTo("/image/R-150-1-1193812031.jpeg");
        assertThat(JSON.readTree(r.videos())).hasSize(2);
        assertThat(r.tracks()).hasSize(6).first().satisfies(t -> {
            assertThat(t.position()).isEqualTo("A");
            assertThat(t.title()).isEqualTo("Östermalm");
            assertThat(t.durationSeconds()).isEqualTo(285);
            assertThat(t.heading()).isFalse();
            assertThat(t.artist()).isEqualTo("Persuader, The");
        });
        ApiRelease wink = ApiRelease.of(read("discogs/release-3.json"));
        assertThat(wink.tracks()).hasSize(14);
        assertThat(wink.tracks().get(0).artist()).isEqualTo("Heiko Laux & Johannes Heil");
    }

    @Test
    void flattensHeadingsAndIndexTracks() throws Exception {
        JsonNode crafted = JSON.readTree("""
                {"id": 77, "title": "Crafted", "year": 0, "artists": [{"name": "Someone (2)", "join": ""}],
                 "tracklist": [
                   {"type_": "heading", "position": "", "title": "Side A", "duration": ""},
                   {"type_": "track", "position": "A1", "title": "One", "duration": "1:02:03"},
                   {"type_": "index", "position": "A2", "title": "Suite", "duration": "",
                    "sub_tracks": [{"type_": "track", "position": "A2.a", "title": "Part a", "duration": "2:00"},
                                   {"type_": "track", "position": "A2.b", "title": "Part b", "duration": "?"}]}
                 ]}""");
        ApiRelease r = ApiRelease.of(crafted);
        assertThat(r.artist()).isEqualTo("Someone");
        assertThat(r.releaseYear()).as("year 0 is unknown").isNull();
        assertThat(r.tracks()).extracting(ApiRelease.ApiTrack::title)
                .containsExactly("Side A", "One", "Suite", "Part a", "Part b");
        assertThat(r.tracks()).extracting(ApiRelease.ApiTrack::heading)
                .containsExactly(true, false, true, false, false);
        assertThat(r.tracks()).extracting(ApiRelease.ApiTrack::parentIndex).containsExactly(null, null, null, 2, 2);
        assertThat(r.tracks()).extracting(ApiRelease.ApiTrack::durationSeconds)
                .containsExactly(null, 3723, null, 120, null);
    }

    @Test
    void aReleaseWithoutTitleOrArtistsIsRefused() throws Exception {
        assertThatThrownBy(() -> ApiRelease.of(JSON.readTree("{\"id\": 5, \"title\": \"x\", \"artists\": []}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("release 5");
        assertThatThrownBy(() -> ApiRelease.of(JSON.readTree("{\"message\": \"Release not found.\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = ApiReleaseTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }
}
