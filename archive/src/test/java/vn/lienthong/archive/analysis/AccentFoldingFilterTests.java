package vn.lienthong.archive.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.junit.jupiter.api.Test;

class AccentFoldingFilterTests {

    private final Analyzer testee = Tokens.withFilter(AccentFoldingFilter::new);
    private final Analyzer lucene = Tokens.withFilter(ASCIIFoldingFilter::new);

    @Test
    void foldsVietnameseLettersToPlainOnes() {
        assertThat(Tokens.of(testee, "Đặng Quyết Định đường Nguyễn Ưng ỷ ờ ặ ệ"))
                .containsExactly("Dang", "Quyet", "Dinh", "duong", "Nguyen", "Ung", "y", "o", "a", "e");
    }

    @Test
    void foldsEveryCharacterExactlyAsLuceneAsciiFoldingDoes() {
        char[] in = new char[1];
        char[] out = new char[8];
        List<Character> different = new ArrayList<>();
        for (int c = 0x80; c <= Character.MAX_VALUE; c++) {
            in[0] = (char) c;
            int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, 1);
            if (!AccentFoldingFilter.fold((char) c).equals(new String(out, 0, length))) {
                different.add((char) c);
            }
        }
        assertThat(different).isEmpty();
    }

    @Test
    void foldsCharactersThatBecomeSeveralLettersInTheMiddleOfATerm() {
        String text = "Ærø ﬁle Straße œuvre Ǆ x½y ⑩ đường-Æ ⒜ǅ ﬃﬄ";
        assertThat(Tokens.of(testee, text)).isEqualTo(Tokens.of(lucene, text))
                .contains("AEro", "file", "Strasse", "oeuvre", "DZ", "10", "duong-AE", "(a)Dz", "ffiffl");
    }

    @Test
    void leavesPlainTermsAndLongTermsAlike() {
        String longWord = "Nguyễn".repeat(40) + "æ" + "ệ".repeat(100);
        assertThat(Tokens.of(testee, "BL-VL 2026 an.nguyen " + longWord))
                .isEqualTo(Tokens.of(lucene, "BL-VL 2026 an.nguyen " + longWord))
                .startsWith("BL-VL", "2026", "an.nguyen");
    }
}
