package io.rotation.matching.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.rotation.matching.audio.model.MatchStatus;
import io.rotation.matching.scoring.model.Assignment;
import io.rotation.matching.scoring.model.Candidate;
import io.rotation.matching.scoring.model.ReleaseContext;
import io.rotation.matching.scoring.model.Thresholds;
import io.rotation.matching.scoring.model.TrackInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One rule of an editor's reading per test, on small releases written here (the labelled releases of the
 * sample are in {@link EditorReleaseMatcherLabelledTest}).
 */
class EditorEvidenceRulesTest {

    private static final EditorReleaseMatcher MATCHER = new EditorReleaseMatcher();

    @Test
    void aNumberWrittenAsAWordIsThatNumber() {
        ReleaseContext release = release("Walk Away (2020 Vision Remixes)", "Håkan Lidbo",
                track("A1", "Walk Away (2020 Vision Vocal Mix)", null),
                track("AA1", "Walk Away (2020 Vision Dub 1)", null),
                track("AA2", "Walk Away (2020 Vision Dub 2)", null));

        assertThat(judged(release, video("Walk Away (20:20 Vision Unreleased Dub Two)", 313)))
                .isEqualTo(new Judged("AA2", MatchStatus.auto_approved));
        assertThat(judged(release, video("Walk Away (20:20 Vision Unreleased Dub One)", 435)))
                .isEqualTo(new Judged("AA1", MatchStatus.auto_approved));
    }

    @Test
    void aVideoNamingAnotherPartIsNotThisPartEvenWhenItsLengthFits() {
        // "Pattern 1" runs 331 s: 24 s off its own track, 2 s off "Pattern 4"
        ReleaseContext release = release("Pattern 1 - 4", "Conceiled Project", track("A1", "Pattern 1", 307),
                track("A2", "Pattern 2", 239), track("B1", "Pattern 3", 234), track("B2", "Pattern 4", 329));

        Assignment a = assignment(release, video("Conceiled Project - Pattern 1", 331));

        assertThat(position(release, a)).isEqualTo("A1");
        assertThat(status(a)).contains(MatchStatus.auto_approved);
    }

    @Test
    void aRemixerCreditedByInitialsIsTheNamedMix() {
        ReleaseContext release = release("Goodtime", "Jazmina", track("1", "Goodtime (Masters At Work Mix)", 429),
                track("2", "Goodtime (Original Mix)", 380));

        Assignment a = assignment(release, video("Goodtime (MAW Vocal Remix)", 429));

        assertThat(position(release, a)).isEqualTo("1");
        assertThat(status(a)).contains(MatchStatus.auto_approved);
        assertThat(a.parts()).doesNotContainKey("missing_mix_words");
    }

    @Test
    void aMusicVideoMayRunLongerThanTheRecord() {
        ReleaseContext release = release("Apex Predator - Easy Meat", "Napalm Death",
                track("A1", "Apex Predator - Easy Meat", 226), track("A2", "Smash A Single Digit", 85),
                track("A3", "Metaphorically Screw You", 125));

        assertThat(judged(release, video("NAPALM DEATH - Smash A Single Digit (OFFICIAL VIDEO)", 121)))
                .isEqualTo(new Judged("A2", MatchStatus.auto_approved));
        // the same 36 s too many in a plain upload: another edit, a reviewer looks
        assertThat(judged(release, video("NAPALM DEATH - Smash A Single Digit", 121)))
                .isEqualTo(new Judged("A2", MatchStatus.needs_review));
    }

    @Test
    void aMusicVideoUploadIsTheReleasesVideoTrackAndAnAudioUploadItsAudioTrack() {
        ReleaseContext release = release("So Long!", "AKB48", track("CD-1", "So Long!", null),
                track("CD-2", "Waiting Room", null), track("DVD-1", "So Long! (Music Video)", null),
                track("DVD-2", "Waiting Room (Music Video)", null));

        assertThat(judged(release, video("【MV full】 So long ! / AKB48[公式]", 388)))
                .isEqualTo(new Judged("DVD-1", MatchStatus.auto_approved));
        assertThat(judged(release, video("AKB48 - So Long! (Official Audio)", 300)))
                .isEqualTo(new Judged("CD-1", MatchStatus.auto_approved));
    }

    @Test
    void aSoundtracksMainTitleIsNotAnotherMix() {
        ReleaseContext release = release("Shaft's Big Score!", "Gordon Parks", track("A1", "Blowin' Your Mind", 207),
                track("A2", "The Other Side", 107), track("A7", "Move On In", 187));

        assertThat(judged(release, video("Blowin' Your Mind (feat. O.C. Smith) (Shaft's Big Score! Main Title)", 212)))
                .isEqualTo(new Judged("A1", MatchStatus.auto_approved));
    }

