package vn.lienthong.archive.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class ToneMarkPlacementFilterTests {

    private final Analyzer testee = Tokens.withFilter(ToneMarkPlacementFilter::new);

    @Test
    void movesTheToneOfOaOeUyToTheLastVowel() {
        assertThat(Tokens.of(testee, "hòa thủy ủy khỏe lóa")).containsExactly("hoà", "thuỷ", "uỷ", "khoẻ", "loá");
    }

    @Test
    void makesBothSpellingsTheSameTerm() {
        assertThat(Tokens.of(testee, "hòa")).isEqualTo(Tokens.of(testee, "hoà"));
        assertThat(Tokens.of(testee, "ủy")).isEqualTo(Tokens.of(testee, "uỷ"));
    }

    @Test
    void leavesSyllablesWrittenOneWayAlone() {
        // final consonant, ua/ia diphthongs, qu + y, vowels with a vowel mark, no tone at all
        assertThat(Tokens.of(testee, "hoàng mùa chìa quý ồa hoa thuy a"))
                .containsExactly("hoàng", "mùa", "chìa", "quý", "ồa", "hoa", "thuy", "a");
    }

    @Test
    void producesNothingForEmptyInput() {
        assertThat(Tokens.of(testee, "")).isEmpty();
    }
}
