package io.rotation.matching.scoring.service;

import io.rotation.matching.scoring.model.Candidate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A candidate's title read once: its words, the same run together, the words in its brackets, those of the
 * brackets that name a version or an occasion ("[Ghost Mix]", "(Spielbude 1984)"), and what it says beyond the song.
 */
record VideoProfile(Candidate candidate, List<String> words, List<String> pairs, Set<String> wordSet, String joined,
                    String spaced, Set<String> bracketWords, Set<String> qualifierWords, List<String> datedMixes,
                    Set<String> featuredWords, List<String> channelWords, String albumPhrase,
                    Integer durationSeconds, Set<String> numbers, boolean musicVideo, boolean audioOnly) {

    static VideoProfile of(Candidate candidate) {
        String title = TextNormalizer.withoutPositionPrefix(candidate.title() == null ? "" : candidate.title());
        List<String> words = TextNormalizer.words(title);
        String spaced = " " + String.join(" ", words) + " ";
        String albumPhrase = null;
        for (String phrase : Vocabulary.ALBUM_PHRASES) {
            if (spaced.contains(" " + phrase + " ")) {
                albumPhrase = phrase;
                break;
            }
        }
        Set<String> featured = new HashSet<>(TextNormalizer.words(title));
        featured.removeAll(TextNormalizer.words(TextNormalizer.withoutFeaturing(title)));
        List<String> channel = new ArrayList<>(TextNormalizer.words(candidate.channelName()));
        channel.remove("topic");
        Integer d = candidate.durationSeconds();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            pairs.add(words.get(i) + words.get(i + 1));
        }
        Set<String> numbers = new HashSet<>();
        for (String w : words) {
            String n = Vocabulary.smallNumber(w);
            if (n != null) {
                numbers.add(n);
            }
        }
        boolean musicVideo = false;
        for (String phrase : Vocabulary.MUSIC_VIDEO_PHRASES) {
            musicVideo |= spaced.contains(" " + phrase + " ");
        }
        Set<String> bracketWords = new HashSet<>();
        Set<String> qualifierWords = new HashSet<>();
        for (String part : TextNormalizer.bracketedParts(title)) {
            List<String> inBracket = TextNormalizer.words(part);
            bracketWords.addAll(inBracket);
            if (inBracket.stream().anyMatch(w -> TrackProfile.namesAVersion(w) || Vocabulary.isYear(w))) {
                qualifierWords.addAll(inBracket);
            }
        }
        List<String> datedMixes = new ArrayList<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            String next = words.get(i + 1);
            if (Vocabulary.isYear(words.get(i)) && (next.equals("mix") || next.equals("remix"))) {
                datedMixes.add(words.get(i));
            }
        }
        boolean audioOnly = !musicVideo && (spaced.contains(" official audio ") || spaced.contains(" audio only "));
        return new VideoProfile(candidate, words, pairs, new HashSet<>(words), String.join("", words), spaced, bracketWords, qualifierWords, datedMixes, featured,
                channel, albumPhrase, d == null || d <= 0 ? null : d, numbers, musicVideo, audioOnly);
    }

    /**
     * True when the title has the word, the same small number written otherwise ("One" = "1", "II" = "2"),
     * or the word run together from several ("Th' Attaboy" = "Th'Attaboy").
     */
    boolean has(String word) {
        if (wordSet.contains(word)) {
            return true;
        }
        String number = Vocabulary.smallNumber(word);
        if (number != null) {
            return numbers.contains(number);
        }
        return word.length() >= 4 && joined.contains(word);
    }

    /** 1 when the title has the word, 0.9 for a near spelling ("Deth" for "Death"), else 0. */
    double match(String word) {
        if (has(word)) {
            return 1;
        }
        if (word.length() >= 5) {
            for (String w : words) {
                if (Spelling.near(word, w)) {
                    return 0.9;
                }
            }
        }
        return 0;
    }
}
