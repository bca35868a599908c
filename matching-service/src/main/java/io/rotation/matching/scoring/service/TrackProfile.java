package io.rotation.matching.scoring.service;

import io.rotation.matching.scoring.model.TrackInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A track as an editor reads it: the song's title (and its alternatives, "Cuando Ella Viene = When She
 * Comes"), the mix or version in brackets ("(Jay's Afrotronic Vocal)"), its own credits and duration.
 */
record TrackProfile(TrackInfo track, int ordinal, List<List<String>> titles, List<String> titlePhrases,
                    Set<String> mixWords, Set<String> distinctiveMixWords, Set<String> ownWords,
                    Set<String> versionWords, List<List<String>> artists, String media, String identity,
                    Set<String> numbers, Map<String, List<String>> acronyms, boolean video) {

    private static final Pattern MEDIA = Pattern.compile("^([A-Za-z]{2,}|[A-Za-z]*\\d+(?=[-.]))");
    private static final Pattern ALTERNATIVES = Pattern.compile("\\s+=\\s+");

    static TrackProfile of(TrackInfo track, int ordinal) {
        String title = TextNormalizer.withoutPositionPrefix(track.title() == null ? "" : track.title());
        List<List<String>> titles = new ArrayList<>();
        for (String alternative : ALTERNATIVES.split(title)) {
            List<String> core = TextNormalizer.words(
                    TextNormalizer.withoutFeaturing(TextNormalizer.withoutBrackets(alternative)));
            if (core.isEmpty()) {
                core = TextNormalizer.words(alternative);
            }
            if (!core.isEmpty()) {
                titles.add(core);
            }
        }
        Set<String> mixWords = new LinkedHashSet<>();
        for (String part : TextNormalizer.bracketedParts(title)) {
            List<String> words = TextNormalizer.words(part);
            if (!words.isEmpty() && !isFeaturing(words) && words.stream().anyMatch(TrackProfile::namesAVersion)) {
                mixWords.addAll(words);
            }
        }
        Set<String> own = new HashSet<>(TextNormalizer.words(title));
        titles.forEach(own::addAll);
        own.addAll(mixWords);
        Set<String> versions = new HashSet<>();
        for (String w : own) {
            if (namesAVersion(w)) {
                versions.add(w);
            }
        }
        List<List<String>> artists = new ArrayList<>();
        for (String a : track.artists() == null ? List.<String>of() : track.artists()) {
            List<String> words = TextNormalizer.words(ReleaseProfile.withoutDiscogsNumber(a));
            if (!words.isEmpty()) {
                artists.add(words);
            }
        }
        String position = track.position() == null ? "" : track.position().strip();
        var media = MEDIA.matcher(position);
        String mediaKey = media.find() ? media.group(1).toLowerCase(Locale.ROOT) : "side";
        String identity = String.join(" ", TextNormalizer.words(title));
        List<String> phrases = titles.stream().map(t -> " " + String.join(" ", t) + " ").toList();
        Set<String> numbers = new HashSet<>();
        for (String w : own) {
            String n = Vocabulary.smallNumber(w);
            if (n != null) {
                numbers.add(n);
            }
        }
        List<List<String>> named = new ArrayList<>(artists);
        for (String part : TextNormalizer.bracketedParts(title)) {
            named.add(TextNormalizer.words(part));
        }
        Set<String> allWords = new HashSet<>(TextNormalizer.words(title));
        boolean video = VIDEO_MEDIA.contains(mediaKey) || allWords.contains("mv") || allWords.contains("pv")
                || (allWords.contains("video") && (allWords.contains("music") || allWords.contains("clip")));
        return new TrackProfile(track, ordinal, titles, phrases, mixWords, distinctive(mixWords, titles), own,
                versions, artists, mediaKey, identity, numbers, acronyms(named), video);
    }

    /** Media that carry pictures: their tracks are music videos, not the record's audio. */
    private static final Set<String> VIDEO_MEDIA = Set.of("dvd", "bd", "bluray", "blu", "vhs", "vcd");

    /**
     * The initials of every run of two to five words of a name ("Masters At Work" → "maw", "mat", "aw"…), kept
     * when they are three letters or more: uploads credit a remixer or an act by its acronym ("MAW Vocal Remix").
     */
    static Map<String, List<String>> acronyms(List<List<String>> names) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (List<String> name : names) {
            for (int from = 0; from < name.size(); from++) {
                StringBuilder initials = new StringBuilder();
                for (int to = from; to < name.size() && to - from < 5; to++) {
                    String w = name.get(to);
                    if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
                        break;
                    }
                    initials.append(w.charAt(0));
                    if (to > from && initials.length() >= 3) {
                        out.putIfAbsent(initials.toString(), List.copyOf(name.subList(from, to + 1)));
                    }
                }
            }
        }
        return out;
    }

    /** The song's own title without the mix ("So Long! (Music Video)" → "so long"). */
    String song() {
        return String.join(" ", titles.get(0));
    }

    Integer duration() {
        Integer d = track.durationSeconds();
        return d == null || d <= 0 ? null : d;
    }

    /**
     * The words of a bracketed mix or version ("(Jay's Afrotronic Vocal)" → jays, afrotronic) that are
     * not the song's title nor a word every mix shares: what tells this mix from its siblings.
     */
    private static Set<String> distinctive(Set<String> mixWords, List<List<String>> titles) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : mixWords) {
            boolean generic = Vocabulary.STOP.contains(w) || Vocabulary.GENERIC_MIX.contains(w)
                    || Vocabulary.DEFAULT_CUT.contains(w);
            if (!generic && titles.stream().noneMatch(t -> t.contains(w))) {
                out.add(w);
            }
        }
        return out;
    }

    /** The track's title names a version of it ("Original Mix", "Album Version", "Dub"). */
    boolean isAMix() {
        return versionWords.stream().anyMatch(Vocabulary.GENERIC_MIX::contains);
    }

    /** The track names the default cut it is ("Album Version", "Radio Edit"), not a named mix ("Club Mix"). */
    boolean namesADefaultCut() {
        return mixWords.stream().noneMatch(Vocabulary.NAMED_CUT::contains) && mixWords.stream()
                .anyMatch(w -> (Vocabulary.DEFAULT_CUT.contains(w) && !w.equals("version")) || w.equals("radio"));
    }

    static boolean namesAVersion(String w) {
        return Vocabulary.STRONG_VERSION.contains(w) || Vocabulary.MEDIUM_VERSION.contains(w)
                || Vocabulary.GENERIC_MIX.contains(w) || Vocabulary.NOT_MUSIC.contains(w)
                || Vocabulary.RERECORDING.contains(w);
    }

    private static boolean isFeaturing(List<String> words) {
        String first = words.get(0);
        return first.equals("feat") || first.equals("ft") || first.equals("featuring") || first.equals("with");
    }
}
