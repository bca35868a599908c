package io.rotation.matching.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.rotation.matching.audio.model.MatchStatus;
import io.rotation.matching.scoring.DiscogsSample;
import io.rotation.matching.scoring.LabelledRun;
import io.rotation.matching.scoring.model.Assignment;
import io.rotation.matching.scoring.model.Candidate;
import io.rotation.matching.scoring.model.Thresholds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The matcher on hand-labelled videos of the Discogs sample (bench/matching/labels.csv), one test per
 * quirk of the data; each release is scored with all of its videos at once, as in production.
 */
class EditorReleaseMatcherLabelledTest {

    private static final Thresholds THRESHOLDS = Thresholds.DEFAULTS;
    private static final EditorReleaseMatcher MATCHER = new EditorReleaseMatcher();
    private static LabelledRun run;

    @BeforeAll
    static void scoreTheLabelledReleases() {
        run = LabelledRun.of(MATCHER);
    }

    /** R13 lists no durations at all; R1 has them. */
    @ParameterizedTest(name = "release {0}: {1} is {2}")
    @CsvSource({"13, MQYCjnEC1x0, A1", "13, pFtg5VTzwpM, A2", "13, ittZijkPK3M, AA1", "13, liKbA1uhO7k, AA2",
            "1, MpmbntGDyNE, A", "1, afMHNll9EVM, D"})
    void autoApprovesPlainUploadsOfATrackEvenWithoutDurations(long release, String video, String position) {
        assertAutoApproved(release, video, position);
    }

    @ParameterizedTest(name = "release {0}: {1} is {2}")
    @CsvSource({"9, fIcJzmdNQfw, A1", "9, 9gC8cXqRTDs, A2", "9, i-8CY8MIfDk, B1", "9, LMSX1uj-Kqc, B2",
            "11, YTLeDC4etuw, A2", "11, 9k2xMq1iWNc, B2", "28, 01vz_it9znw, A2", "28, TrF1elKuBMg, A1"})
    void tellsSeveralMixesOfOneSongApartByTheirNames(long release, String video, String position) {
        assertAutoApproved(release, video, position);
    }

    @ParameterizedTest(name = "release {0}: {1} ({2})")
    @CsvSource({"11, G3Zm6CslYGU, Conga Lounge Mix", "22, t2fGvq11Na4, Moonchildren Remix",
            "9343046, JR3TrjvMZrw, a Dub Mix on a release of other mixes", "9343046, YtWFzWXM9Xg, another mix",
            "12645398, _-ZL4pGGyeg, a remix", "12645398, 9Vo17tuRkq0, a remix", "12645398, -2lxjZZeJM8, a remix",
            "12645398, M55C8nkZLpo, a remix"})
    void neverAutoApprovesAMixTheReleaseDoesNotHave(long release, String video, String what) {
        assertNotAutoApproved(release, video);
    }

    @ParameterizedTest(name = "release {0}: {1} ({2})")
    @CsvSource({"6084132, o5fL1i6sSJU, live", "6084132, k8OTa6oaZJo, live", "6084132, THzO22sRNnU, live",
            "6084132, Te_70IvMg1I, live", "6084132, 7LmzwWttUnE, live", "6084132, RD2743YyFqU, demo",
            "6084132, sR0hqc4zMdI, demo", "6084132, 9FCbdWHTGBY, demo", "6084115, T-QmJKSmkUA, instrumental",
            "6084115, ERJFkBQchro, demo", "11058794, KRxOAVt8Zbw, the studio version on a live album"})
    void neverAutoApprovesLiveDemoOrInstrumentalVersionsOfAStudioTrack(long release, String video, String what) {
        assertNotAutoApproved(release, video);
    }

    @ParameterizedTest(name = "release {0}: {1} is {2}")
    @CsvSource({"14220543, Mat2YhaceaA, 3-4", "14220543, v5ceqdP9Hbk, 1-10", "11058850, Ge4n0PYpupU, B1",
            "11058794, MefzrkAsWk0, 1-4"})
    void acceptsLiveUploadsOfALiveAlbum(long release, String video, String position) {
        assertAutoApproved(release, video, position);
    }