    @Test
    void aCreditInCyrillicIsTheArtistsLatinName() {
        ReleaseContext release = release("Balance / Computer", "Кофе", track("A1", "Balance", null),
                track("A2", "Balance (Kgbk Edit)", null), track("B1", "Computer", null),
                track("B2", "Computer (Kgbk Edit)", null));

        Assignment a = assignment(release, video("PREMIERE: Kofe - Computer (KGBK Edit) [Bordello A Parigi]", null));

        assertThat(position(release, a)).isEqualTo("B2");
        assertThat(a.parts()).containsEntry("artist_similarity", 1.0);
        assertThat(status(a)).contains(MatchStatus.auto_approved);
    }

    @Test
    void aLiveUploadIsNeverAutoApprovedForTheStudioTrackEvenWhenItsLengthFits() {
        ReleaseContext release = release("Billion Dollar Babies", "Alice Cooper", track("1", "Hello Hooray", 254),
                track("2", "Raped And Freezin'", 195), track("3", "Elected", 245));

        assertThat(judged(release, video("Raped And Freezin' (Live)", 195)).status())
                .isNotEqualTo(MatchStatus.auto_approved);
        assertThat(judged(release, video("Raped And Freezin'", 200)))
                .isEqualTo(new Judged("2", MatchStatus.auto_approved));
    }

    @Test
    void anUploadDatedLikeAShowIsAPerformance() {
        ReleaseContext release = release("Edredón", "Edredón", track("1", "Querido Pedagogo", null),
                track("2", "Bautismo", null), track("5", "Dialéctica (Entre L'Humain Et La Machine)", null));

        assertThat(judged(release, video("Dialéctica Gruta 77 28 6 09 EdredoN", 457)).status())
                .isNotEqualTo(MatchStatus.auto_approved);
        assertThat(judged(release, video("Edredón - Dialéctica (1-3-2011)", 457)).status())
                .isNotEqualTo(MatchStatus.auto_approved);
        assertThat(judged(release, video("Edredón - Dialéctica", 457)))
                .isEqualTo(new Judged("5", MatchStatus.auto_approved));
    }

    @Test
    void aClubMixIsNotTheAlbumVersion() {
        ReleaseContext release = release("Say It Again", "Jestofunk", track("1", "Say It Again (Original Radio Edit)", 222),
                track("2", "Say It Again (Album Version)", null));

        assertThat(judged(release, video("Jestofunk - Say It Again (Club Mix) 12", 386)).status())
                .isNotEqualTo(MatchStatus.auto_approved);
    }

    @Test
    void aVideoNamingThePartIsThatPart() {
        ReleaseContext release = release("Universal", "Solar House", track("A", "Universal (Part One)", null),
                track("B1", "Universal (Part Two)", null), track("B2", "Basement Nights", null));

        assertThat(judged(release, video("Solar House - Universal Pt.1", 409)))
                .isEqualTo(new Judged("A", MatchStatus.auto_approved));
    }

    @Test
    void aMixNamedByOtherWordsIsNotTheVocalOrTheDubMix() {
        ReleaseContext release = release("How's Your Evening So Far?", "Josh Wink",
                track("A", "How's Your Evening So Far? (Vocal Mix)", null),
                track("B", "How's Your Evening So Far? (Filtered Mix)", null));

        assertThat(judged(release, video("Josh Wink - How's Your Evening So Far? (UK 12 Mix)", 526)).status())
                .isNotEqualTo(MatchStatus.auto_approved);
        assertThat(judged(release, video("Josh Wink - How's Your Evening So Far? (Vocal Mix)", 661)))
                .isEqualTo(new Judged("A", MatchStatus.auto_approved));

        ReleaseContext dub = release("Heaven Scent", "Bedrock", track("A", "Heaven Scent (Original Mix)", 628),
                track("B", "Heaven Scent (Evolution Dub Mix)", 541));
        assertThat(judged(dub, video("Bedrock - Heaven Scent(Evolution Main Mix)", 574)).status())
                .isNotEqualTo(MatchStatus.auto_approved);
        assertThat(judged(dub, video("{Vinyl} Bedrock - Heaven Scent (Evolution Dub Mix)", 560)))
                .isEqualTo(new Judged("B", MatchStatus.auto_approved));
    }

    @Test
    void aCoverIsAnotherRecordingHoweverWellItsLengthFits() {
        ReleaseContext release = release("Johnny Handsome", "Ry Cooder", track("A7", "Cajun Metal", 119),
                track("A8", "First Week At Work", 64), track("B1", "Greasy Oysters", 112));

        assertThat(judged(release, video("Ry Cooder - First week at work (cover)", 59)).status())
                .isNotEqualTo(MatchStatus.auto_approved);
    }

