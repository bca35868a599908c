package io.rotation.matching.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TextNormalizerPropertiesTest {

    /** Titles as uploads write them: Latin letters with and without accents, digits, punctuation, spaces. */
    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                .withChars("éèêëáàâäãåíìîïóòôöõúùûüñçýÉÈÁÀÖÜÑÇ")
                .withChars(" -.,:;!?'’()[]&/~\"")
                .ofMaxLength(40);
    }

    @Property
    void isIdempotent(@ForAll("titles") String title) {
        String once = TextNormalizer.normalize(title);
        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property
    void isIdempotentOnAnyUnicode(@ForAll String text) {
        String once = TextNormalizer.normalize(text);
        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property
    void isCaseBlind(@ForAll("titles") String title) {
        assertThat(TextNormalizer.normalize(title.toUpperCase(Locale.ROOT)))
                .isEqualTo(TextNormalizer.normalize(title.toLowerCase(Locale.ROOT)));
    }

    @Property
    void isAccentBlind(@ForAll("titles") String title) {
        String unaccented = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
        assertThat(TextNormalizer.normalize(title)).isEqualTo(TextNormalizer.normalize(unaccented));
    }

    @Property
    void readsFullWidthFormsAsTheirAsciiLetters(@ForAll("titles") String title) {
        StringBuilder fullWidth = new StringBuilder();
        title.chars().forEach(c -> fullWidth.append(c > ' ' && c < 0x7f ? (char) (c - 0x21 + 0xFF01) : (char) c));
        assertThat(TextNormalizer.normalize(fullWidth.toString())).isEqualTo(TextNormalizer.normalize(title));
    }

    @Property
    void treatsPunctuationAsWordBreaks(@ForAll("titles") String title) {
        String words = title.replaceAll("[^\\p{L}\\p{N}'’]+", " ");
        assertThat(TextNormalizer.normalize(title.replaceAll("[^\\p{L}\\p{N}'’]", " - ")))
                .isEqualTo(TextNormalizer.normalize(words));
    }

    @Property
    void leavesOnlyLowerCaseWordsSeparatedBySingleSpaces(@ForAll String text) {
        String normal = TextNormalizer.normalize(text);
        assertThat(normal).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
        assertThat(normal.codePoints().allMatch(c -> c == ' ' || Character.isLetterOrDigit(c)
                || Character.getType(c) == Character.COMBINING_SPACING_MARK)).isTrue();
    }

    @Example
    void foldsWhatAnEditorReadsAsTheSame() {
        assertThat(TextNormalizer.normalize("𝔏𝔬𝔯𝔡 𝔙𝔦𝔠𝔞𝔯")).isEqualTo("lord vicar");
        assertThat(TextNormalizer.normalize("Östermalm")).isEqualTo("ostermalm");
        assertThat(TextNormalizer.normalize("I Laß' Mir Die Kraft")).isEqualTo("i lass mir die kraft");
        assertThat(TextNormalizer.normalize("Music & Wine")).isEqualTo("music and wine");
        assertThat(TextNormalizer.normalize("Th'Attaboy")).isEqualTo(TextNormalizer.normalize("Th’attaboy"));
        assertThat(TextNormalizer.normalize("恋のしあげはPOPSICLE")).isEqualTo("恋のしあけは popsicle");
        assertThat(TextNormalizer.normalize("ＡＫＢ４８")).isEqualTo("akb48");
    }

    @Example
    void stripsPositionPrefixFeaturingAndBrackets() {
        assertThat(TextNormalizer.withoutPositionPrefix("A1 - Sky")).isEqualTo("Sky");
        assertThat(TextNormalizer.withoutPositionPrefix("1. Tobacco Road")).isEqualTo("Tobacco Road");
        assertThat(TextNormalizer.withoutPositionPrefix("CD1-3 - Anna")).isEqualTo("Anna");
        assertThat(TextNormalizer.withoutPositionPrefix("1984")).isEqualTo("1984");
        assertThat(TextNormalizer.withoutPositionPrefix("10, 9, 8")).isEqualTo("10, 9, 8");
        assertThat(TextNormalizer.withoutFeaturing("Blue Six feat. Monique Bingham - Pure"))
                .isEqualTo("Blue Six - Pure");
        assertThat(TextNormalizer.withoutFeaturing("Move On In (ft. O.C. Smith)")).isEqualTo("Move On In ()");
        assertThat(TextNormalizer.withoutBrackets("Pure (Jay's Original Vocal) [1999]")).isEqualTo("Pure");
        assertThat(TextNormalizer.bracketedParts("So Long!（Off Vocal Ver.）")).containsExactly("Off Vocal Ver.");
    }

    @Example
    void spellsCyrillicAndGreekInLatinLetters() {
        assertThat(TextNormalizer.normalize("Группа «Кофе» — Компьютер")).isEqualTo("gruppa kofe kompyuter");
        assertThat(TextNormalizer.normalize("ЁЖИК в тумане")).isEqualTo("ezhik v tumane");
        assertThat(TextNormalizer.normalize("Μίκης Θεοδωράκης")).isEqualTo("mikis theodorakis");
    }
}