    @Test
    void givesAFullAlbumUploadToNoTrackEvenWhenItsTitleIsATracksTitle() {
        assertDropped(6084132, "cMfugheA7BU"); // Megadeth: album title = track A2's
        assertDropped(7697993, "4AmX3GDrjr8"); // Napalm Death: album title = track A1's
        assertDropped(5, "F6XDimM4mJg"); // Datacide - Flowerhead (Full Album)
        assertDropped(61, "Hld-bcNg7nI"); // Ambiant Otaku (Full Album)
        assertDropped(3, "bqUfNGJEKlo"); // a mixed CD as one upload
        // Without durations to tell, the words say it: an album upload titled like the title track.
        DiscogsSample.Release beyondLove = DiscogsSample.releases().get(13L);
        Candidate album = new Candidate("youtube", "synthetic-album", "https://www.youtube.com/watch?v=synthetic-album",
                "Moonchildren - Beyond Love (Full Album)", null, null, Candidate.SOURCE_SEARCH, null, null);
        Candidate track = new Candidate("youtube", "synthetic-track", "https://www.youtube.com/watch?v=synthetic-track",
                "Moonchildren - Beyond Love", null, null, Candidate.SOURCE_SEARCH, null, null);
        List<Assignment> assigned = MATCHER.assign(beyondLove.context(), List.of(album, track));
        assertThat(assigned).filteredOn(a -> THRESHOLDS.statusFor(a.confidence()).isPresent())
                .extracting(a -> a.candidate().externalId()).containsExactly("synthetic-track");
        // ...while a track as long as its release (a one-track album) is that track.
        assertAutoApproved(12645412, "TlYA-Iu60hE", "1");
        assertAutoApproved(14220539, "kTP6rLXY8mk", "1");
    }

    @Test
    void givesAVideoNamingTwoTracksToNeither() {
        assertNotAutoApproved(15, "bIgwVArnS_g"); // Q Without The U / Market
        assertNotAutoApproved(3019946, "9ztnDY_L3nY"); // The Hexenhammer/Burning a Sinner
        assertNotAutoApproved(6084086, "R653KR9fzds"); // three songs of the album
        // A track whose own title has a slash is one track.
        assertThat(run.outcome("vzs5wUXHCPs", 6084132).position()).isEqualTo("A1");
    }

    @Test
    void skipsHeadingsAndIndexTracks() {
        assertAutoApproved(25, "aZIFB98IIJo", "A1"); // "This Side" / "That Side" headings around the tracks
        assertAutoApproved(25, "F200M3TobOU", "B2");
        assertAutoApproved(57, "IUkUQcjZvHo", "A1");
        assertDropped(6084115, "YX3_COUKCME"); // the index track "Symphony For Shafted Souls" is not playable
        DiscogsSample.Release release = DiscogsSample.releases().get(6084115L);
        Set<Long> notPlayable = new HashSet<>();
        release.context().tracks().stream().filter(t -> t.position().isBlank()).forEach(t -> notPlayable.add(t.trackId()));
        assertThat(notPlayable).isNotEmpty();
        assertThat(MATCHER.assign(release.context(), release.videos())).extracting(Assignment::trackId)
                .doesNotContainAnyElementsOf(notPlayable);
    }

    @Test
    void readsSubTrackCdAndDvdPositions() {
        assertAutoApproved(11058780, "NCtzkaL2t_Y", "CD16-10");
        assertAutoApproved(11058780, "45cYwDMibGo", "CD13-1");
        assertAutoApproved(6084078, "AA6seznhyfg", "DVD-5");
        assertDropped(11058780, "wfX2eJXx5v8"); // "The Beatles Greatest Hits Full Album" is not track "The Beatles"
        DiscogsSample.Release hair = DiscogsSample.releases().get(14220549L);
        Candidate spade = new Candidate("youtube", "synthetic-a3b", "https://www.youtube.com/watch?v=synthetic-a3b",
                "Peter Straker - Coloured Spade (Hair, 1968)", null, 99, Candidate.SOURCE_SEARCH, null, null);
        List<Assignment> assigned = MATCHER.assign(hair.context(), List.of(spade));
        assertThat(assigned).singleElement().satisfies(a -> {
            assertThat(a.trackId()).isEqualTo(hair.track("A3b").trackId());
            assertThat(THRESHOLDS.statusFor(a.confidence())).contains(MatchStatus.auto_approved);
        });
    }