    @Test
    void theSameSongAsLongOnBothSidesOfASingleIsOneChoice() {
        ReleaseContext release = release("Leave My Woman Alone", "Junior Wells",
                track("A", "Leave My Woman Alone", 170), track("B", "Leave My Woman Alone", 170));

        assertThat(judged(release, video("Junior Wells Leave My Woman Alone", 173)))
                .isEqualTo(new Judged("A", MatchStatus.auto_approved));
    }

    @Test
    void aWordBesideANumberIsNoCatalogueCode() {
        ReleaseContext release = release("Goldene Zeiten", "Hubert Kah", track("2", "Wenn Der Mond Die Sonne Berührt", 209),
                track("3", "Engel 07", 247), track("4", "Edelstein", 192));

        Assignment a = assignment(release, video("Hubert Kah - Engel 07 („Na Sowas!“ 1984)", 203));

        assertThat(a.parts().get("unexplained_words")).isEqualTo(List.of("na", "sowas"));
    }

    @Test
    void aBracketNamingAnOccasionTheTrackDoesNotNameIsReviewed() {
        ReleaseContext release = release("Goldene Zeiten", "Hubert Kah", track("2", "Wenn Der Mond Die Sonne Berührt", 209),
                track("3", "Engel 07", 247), track("4", "Edelstein", 192));

        assertThat(judged(release, video("Hubert Kah - Wenn der Mond die Sonne berührt (ZDF-Hitparade 1984)", 197)))
                .isEqualTo(new Judged("2", MatchStatus.needs_review));
        // a year alone dates the upload, not an occasion
        assertThat(judged(release, video("Hubert Kah - Wenn der Mond die Sonne berührt (1984)", 210)))
                .isEqualTo(new Judged("2", MatchStatus.auto_approved));
    }

    @Test
    void aMixCreditedToTheArtistIsNamedInsideTheBrackets() {
        ReleaseContext release = release("All I Do", "Cleptomaniacs",
                track("A1", "All I Do (Original Cleptomaniacs Mix)", null));

        // every word explained, yet the mix named is not the artist's own
        assertThat(autoApproved(release, video("Cleptomaniacs - All I Do (Club Mix)", 371))).isFalse();
        assertThat(autoApproved(release, video("Cleptomaniacs - All I Do (Cleptomaniacs Ghost Mix)", 429))).isFalse();
        assertThat(judged(release, video("Cleptomaniacs - All I Do (Original Cleptomaniacs Mix)", 466)))
                .isEqualTo(new Judged("A1", MatchStatus.auto_approved));
    }

    @Test
    void aReRecordingOrNewVersionIsAnotherRecording() {
        ReleaseContext release = release("Under Jolly Roger", "Running Wild", track("A1", "Under Jolly Roger", null),
                track("A2", "War In The Gutter", null), track("A3", "Raw Ride", null));

        assertThat(judged(release, video("RUNNING WILD Raw Ride (Re-recorded 1991)", 256)).status())
                .isNotEqualTo(MatchStatus.auto_approved);
        assertThat(judged(release, video("Running Wild - Raw Ride (new version)", 256)).status())
                .isNotEqualTo(MatchStatus.auto_approved);
        assertThat(judged(release, video("RUNNING WILD Raw Ride", 276)))
                .isEqualTo(new Judged("A3", MatchStatus.auto_approved));
    }

    @Test
    void aMusicVideoOfAnUntimedTrackIsReviewedWhenAPlainUploadOfItRunsAnotherLength() {
        ReleaseContext release = release("Wingbeats", "Hidden Orchestra", track("A1", "Wingbeats", null),
                track("B1", "Wingbeats: Source I - Bird Table", null), track("B2", "Wingbeats: Source II - Cello", null));
        Candidate plain = video("Hidden Orchestra - Wingbeats", 716);
        Candidate musicVideo = video("Hidden Orchestra - Wingbeats (Official Video)", 373);

        List<Assignment> both = MATCHER.assign(release, List.of(plain, musicVideo));

        assertThat(status(both.get(1))).contains(MatchStatus.needs_review);
        assertThat(both.get(1).parts()).containsEntry("plain_upload_seconds", 716);
        assertThat(both.get(0).confidence()).as("the plain upload is judged as alone")
                .isEqualTo(assignment(release, plain).confidence());
        // alone, nothing disputes its length
        assertThat(judged(release, musicVideo)).isEqualTo(new Judged("A1", MatchStatus.auto_approved));
    }

