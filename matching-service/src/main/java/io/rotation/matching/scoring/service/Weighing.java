package io.rotation.matching.scoring.service;

import io.rotation.matching.scoring.model.Candidate;
import java.util.List;
import java.util.Set;

/**
 * The weights of an editor's evidence, in log-odds. A candidate whose title is the track's, whose other
 * words are the artist's and nothing unexplained, scores about +4.5 (confidence ~0.99 when no other track
 * competes); a duration within seconds adds +2.5; a version the track is not (live, demo, another mix),
 * an album upload or a second track named take it far below zero.
 */
final class Weighing {

    static final double BIAS = -10.5;
    static final double TITLE = 9.0;
    static final double EXPLAINED = 5.0;
    static final double ARTIST = 1.0;
    /** The release's own page lists the video: its editors already tied it to this release. */
    static final double LISTED_BY_RELEASE = 1.0;
    static final double STRONG_VERSION = -4.0;
    /** A performance (live, on TV, a dated show) is another recording, however well its title and length fit. */
    static final double PERFORMANCE = -6.0;
    static final double MEDIUM_VERSION = -3.5;
    static final double NOT_MUSIC = -6.0;
    static final double OTHER_MIX = -3.0;
    /** The track is itself a named mix and the candidate names another cut: surely a sibling, not this. */
    static final double ANOTHER_CUT_OF_A_MIX = -1.5;
    static final double MISSING_MIX = -4.0;
    static final double ALBUM_UPLOAD = -6.0;
    static final double OTHER_TRACK = -6.0;
    static final double POSITION = 1.5;
    static final double TITLE_IS_RELEASE_TITLE = -3.0;
    static final double TOO_LONG_UNTIMED = -3.0;
    /** The track's title has a number (a part, a dub) and the candidate names that one: this part, not its siblings. */
    static final double SAME_NUMBER = 1.5;
    /** The track's title has a number (a part, a dub) and the candidate names another one: another part. */
    static final double OTHER_NUMBER = -3.0;
    /**
     * A bracket that names a version or a year holds words no one can account for ("(Spielbude 1984)",
     * "(Cleptomaniacs Ghost Mix)"): the upload says which cut or occasion it is, and not one the track names.
     */
    static final double UNEXPLAINED_QUALIFIER = -3.5;
    /** A music video of an untimed track that a plain upload of it disputes by its length (see EditorReleaseMatcher). */
    static final double LENGTH_DISPUTED = -3.0;
    /** A music video where the release has that song's video too (DVD), or an audio upload of a video track. */
    static final double OTHER_MEDIUM = -4.0;

    /** How much longer than the record a music video may run without counting against it. */
    static final double MUSIC_VIDEO_EXTRA_SECONDS = 30;
    static final double MUSIC_VIDEO_EXTRA_SHARE = 0.15;
    /** How much shorter than the record a music video runs before it counts as the video's own edit. */
    static final int MUSIC_VIDEO_EDIT_SECONDS = 15;

    private Weighing() {
    }