    @Test
    void matchesTitlesInOtherScriptsAndCompatibilityForms() {
        assertAutoApproved(3019946, "0SUnuD5CXCA", "A"); // 𝔏𝔬𝔯𝔡 𝔙𝔦𝔠𝔞𝔯 - 𝔗𝔥𝔢 𝔉𝔢𝔞𝔯…, the LP's A and the CD's CD1 count once
        assertThat(run.outcome("vPUrSoWpqho", 7698010).position()).isEqualTo("A3"); // ザ・ヴィーナス 恋のしあげはPOPSICLE
        assertAutoApproved(9342990, "cZ7Zab3PgvY", "B1"); // "I lass mir" for "I Laß' Mir"
        assertAutoApproved(9342990, "Le2EmRrGflA", "A1"); // "über’n" for "Über'n"
    }

    @ParameterizedTest(name = "release {0}: {1} ({2})")
    @CsvSource({"42, aTcUTtjUJVc, a track of another release", "14220546, UGhZJSe3yYI, a review",
            "43, bFhArc2jAoM, an infomercial", "14220549, dxNvFVI2G38, a recording by another artist",
            "4497828, kGqzDrsSLSg, the song from another concert"})
    void neverAutoApprovesAVideoOfAnotherReleaseOrOtherContent(long release, String video, String what) {
        assertNotAutoApproved(release, video);
    }

    @Test
    void givesEachCandidateToOneTrackAtMostAndExplainsWhy() {
        for (DiscogsSample.Release release : DiscogsSample.releases().values()) {
            List<Assignment> assigned = MATCHER.assign(release.context(), release.videos());
            List<Candidate> candidates = new ArrayList<>();
            for (Assignment a : assigned) {
                candidates.add(a.candidate());
                assertThat(a.confidence()).isBetween(0.0, 1.0);
                assertThat(a.parts()).containsKeys("track_position", "title_similarity", "artist_similarity",
                        "duration", "evidence_logit", "confidence");
            }
            assertThat(candidates).doesNotHaveDuplicates();
        }
        // The same song on the LP and on the CD of one release is one option, not two rivals.
        LabelledRun.Outcome acdc = run.outcome("ECE0sOp3_pw", 11058804);
        assertThat(acdc.position()).isEqualTo("LP-A5");
        assertThat(acdc.parts()).doesNotContainEntry("runner_up", "CD-5");
    }

    private static void assertAutoApproved(long releaseId, String videoId, String position) {
        LabelledRun.Outcome o = run.outcome(videoId, releaseId);
        assertThat(o.position()).as("track of %s", o.label().videoTitle()).isEqualTo(position);
        assertThat(status(o)).as("status of %s (%s)", o.label().videoTitle(), o.parts())
                .contains(MatchStatus.auto_approved);
    }

    private static void assertNotAutoApproved(long releaseId, String videoId) {
        LabelledRun.Outcome o = run.outcome(videoId, releaseId);
        assertThat(status(o)).as("status of %s (%s)", o.label().videoTitle(), o.parts())
                .isNotEqualTo(Optional.of(MatchStatus.auto_approved));
    }

    private static void assertDropped(long releaseId, String videoId) {
        LabelledRun.Outcome o = run.outcome(videoId, releaseId);
        assertThat(status(o)).as("status of %s (%s)", o.label().videoTitle(), o.parts()).isEmpty();
    }

    private static Optional<MatchStatus> status(LabelledRun.Outcome o) {
        return o.position() == null ? Optional.empty() : THRESHOLDS.statusFor(o.confidence());
    }
}
