package io.rotation.platform.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.codec.digest.MurmurHash3;

/** The evaluator's hot-path shortcuts answer exactly what the plain definitions answer. */
class FastPathsPropertiesTest {

    @Property(tries = 2000)
    void aBucketIsMurmurOfTheKeyEncodedInUtf8(
            @ForAll @StringLength(max = 40) @CharRange(from = '\u0000', to = '\u0200') @Chars({'€', '😀'})
            String identifier,
                                              @ForAll @StringLength(max = 20) String groupId) {
        byte[] key = (groupId + ':' + identifier).getBytes(StandardCharsets.UTF_8);
        long unsigned = Integer.toUnsignedLong(MurmurHash3.hash32x86(key, 0, key.length, 0));
        assertThat(StickinessHash.bucket(identifier, groupId)).isEqualTo((int) (unsigned % 100) + 1);
        assertThat(StickinessHash.bucket(identifier, StickinessHash.prefix(groupId)))
                .isEqualTo((int) (unsigned % 100) + 1);
    }

    @Property(tries = 5000)
    void aVersionReadWithoutThePatternIsWhatThePatternReads(
            @ForAll @StringLength(max = 24) @Chars({'0', '1', '9', '.', '-', '+', 'a', 'v'}) String text) {
        assertThat(SemanticVersion.parse(text)).isEqualTo(SemanticVersion.parseWithPattern(text));
    }

    @Property(tries = 2000)
    void dottedNumbersReadAlikeLeadingZerosIncluded(
            @ForAll @StringLength(min = 1, max = 3) @Chars({'0', '1', '9'}) String major,
            @ForAll @StringLength(min = 1, max = 3) @Chars({'0', '1', '9'}) String minor,
            @ForAll @StringLength(min = 1, max = 3) @Chars({'0', '1', '9'}) String patch) {
        String text = major + "." + minor + "." + patch;
        assertThat(SemanticVersion.parse(text)).as(text).isEqualTo(SemanticVersion.parseWithPattern(text));
    }

    @Property(tries = 1000)
    void releasesOfAnySizeReadAlike(@ForAll long major, @ForAll long minor, @ForAll long patch) {
        String text = major + "." + minor + "." + patch;
        assertThat(SemanticVersion.parse(text)).isEqualTo(SemanticVersion.parseWithPattern(text));
    }
}
