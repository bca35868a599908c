package io.rotation.matching.scoring.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds titles and names to the form an editor compares: Unicode compatibility forms (NFKC: full-width
 * letters, mathematical alphabets, ligatures), case, accents and letters that an ASCII keyboard spells
 * otherwise (ß, æ, ø…), "&" as "and", apostrophes dropped ("Leb'n" = "Lebn"), any other punctuation a
 * word break, and a break where the script changes ("恋のPOPSICLE" is two words). Cyrillic and Greek are
 * spelled in Latin letters (a simple romanisation, as uploads of the same song write it: "Кофе" = "kofe").
 */
public final class TextNormalizer {

    /** A position written before a title: "A1 - ", "1. ", "01) ", "B2: ", "CD1-3 - ". */
    private static final Pattern POSITION_PREFIX = Pattern.compile(
            "^\\s*(?:(?:cd|dvd|lp|disc|side)?\\s*\\d{0,2}[-.]?)?(?:[a-z]{1,2}\\d{1,2}[a-z]?|\\d{1,2}|[a-z])\\s*[.):\\-–—]\\s+",
            Pattern.CASE_INSENSITIVE);
    /** "feat. X", "ft. X", "featuring X" up to the next bracket or " - ". */
    private static final Pattern FEATURING = Pattern.compile(
            "(?i)(?<=^|[\\s(\\[{])(?:feat\\.?|ft\\.?|featuring)\\s[^()\\[\\]{}]*?(?=\\s[-–—~|/]\\s|[()\\[\\]{}]|$)");
    private static final Pattern BRACKETED = Pattern.compile("\\(([^()]*)\\)|\\[([^\\[\\]]*)]|\\{([^{}]*)}|【([^【】]*)】");

    private TextNormalizer() {
    }

    /** The folded form: lower-case words of letters and digits separated by single spaces. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        boolean ascii = isAscii(text);
        String s = ascii ? text.toLowerCase(Locale.ROOT)
                : Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT),
                        Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        int previousScript = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.FORMAT) {
                continue;
            }
            String folded = fold(cp);
            if (folded != null) {
                if (folded.equals("and")) {
                    space(out);
                    out.append("and");
                    previousScript = space(out);
                } else if (!folded.isEmpty()) {
                    previousScript = appendWord(out, folded, previousScript, scriptGroup('a'));
                }
            } else if (Character.isLetterOrDigit(cp) || type == Character.COMBINING_SPACING_MARK) {
                int script = Character.isDigit(cp) ? previousScript : scriptGroup(cp);
                previousScript = appendWord(out, new String(Character.toChars(Character.toLowerCase(cp))),
                        previousScript, script);
            } else if (!isApostrophe(cp)) {
                previousScript = space(out);
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        String normal = out.substring(0, end);
        return ascii ? normal : Normalizer.normalize(normal, Normalizer.Form.NFC);
    }

    /** NFKC, skipped for plain ASCII (most titles), which it leaves as it is. */
    static String compatible(String text) {
        return text == null ? "" : isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The words of {@link #normalize}. */
    public static List<String> words(String text) {
        String n = normalize(text);
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    /** The title without a leading position ("A1 - Title", "1. Title"), unless nothing would be left. */
    public static String withoutPositionPrefix(String title) {
        if (title == null) {
            return "";
        }
        Matcher m = POSITION_PREFIX.matcher(title);
        if (m.find() && m.end() < title.length()) {
            return title.substring(m.end());
        }
        return title;
    }

    /** The title without "feat. X" credits. */
    public static String withoutFeaturing(String title) {
        return title == null ? "" : FEATURING.matcher(title).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    /** The bracketed parts of a title ("(Dub Mix)", "[Label, 1999]"), innermost first, without brackets. */
    public static List<String> bracketedParts(String title) {
        List<String> parts = new ArrayList<>();
        String s = compatible(title);
        for (int round = 0; round < 3; round++) {
            Matcher m = BRACKETED.matcher(s);
            boolean found = false;
            StringBuilder rest = new StringBuilder();
            while (m.find()) {
                found = true;
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        parts.add(m.group(g));
                    }
                }
                m.appendReplacement(rest, " ");
            }
            m.appendTail(rest);
            s = rest.toString();
            if (!found) {
                break;
            }
        }
        return parts;
    }

    /** The title with its bracketed parts removed (NFKC applied, so full-width brackets count). */
    public static String withoutBrackets(String title) {
        String s = compatible(title);
        String previous;
        do {
            previous = s;
            s = BRACKETED.matcher(s).replaceAll(" ");
        } while (!s.equals(previous));
        return s.strip();
    }

    private static int appendWord(StringBuilder out, String chars, int previousScript, int script) {
        if (previousScript != -1 && script != previousScript && out.length() > 0
                && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        out.append(chars);
        return script;
    }

    private static int space(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        return -1;
    }

    /** Han, Hiragana and Katakana are written together; every other script is its own group. */
    private static int scriptGroup(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA -> Character.UnicodeScript.HAN.ordinal();
            case COMMON, INHERITED -> Character.UnicodeScript.LATIN.ordinal();
            default -> script.ordinal();
        };
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '’' || cp == '‘' || cp == '`' || cp == '´' || cp == 'ʼ' || cp == 'ʻ';
    }

    /** Letters spelled otherwise on an ASCII keyboard, and "&" said as "and"; null = no folding. */
    private static String fold(int cp) {
        return switch (cp) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ø' -> "o";
            case 'ł' -> "l";
            case 'đ', 'ð' -> "d";
            case 'þ' -> "th";
            case 'ı' -> "i";
            case '&' -> "and";
            default -> romanised(cp);
        };
    }

    private static final String[] CYRILLIC = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n",
            "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
    private static final String[] GREEK = {"a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o",
            "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o"};

    /**
     * A lower-case Cyrillic or Greek letter in Latin letters (after NFD, so "й" and "ё" arrive without their
     * marks); null for any other character.
     */
    private static String romanised(int cp) {
        if (cp >= 'а' && cp <= 'я') {
            return CYRILLIC[cp - 'а'];
        }
        if (cp >= 'α' && cp <= 'ω') {
            return GREEK[cp - 'α'];
        }
        return switch (cp) {
            case 'і' -> "i";
            case 'є' -> "ye";
            case 'ґ' -> "g";
            case 'ј' -> "j";
            case 'љ' -> "lj";
            case 'њ' -> "nj";
            case 'ћ' -> "c";
            case 'ђ' -> "dj";
            case 'џ' -> "dz";
            case 'ў' -> "u";
            default -> null;
        };
    }
}