    @Test
    void aMixNamedByAYearTheReleaseWasNotMadeInIsAnotherMix() {
        ReleaseContext release = release("Space Oddity", "David Bowie", track("1", "Space Oddity", 314),
                track("4", "Letter To Hermione", 150), track("6", "Janine", 199));

        assertThat(judged(release, video("Space Oddity (2019 Mix)", 321)).status())
                .isNotEqualTo(MatchStatus.auto_approved);
        // a remaster is the same mix
        assertThat(judged(release, video("David Bowie - Space Oddity (2009 Remaster)", 316)))
                .isEqualTo(new Judged("1", MatchStatus.auto_approved));
    }

    @Test
    void aMusicVideoWellShorterThanTheRecordIsItsVideoEdit() {
        ReleaseContext release = release("Confessions On A Dance Floor", "Madonna", track("1", "Hung Up", 336),
                track("3", "Sorry", 284), track("8", "Jump", 227));

        assertThat(judged(release, video("Madonna - Jump (Official Music Video)", 205)))
                .isEqualTo(new Judged("8", MatchStatus.needs_review));
        assertThat(judged(release, video("Madonna - Sorry (Official Music Video)", 288)))
                .isEqualTo(new Judged("3", MatchStatus.auto_approved));
    }

    @Test
    void anUploadNamingTheArtistOfTheOtherSideHoldsBothSides() {
        ReleaseContext release = new ReleaseContext(100, 100L, "Black Woman / Black Beauty",
                List.of("Judy Mowatt", "Joy Tulloch"), 2013, List.of(
                        new TrackInfo(1, "A", "Black Woman", List.of("Judy Mowatt"), null),
                        new TrackInfo(2, "B", "Black Beauty", List.of("Joy Tulloch"), null)));

        assertThat(autoApproved(release, video("Judy Mowatt Black WomanJoy Tulloch", 455))).isFalse();
        assertThat(judged(release, video("Judy Mowatt  -  Black Woman", 239)))
                .isEqualTo(new Judged("A", MatchStatus.auto_approved));
    }

    @Test
    void anArtistOfAnotherTrackNamedAsTheRemixerCreditsTheMix() {
        ReleaseContext release = new ReleaseContext(100, 100L, "Remixed Vol. 1", List.of("Various"), 2018,
                List.of(new TrackInfo(1, "1", "My Name Is Ayane Fukumi", List.of("Ayane Fukumi"), 250),
                        new TrackInfo(2, "2", "Children Of The Night", List.of("Crazy Mashcore Mafia"), 300)));

        Assignment a = assignment(release, video("Crazy Mashcore Mafia - Children of the Night (Ayane Fukumi Remix)",
                300));

        assertThat(position(release, a)).isEqualTo("2");
        assertThat(a.parts()).doesNotContainKey("names_other_track");
    }

    private record Judged(String position, MatchStatus status) {
    }

    private static Judged judged(ReleaseContext release, Candidate video) {
        Assignment a = assignment(release, video);
        return new Judged(position(release, a), status(a).orElse(null));
    }

    /** Dropped or sent to review: not auto-approved. */
    private static boolean autoApproved(ReleaseContext release, Candidate video) {
        return MATCHER.assign(release, List.of(video)).stream()
                .anyMatch(a -> status(a).equals(Optional.of(MatchStatus.auto_approved)));
    }

    private static Assignment assignment(ReleaseContext release, Candidate video) {
        List<Assignment> assigned = MATCHER.assign(release, List.of(video));
        assertThat(assigned).as("assignments of %s", video.title()).hasSize(1);
        return assigned.get(0);
    }

    private static String position(ReleaseContext release, Assignment a) {
        return release.tracks().stream().filter(t -> t.trackId() == a.trackId()).findFirst().orElseThrow().position();
    }

    private static Optional<MatchStatus> status(Assignment a) {
        return Thresholds.DEFAULTS.statusFor(a.confidence());
    }

    private static ReleaseContext release(String title, String artist, TrackInfo... tracks) {
        List<TrackInfo> numbered = new ArrayList<>();
        for (int i = 0; i < tracks.length; i++) {
            TrackInfo t = tracks[i];
            numbered.add(new TrackInfo(i + 1, t.position(), t.title(), List.of(), t.durationSeconds()));
        }
        return new ReleaseContext(100, 100L, title, List.of(artist), 2000, numbered);
    }

    private static TrackInfo track(String position, String title, Integer seconds) {
        return new TrackInfo(0, position, title, List.of(), seconds);
    }

    private static Candidate video(String title, Integer seconds) {
        String id = Integer.toHexString(title.hashCode());
        return new Candidate("youtube", id, "https://www.youtube.com/watch?v=" + id, title, null, seconds,
                Candidate.SOURCE_RELEASE_VIDEO, null, null);
    }
}
