package io.rotation.platform.flags;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict SemVer 2.0.0 version for the SEMVER_* operators: no leading "v", build metadata ignored
 * in comparisons, pre-releases ordered by their dot-separated identifiers (numeric ones numerically
 * and below alphanumeric ones), a release above its pre-releases.
 */
record SemanticVersion(long major, long minor, long patch, List<String> preRelease) implements Comparable<SemanticVersion> {

    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    /** The version, or null when the text is not a valid semantic version. */
    static SemanticVersion parse(String text) {
        if (text == null) {
            return null;
        }
        SemanticVersion release = plainRelease(text);
        return release != null ? release : parseWithPattern(text);
    }

    /** The full SemVer grammar, by its regular expression. */
    static SemanticVersion parseWithPattern(String text) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return new SemanticVersion(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    m.group(4) == null ? List.of() : List.of(m.group(4).split("\\.")));
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    /**
     * A bare {@code MAJOR.MINOR.PATCH} (what clients mostly send, and the SEMVER_* operators read one
     * per evaluation) without the regular expression; null for anything else, which the pattern decides.
     */
    private static SemanticVersion plainRelease(String text) {
        long[] numbers = new long[3];
        int part = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 18 || digits == 1 && numbers[part] == 0) {
                    return null;
                }
                numbers[part] = numbers[part] * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && part < 2) {
                part++;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 2 && digits > 0 ? new SemanticVersion(numbers[0], numbers[1], numbers[2], List.of()) : null;
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), o.preRelease.size()); i++) {
            c = compareIdentifiers(preRelease.get(i), o.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), o.preRelease.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit);
        boolean bNumeric = b.chars().allMatch(Character::isDigit);
        if (aNumeric && bNumeric) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