    static Evidence weigh(ReleaseProfile release, TrackProfile track, VideoProfile video) {
        Evidence e = new Evidence(track);
        e.titleSimilarity = titleSimilarity(track, video);
        e.artistSimilarity = artistSimilarity(release, track, video);
        e.explained = explained(release, track, video, e);
        versions(release, track, video, e);
        duration(release, track, video, e);
        otherTracks(release, track, video, e);
        otherTracksArtist(track, release, video, e);
        otherNumber(release, track, video, e);
        medium(release, track, video, e);
        position(track, video, e);
        double logit = BIAS + TITLE * e.titleSimilarity + EXPLAINED * e.explained + ARTIST * e.artistSimilarity
                + e.durationWeight;
        if (Candidate.SOURCE_RELEASE_VIDEO.equals(video.candidate().source())) {
            logit += LISTED_BY_RELEASE;
        }
        for (String conflict : e.versionConflicts) {
            logit += conflictWeight(conflict) + (track.isAMix() ? ANOTHER_CUT_OF_A_MIX : 0);
        }
        Set<String> distinctive = track.distinctiveMixWords();
        if (!distinctive.isEmpty()) {
            boolean strongMissing = e.missingMixWords.stream().anyMatch(Vocabulary.STRONG_VERSION::contains);
            logit += strongMissing ? STRONG_VERSION : MISSING_MIX * weight(e.missingMixWords) / weight(distinctive);
        }
        if (e.albumUpload != null) {
            logit += ALBUM_UPLOAD;
        }
        if (e.namesOtherTrack != null) {
            logit += OTHER_TRACK;
        }
        if (e.positionNamed) {
            logit += POSITION;
        }
        if (e.titleIsReleaseTitle) {
            logit += TITLE_IS_RELEASE_TITLE;
        }
        if (e.otherNumber != null) {
            logit += OTHER_NUMBER;
        } else if (track.numbers().stream().anyMatch(video.numbers()::contains)) {
            logit += SAME_NUMBER;
        }
        if (e.otherMedium != null) {
            logit += OTHER_MEDIUM;
        }
        if (!e.unexplainedQualifier.isEmpty()) {
            logit += UNEXPLAINED_QUALIFIER;
        }
        e.logit = logit;
        return e;
    }

    static void disputeLength(Evidence e, int plainSeconds) {
        e.lengthDisputedBy = plainSeconds;
        e.logit += LENGTH_DISPUTED;
    }

    /** The share of the track's title (best of its alternatives) that the candidate's title spells. */
    static double titleSimilarity(TrackProfile track, VideoProfile video) {
        double best = 0;
        for (List<String> title : track.titles()) {
            double total = 0;
            double found = 0;
            for (String w : title) {
                double weight = weight(w);
                total += weight;
                found += weight * video.match(w);
            }
            best = Math.max(best, total == 0 ? 0 : found / total);
        }
        return best;
    }

    /** The best share of one credited name (the release's or the track's) found in the title or channel. */
    static double artistSimilarity(ReleaseProfile release, TrackProfile track, VideoProfile video) {
        double best = 0;
        for (List<List<String>> names : List.of(release.artists(), track.artists())) {
            for (List<String> name : names) {
                double total = 0;
                double found = 0;
                for (String w : name) {
                    total += weight(w);
                    found += weight(w) * Math.max(video.match(w), video.channelWords().contains(w) ? 1 : 0);
                }
                best = Math.max(best, total == 0 ? 0 : found / total);
            }
        }
        return best;
    }

