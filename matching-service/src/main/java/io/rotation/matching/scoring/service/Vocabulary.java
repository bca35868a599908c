package io.rotation.matching.scoring.service;

import java.util.List;
import java.util.Set;

/** The words an editor reads in a title besides the song's own: versions, uploads' noise, albums. */
final class Vocabulary {

    /** Another recording of the song, said in two words run together ("Re-recorded", "(New Version)"). */
    static final Set<String> RERECORDING = Set.of("rerecorded", "rerecording", "newversion", "newrecording");
    /** A different recording or arrangement than the studio track: an editor refuses it unless the track says so. */
    static final Set<String> STRONG_VERSION = Set.of("live", "demo", "instrumental", "karaoke", "cover", "acapella",
            "acappella", "acoustic", "unplugged", "rehearsal", "bootleg", "nightcore", "reprise", "mashup",
            "slowed", "reverb", "8d", "piano", "orchestral", "symphonic", "concert", "koncert", "konzert",
            "concierto", "tv");
    /** Versions that are a performance rather than the record, or someone else's: another recording. */
    static final Set<String> PERFORMANCE = Set.of("live", "concert", "koncert", "konzert", "concierto", "tv",
            "unplugged", "rehearsal", "bootleg", "cover", "karaoke");
    /** Mix words that name which cut ("Club Mix", "Vocal Mix"), unlike "Mix" or "Version" alone. */
    static final Set<String> NAMED_CUT = Set.of("club", "vocal", "vox", "main");
    /** Another cut of the same recording: right only when the track is that cut. */
    static final Set<String> MEDIUM_VERSION = Set.of("dub", "edit", "extended", "radio", "remix", "rmx", "reedit",
            "rework", "dubbed", "megamix");
    /** Words that name a mix without saying which; they agree with each other ("Tidal Remix" = "Tidal Mix"). */
    static final Set<String> GENERIC_MIX = Set.of("mix", "remix", "rmx", "version", "vocal", "vox", "original",
            "main", "club");
    /** Words of the cut an upload is by default ("Album Version"): a plain upload does not lack them. */
    static final Set<String> DEFAULT_CUT = Set.of("album", "lp", "single", "version", "stereo", "mono", "remastered",
            "remaster", "7", "12", "45");
    /** Roman numerals, which number parts like digits do ("Pt. II"). */
    static final Set<String> ROMAN = Set.of("ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii");
    /** Not the music at all. */
    static final Set<String> NOT_MUSIC = Set.of("review", "trailer", "teaser", "unboxing", "documentary",
            "interview", "reaction", "tutorial", "lesson", "making", "infomercial", "informercial", "commercial",
            "sampler", "snippet", "preview", "excerpt", "medley");
    /** Phrases that say the upload is more than one track. */
    static final List<String> ALBUM_PHRASES = List.of("full album", "complete album", "whole album", "full lp",
            "full ep", "full mix", "full concert", "full cd", "album completo", "disco completo", "full length",
            "side a", "side b", "side 1", "side 2", "lp side", "a side", "b side", "continuous mix", "dj mix",
            "full soundtrack", "all tracks", "tracklist");
    /** Words uploads add that say nothing about which track it is. */
    static final Set<String> NOISE = Set.of("official", "video", "audio", "music", "musicvideo", "mv", "hd", "hq",
            "lyrics", "lyric", "remastered", "remaster", "remasterd", "1080p", "720p", "480p", "4k", "album", "ep",
            "lp", "single", "vinyl", "rip", "vinylrip", "record", "records", "clip", "promo", "topic", "presents",
            "pres", "vs", "feat", "ft", "featuring", "free", "download", "release", "premiere", "new", "from", "by",
            "with", "w", "and", "stereo", "mono", "mp3", "mp4", "wmv", "flac", "wav", "youtube", "visualizer",
            "visualiser", "full", "quality", "high", "version", "original", "mix", "ost", "subtitulado", "letra",
            "legendado", "traducida", "sub", "espanol", "english", "cd", "dvd", "disc", "track", "tracks", "side",
            "bpm", "classic", "oldies", "songs", "song", "the", "year", "best", "hits", "bonus", "1st", "pressing",
            "edition", "deluxe", "ltd", "special", "anniversary", "uk", "us", "usa", "jp", "japan", "de", "db",
            "kbps", "320", "192", "reissue", "mixed", "unreleased", "previously", "studio", "title", "titles");
    /** Small words that carry little when one title is compared with another. */
    static final Set<String> STOP = Set.of("the", "a", "an", "and", "of", "in", "on", "to", "at", "for", "de", "la",
            "le", "el", "les", "los", "der", "die", "das", "den", "i", "you", "me", "my", "is", "it", "be", "we",
            "o", "y", "et", "und", "il", "di", "da", "du");
    /** Release titles that make every track a live one. */
    static final Set<String> LIVE_RELEASE = Set.of("live", "alive", "concert", "unplugged", "koncert", "konzert",
            "concierto", "vivo");

    /** A year of recorded music, 1900–2099 ("2019 Mix", "(Spielbude 1984)"). */
    static boolean isYear(String w) {
        return w.length() == 4 && (w.startsWith("19") || w.startsWith("20")) && Character.isDigit(w.charAt(2))
                && Character.isDigit(w.charAt(3));
    }

    /** Numbers written as words: "Dub One" is "Dub 1". */
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve");
    private static final List<String> ROMAN_NUMERALS = List.of("", "", "ii", "iii", "iv", "v", "vi", "vii", "viii",
            "ix", "x", "xi", "xii");
    /** Phrases that say an upload is the song's music video (which may run longer than the record). */
    static final List<String> MUSIC_VIDEO_PHRASES = List.of("music video", "official video", "video clip",
            "videoclip", "video oficial", "clip officiel", "offizielles video", "mv", "pv");

    private Vocabulary() {
    }

    /**
     * A small number (0–99) the word writes, in digits without leading zeros: "02" → "2", "two" → "2",
     * "ii" → "2"; null for any other word (years, catalogue numbers, "808"). "v" and "x" count only as digits' roman
     * forms when they stand alone in a part number, so they are left out ("v" is also "versus").
     */
    static String smallNumber(String w) {
        if (w.isEmpty()) {
            return null;
        }
        if (w.chars().allMatch(Character::isDigit)) {
            String n = w.replaceFirst("^0+(?=\\d)", "");
            return n.length() <= 2 ? n : null;
        }
        int i = NUMBER_WORDS.indexOf(w);
        if (i >= 0) {
            return Integer.toString(i);
        }
        i = ROMAN_NUMERALS.indexOf(w);
        return i >= 2 && !w.equals("v") && !w.equals("x") ? Integer.toString(i) : null;
    }
}
