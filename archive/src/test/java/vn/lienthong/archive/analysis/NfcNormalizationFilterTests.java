package vn.lienthong.archive.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class NfcNormalizationFilterTests {

    private final Analyzer testee = Tokens.withFilter(NfcNormalizationFilter::new);

    @Test
    void composesCombiningMarksIntoPrecomposedLetters() {
        String decomposed = Tokens.nfd("Nguyễn Quyết Định");
        assertThat(decomposed).hasSizeGreaterThan("Nguyễn Quyết Định".length());

        assertThat(Tokens.of(testee, decomposed)).containsExactly("Nguyễn", "Quyết", "Định");
    }

    @Test
    void leavesComposedAndPlainTokensUntouched() {
        assertThat(Tokens.of(testee, "Vĩnh Lợi BL-VL 2026")).containsExactly("Vĩnh", "Lợi", "BL-VL", "2026");
    }

    @Test
    void producesNothingForEmptyInput() {
        assertThat(Tokens.of(testee, "")).isEmpty();
    }
}
