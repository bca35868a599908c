package io.rotation.matching.scoring.service;

import io.rotation.matching.scoring.model.ReleaseContext;
import io.rotation.matching.scoring.model.TrackInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an editor keeps in mind about the whole release while judging one video: its title, its artists,
 * whether it is a live record, its length, and its playable tracks (headings and index tracks are not).
 */
record ReleaseProfile(ReleaseContext release, List<String> titleWords, Set<String> titleWordSet,
                      List<List<String>> artists, Set<String> artistWords, boolean live, boolean variousArtists, Integer totalSeconds,
                      List<TrackProfile> tracks, java.util.Map<String, List<String>> artistAcronyms,
                      Set<String> songsWithVideo) {

    private static final Pattern DISCOGS_NUMBER = Pattern.compile("\\s*\\(\\d+\\)\\s*$");
    private static final Pattern SUB_TRACK_POSITION = Pattern.compile(".*(\\.\\d+|\\d[a-z])$");

    static ReleaseProfile of(ReleaseContext release) {
        List<String> titleWords = TextNormalizer.words(release.title());
        List<List<String>> artists = new ArrayList<>();
        boolean various = false;
        for (String a : release.artists() == null ? List.<String>of() : release.artists()) {
            List<String> words = TextNormalizer.words(withoutDiscogsNumber(a));
            if (words.equals(List.of("various")) || words.equals(List.of("various", "artists"))) {
                various = true;
            } else if (!words.isEmpty()) {
                artists.add(words);
            }
        }
        boolean live = titleWords.stream().anyMatch(Vocabulary.LIVE_RELEASE::contains);
        List<TrackInfo> all = release.tracks() == null ? List.of() : release.tracks();
        List<TrackProfile> tracks = new ArrayList<>();
        int total = 0;
        boolean allTimed = true;
        for (int i = 0; i < all.size(); i++) {
            TrackInfo t = all.get(i);
            if (!playable(all, i)) {
                continue;
            }
            TrackProfile p = TrackProfile.of(t, tracks.size() + 1);
            if (p.titles().isEmpty()) {
                continue;
            }
            tracks.add(p);
            if (p.duration() == null) {
                allTimed = false;
            } else {
                total += p.duration();
            }
        }
        Set<String> artistWords = new HashSet<>();
        for (List<String> name : artists) {
            artistWords.addAll(name);
            artistWords.add(String.join("", name));
        }
        for (TrackProfile t : tracks) {
            for (List<String> name : t.artists()) {
                artistWords.addAll(name);
                artistWords.add(String.join("", name));
            }
        }
        Set<String> titleWordSet = new HashSet<>(titleWords);
        titleWordSet.add(String.join("", titleWords));
        Set<String> songsWithVideo = new HashSet<>();
        for (TrackProfile t : tracks) {
            if (t.video()) {
                songsWithVideo.add(t.song());
            }
        }
        return new ReleaseProfile(release, titleWords, titleWordSet, artists, artistWords, live, various,
                allTimed && total > 0 ? total : null, tracks, TrackProfile.acronyms(artists), songsWithVideo);
    }

    static String withoutDiscogsNumber(String artist) {
        return artist == null ? "" : DISCOGS_NUMBER.matcher(artist).replaceAll("");
    }

    /**
     * Headings ("Side A", "Bonus Tracks") have neither position nor duration; an index track ("Symphony
     * For Shafted Souls" over its movements) has no position and is followed by sub-track positions.
     */
    private static boolean playable(List<TrackInfo> tracks, int i) {
        TrackInfo t = tracks.get(i);
        boolean positioned = t.position() != null && !t.position().isBlank();
        if (positioned) {
            return true;
        }
        if (t.durationSeconds() == null || t.durationSeconds() <= 0) {
            return false;
        }
        if (i + 1 < tracks.size()) {
            String next = tracks.get(i + 1).position();
            return next == null || !SUB_TRACK_POSITION.matcher(next.strip()).matches();
        }
        return true;
    }
}