    /** The share of the candidate's title that an editor can account for; the rest goes to the parts. */
    static double explained(ReleaseProfile release, TrackProfile track, VideoProfile video, Evidence e) {
        double total = 0;
        double unexplained = 0;
        List<String> words = video.words();
        boolean pairedWithPrevious = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            double weight = weight(w);
            total += weight;
            // two words run together ("Th' Attaboy") may spell one of the track's; a word beside a number is no code
            boolean paired = i + 1 < words.size() && accountedFor(release, track, video.pairs().get(i), false);
            if (!paired && !pairedWithPrevious && !video.featuredWords().contains(w)
                    && !accountedFor(release, track, w, true)) {
                unexplained += weight;
                e.unexplainedWords.add(w);
                if (video.qualifierWords().contains(w)) {
                    e.unexplainedQualifier.add(w);
                }
            }
            pairedWithPrevious = paired;
        }
        return total == 0 ? 0 : 1 - unexplained / total;
    }

    private static boolean accountedFor(ReleaseProfile release, TrackProfile track, String w, boolean asCode) {
        if (track.ownWords().contains(w) || release.titleWordSet().contains(w) || Vocabulary.NOISE.contains(w)
                || Vocabulary.STOP.contains(w) || TrackProfile.namesAVersion(w) || asCode && isNumberOrCode(w)
                || sameNumber(track, w) || track.acronyms().containsKey(w) || release.artistAcronyms().containsKey(w)) {
            return true;
        }
        for (String own : track.ownWords()) {
            if (Spelling.near(own, w) || (w.length() >= 4 && own.length() > w.length() && own.contains(w))) {
                return true;
            }
        }
        if (release.artistWords().contains(w)) {
            return true;
        }
        for (String a : release.artistWords()) {
            if (Spelling.near(a, w)) {
                return true;
            }
        }
        return false;
    }

    private static void versions(ReleaseProfile release, TrackProfile track, VideoProfile video, Evidence e) {
        boolean otherMixNamed = false;
        boolean trackIsAMix = track.isAMix();
        Set<String> cutsNamed = new java.util.TreeSet<>();
        for (String w : video.words()) {
            if (track.ownWords().contains(w) || release.titleWordSet().contains(w)
                    || release.artistWords().contains(w) || (trackIsAMix && Vocabulary.GENERIC_MIX.contains(w))) {
                continue;
            }
            if (Vocabulary.STRONG_VERSION.contains(w) && !(release.live() && isLiveWord(w))) {
                e.versionConflicts.add(w);
            } else if (Vocabulary.NOT_MUSIC.contains(w)) {
                e.versionConflicts.add(w);
            } else if (Vocabulary.MEDIUM_VERSION.contains(w)) {
                e.versionConflicts.add(w);
            } else if (Vocabulary.GENERIC_MIX.contains(w) && !w.equals("original") && !w.equals("version")) {
                otherMixNamed = true;
            }
        }
        String datedMix = datedMix(release, track, video);
        if (datedMix != null) {
            e.versionConflicts.add(DATED_MIX + datedMix);
        }
        for (List<String> spellings : List.of(video.words(), video.pairs())) {
            // "Rerecorded", or in two words: "Re-recorded 1991", "(New Version)"
            for (String w : spellings) {
                if (Vocabulary.RERECORDING.contains(w) && !track.ownWords().contains(w)) {
                    e.versionConflicts.add(w);
                }
            }
        }
        for (String w : video.words()) {
            if (Vocabulary.NAMED_CUT.contains(w) && !track.ownWords().contains(w)) {
                cutsNamed.add(w);
            }
        }
        String date = performanceDate(track, video);
        if (date != null && !release.live()) {
            e.versionConflicts.add(PERFORMANCE_DATE + date);
        }
        Set<String> spelledByInitials = new java.util.HashSet<>();
        for (String w : video.words()) {
            List<String> name = track.acronyms().get(w);
            if (name != null) {
                spelledByInitials.addAll(name);
            }
        }
        for (String w : track.distinctiveMixWords()) {
            if (!namesMixWord(release, video, w) && !spelledByInitials.contains(w)) {
                e.missingMixWords.add(w);
            }
        }
        Set<String> distinctive = track.distinctiveMixWords();
        boolean ownMixNamed = !distinctive.isEmpty() && weight(e.missingMixWords) < 0.5 * weight(distinctive);
        if ((otherMixNamed || trackIsAMix) && !ownMixNamed && !e.unexplainedWords.isEmpty()) {
            e.versionConflicts.add("other mix: " + String.join(" ", e.unexplainedWords));
        } else if (!cutsNamed.isEmpty() && track.namesADefaultCut()) {
            // "(Club Mix)" where the track is "(Album Version)": both name their cut, and not the same one
            e.versionConflicts.add("other mix: " + String.join(" ", cutsNamed));
        } else {
            Set<String> otherCut = otherCutNamed(release, track, video);
            if (!otherCut.isEmpty()) {
                e.versionConflicts.add("other mix: " + String.join(" ", otherCut));
            }
        }
        e.albumUpload = video.albumPhrase();
    }

    /**
     * The candidate names the track's mix word. A mix credited to the release's own artist ("(Original Cleptomaniacs
     * Mix)") is named only inside the candidate's brackets where it has any: "Cleptomaniacs - All I Do (Ghost Mix)"
     * credits the artist, not the mix.
     */
    private static boolean namesMixWord(ReleaseProfile release, VideoProfile video, String w) {
        if (release.artistWords().contains(w) && !video.bracketWords().isEmpty()) {
            return video.bracketWords().contains(w);
        }
        return video.match(w) > 0;
    }

    /**
     * "(UK 12 Mix)" or "(Main Mix)" where the track is the "(Vocal Mix)" or the "(Dub Mix)": the candidate names its
     * mix by words that are not the track's, and lacks the word that says which cut the track is. Returns the
     * candidate's words for its mix (those right before "mix" or "remix"), or none.
     */
    private static Set<String> otherCutNamed(ReleaseProfile release, TrackProfile track, VideoProfile video) {
        List<String> trackCut = track.mixWords().stream()
                .filter(w -> Vocabulary.NAMED_CUT.contains(w) || Vocabulary.MEDIUM_VERSION.contains(w)).toList();
        if (trackCut.isEmpty() || trackCut.stream().anyMatch(w -> video.match(w) > 0)) {
            return Set.of();
        }
        Set<String> named = new java.util.TreeSet<>();
        List<String> words = video.words();
        for (int i = 1; i < words.size(); i++) {
            String before = words.get(i - 1);
            if ((words.get(i).equals("mix") || words.get(i).equals("remix")) && !track.ownWords().contains(before)
                    && !release.titleWordSet().contains(before) && !release.artistWords().contains(before)
                    && !Vocabulary.STOP.contains(before)
                    && (!Vocabulary.GENERIC_MIX.contains(before) || Vocabulary.NAMED_CUT.contains(before))) {
                named.add(before);
            }
        }
        return named;
    }

    private static void duration(ReleaseProfile release, TrackProfile track, VideoProfile video, Evidence e) {
        Integer v = video.durationSeconds();
        Integer t = track.duration();
        if (v == null) {
            return;
        }
        if (t != null) {
            int delta = Math.abs(v - t);
            e.durationDelta = delta;
            if (video.musicVideo() && t - v > MUSIC_VIDEO_EDIT_SECONDS) {
                // a music video well shorter than the record is its video edit, not the record's cut
                e.versionConflicts.add(VIDEO_EDIT + (t - v) + " s shorter");
            }
            if (video.musicVideo() && v > t) {
                // a music video runs longer than the record: an intro, a scene, the credits
                delta = (int) Math.max(0, delta - Math.max(MUSIC_VIDEO_EXTRA_SECONDS, MUSIC_VIDEO_EXTRA_SHARE * t));
            }
            double relative = delta / (double) t;
            double scaled = delta / Math.max(1.0, t / 300.0);
            if (scaled <= 3) {
                e.durationWeight = 2.5;
            } else if (scaled <= 8) {
                e.durationWeight = 1.8;
            } else if (scaled <= 15) {
                e.durationWeight = 1.0;
            } else if (scaled <= 30) {
                e.durationWeight = 0.2;
            } else {
                e.durationWeight = -1.0 - Math.min(3.0, (scaled - 30) / 15.0) - (relative > 0.2 ? 1.5 : 0)
                        - (relative > 0.5 ? 1.5 : 0);
            }
        } else if (v > 15 * 60 && release.tracks().size() >= 3) {
            e.durationWeight = TOO_LONG_UNTIMED;
        }
        Integer total = release.totalSeconds();
        if (total != null && release.tracks().size() >= 3 && v >= 0.75 * total
                && (t == null || t < 0.5 * total) && e.albumUpload == null) {
            e.albumUpload = "as long as the release";
        }
        if (t == null && v > 10 * 60 && release.tracks().size() >= 3 && isReleaseTitle(release, track)) {
            e.titleIsReleaseTitle = true;
        }
    }

    /** A second track of the release named in the title, beyond this one's: the upload is of both, or of neither. */
    private static void otherTracks(ReleaseProfile release, TrackProfile track, VideoProfile video, Evidence e) {
        Set<String> rest = new java.util.HashSet<>(video.wordSet());
        rest.removeAll(track.ownWords());
        rest.removeAll(release.artistWords());
        if (rest.isEmpty()) {
            return;
        }
        for (TrackProfile other : release.tracks()) {
            if (other == track || other.identity().equals(track.identity()) || isReleaseTitle(release, other)) {
                continue;
            }
            for (int i = 0; i < other.titles().size(); i++) {
                List<String> title = other.titles().get(i);
                if (!rest.contains(title.get(0)) && !rest.contains(title.get(title.size() - 1))
                        || !video.spaced().contains(other.titlePhrases().get(i))) {
                    continue;
                }
                double content = 0;
                boolean all = true;
                for (String w : title) {
                    if (Vocabulary.STOP.contains(w) || track.ownWords().contains(w)) {
                        continue;
                    }
                    content += w.length();
                    if (!rest.contains(w)) {
                        all = false;
                        break;
                    }
                }
                if (all && content >= 4) {
                    e.namesOtherTrack = other.track().position() + " " + other.track().title();
                    return;
                }
            }
        }
    }

    /**
     * A split release (each side its own artist): a candidate that names the artist of another track, a name no
     * credit or title of this one carries, holds that track too ("Judy Mowatt Black WomanJoy Tulloch", words run
     * together as uploads often do). A name just before a mix word credits the remixer, not a track.
     */
    private static void otherTracksArtist(TrackProfile track, ReleaseProfile release, VideoProfile video, Evidence e) {
        if (e.namesOtherTrack != null || track.artists().isEmpty()) {
            return;
        }
        Set<String> ownWords = new java.util.HashSet<>(track.ownWords());
        ownWords.addAll(release.titleWordSet());
        track.artists().forEach(ownWords::addAll);
        String glued = video.joined();
        for (TrackProfile other : release.tracks()) {
            if (other == track) {
                continue;
            }
            for (List<String> name : other.artists()) {
                String nameGlued = String.join("", name);
                int at = glued.indexOf(nameGlued);
                if (track.artists().contains(name) || nameGlued.length() < 6 || at < 0 || ownWords.containsAll(name)
                        || remixerCredit(glued.substring(at + nameGlued.length()))) {
                    continue;
                }
                e.namesOtherTrack = other.track().position() + " " + other.track().title() + " (its artist, "
                        + String.join(" ", name) + ")";
                return;
            }
        }
    }

    /** "… Ayane Fukumi Remix", "(Global Communication Space Jazz Mix)": the words after a name say it mixed. */
    private static boolean remixerCredit(String gluedAfterName) {
        String next = gluedAfterName.substring(0, Math.min(gluedAfterName.length(), 20));
        return MIX_CREDIT_WORDS.stream().anyMatch(next::contains);
    }

    private static final List<String> MIX_CREDIT_WORDS = List.of("mix", "edit", "rework", "dub", "version");

    /**
     * The track's title numbers it ("Pattern 4", "Dub 2", "Pt. II") and the candidate names a different small
     * number and not the track's: another part of the same title.
     */
    private static void otherNumber(ReleaseProfile release, TrackProfile track, VideoProfile video, Evidence e) {
        if (track.numbers().isEmpty() || video.numbers().isEmpty()) {
            return;
        }
        for (String n : track.numbers()) {
            if (video.numbers().contains(n)) {
                return;
            }
        }
        for (String w : video.words()) {
            String n = Vocabulary.smallNumber(w);
            if (n != null && !release.artistWords().contains(w)) {
                e.otherNumber = w;
                return;
            }
        }
    }

    /**
     * A release with a song both as audio and as its music video (CD + DVD): an upload of the music video is the
     * video track, an "official audio" upload the audio one.
     */
    private static void medium(ReleaseProfile release, TrackProfile track, VideoProfile video, Evidence e) {
        if (video.musicVideo() && !track.video() && release.songsWithVideo().contains(track.song())) {
            e.otherMedium = "a music video; the release has this song's video";
        } else if (video.audioOnly() && track.video()) {
            e.otherMedium = "audio only; the track is a video";
        }
    }

    private static void position(TrackProfile track, VideoProfile video, Evidence e) {
        List<String> words = video.words();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("track") && words.get(i + 1).equals(Integer.toString(track.ordinal()))) {
                e.positionNamed = true;
                return;
            }
        }
    }

    private static boolean isReleaseTitle(ReleaseProfile release, TrackProfile track) {
        for (List<String> title : track.titles()) {
            if (title.equals(release.titleWords())) {
                return true;
            }
        }
        return false;
    }

    /** "one" where the track says "1", "II" where it says "2". */
    private static boolean sameNumber(TrackProfile track, String w) {
        String n = Vocabulary.smallNumber(w);
        return n != null && track.numbers().contains(n);
    }

    private static final String PERFORMANCE_DATE = "performance date: ";
    private static final String DATED_MIX = "dated mix: ";
    private static final String VIDEO_EDIT = "music video edit: ";

    /**
     * "(2019 Mix)", "1992 Remix": a mix named by its year, which the track does not name and the release was not
     * made in, is a later (or earlier) mix of the recording, not the release's. A remaster is the same mix.
     */
    static String datedMix(ReleaseProfile release, TrackProfile track, VideoProfile video) {
        for (String year : video.datedMixes()) {
            if (!track.ownWords().contains(year) && !year.equals(String.valueOf(release.release().year()))) {
                return year + " mix";
            }
        }
        return null;
    }

    /**
     * A day, month and year in a row ("28 6 09", "1-3-2011") that the track's title does not have: the upload
     * is dated like a recorded show, not like a record.
     */
    static String performanceDate(TrackProfile track, VideoProfile video) {
        List<String> words = video.words();
        for (int i = 0; i + 2 < words.size(); i++) {
            String a = words.get(i);
            String b = words.get(i + 1);
            String y = words.get(i + 2);
            if (!isSmallInt(a) || !isSmallInt(b) || !(y.length() == 2 || y.length() == 4 && (y.startsWith("19")
                    || y.startsWith("20"))) || !y.chars().allMatch(Character::isDigit)) {
                continue;
            }
            int d = Integer.parseInt(a);
            int m = Integer.parseInt(b);
            boolean date = (d >= 1 && d <= 31 && m >= 1 && m <= 12) || (d >= 1 && d <= 12 && m >= 1 && m <= 31);
            if (date && !(track.ownWords().contains(a) && track.ownWords().contains(b) && track.ownWords().contains(y))) {
                return a + " " + b + " " + y;
            }
        }
        return null;
    }

    private static boolean isSmallInt(String w) {
        return !w.isEmpty() && w.length() <= 2 && w.chars().allMatch(Character::isDigit);
    }

    private static boolean isLiveWord(String w) {
        return w.equals("live") || w.equals("concert");
    }

    private static double conflictWeight(String conflict) {
        if (Vocabulary.PERFORMANCE.contains(conflict) || Vocabulary.RERECORDING.contains(conflict)
                || conflict.startsWith(PERFORMANCE_DATE)) {
            return PERFORMANCE;
        }
        if (Vocabulary.STRONG_VERSION.contains(conflict)) {
            return STRONG_VERSION;
        }
        if (Vocabulary.NOT_MUSIC.contains(conflict)) {
            return NOT_MUSIC;
        }
        if (Vocabulary.MEDIUM_VERSION.contains(conflict) || conflict.startsWith(DATED_MIX)
                || conflict.startsWith(VIDEO_EDIT)) {
            return MEDIUM_VERSION;
        }
        return OTHER_MIX;
    }

    private static boolean isNumberOrCode(String w) {
        boolean digit = false;
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                digit = true;
                break;
            }
        }
        return digit && (w.length() <= 3 || Vocabulary.isYear(w) || !w.chars().allMatch(Character::isDigit));
    }

    /** Small words count little; numbers tell "Part 1" from "Part 2", so they count much. */
    static double weight(String w) {
        if (Vocabulary.STOP.contains(w)) {
            return 0.25;
        }
        if (w.chars().allMatch(Character::isDigit) || Vocabulary.ROMAN.contains(w)) {
            return 2.0;
        }
        return 1.0 + Math.min(w.length(), 10) / 10.0;
    }

    static double weight(Iterable<String> words) {
        double total = 0;
        for (String w : words) {
            total += weight(w);
        }
        return total;
    }
}
