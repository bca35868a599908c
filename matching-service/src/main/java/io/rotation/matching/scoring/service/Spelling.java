package io.rotation.matching.scoring.service;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** Near spellings of one word: a typo in the tracklist or in the upload ("Mammouth", "Reiceiver"). */
final class Spelling {

    private static final LevenshteinDistance ONE = new LevenshteinDistance(1);
    private static final LevenshteinDistance TWO = new LevenshteinDistance(2);

    private Spelling() {
    }

    /** Words of five letters or more one edit apart (two edits from nine letters on). */
    static boolean near(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 5 || Math.abs(a.length() - b.length()) > 2 || a.charAt(0) != b.charAt(0)) {
            return false;
        }
        LevenshteinDistance distance = shorter >= 9 ? TWO : ONE;
        return distance.apply(a, b) >= 0;
    }
}
