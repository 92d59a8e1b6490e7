package vn.lienthong.archive.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.junit.jupiter.api.Test;

class VietnameseAnalyzerTests {

    private final Analyzer exact = VietnameseAnalyzer.exact();
    private final Analyzer folded = VietnameseAnalyzer.folded();

    @Test
    void splitsIntoLowerCaseSyllablesKeepingAccentsInTheExactForm() {
        assertThat(Tokens.of(exact, "Quyết định về việc phê duyệt, năm 2026."))
                .containsExactly("quyết", "định", "về", "việc", "phê", "duyệt", "năm", "2026");
    }

    @Test
    void foldsMarksAndDToPlainLettersInTheFoldedForm() {
        assertThat(Tokens.of(folded, "Đặng Quyết Định Đường Vĩnh Lợi Nguyễn Thị Ánh Tuyết"))
                .containsExactly("dang", "quyet", "dinh", "duong", "vinh", "loi", "nguyen", "thi", "anh", "tuyet");
    }

    @Test
    void keepsDifferentAccentsApartInTheExactForm() {
        assertThat(Tokens.of(exact, "đường dương đương Dương"))
                .containsExactly("đường", "dương", "đương", "dương");
        assertThat(Tokens.of(folded, "đường dương đương duong")).containsOnly("duong");
    }

    @Test
    void analysesDecomposedTextLikeComposedText() {
        String text = "Ủy ban nhân dân huyện Vĩnh Lợi, Đường dây nóng";
        assertThat(Tokens.of(exact, Tokens.nfd(text))).isEqualTo(Tokens.of(exact, text));
        assertThat(Tokens.of(folded, Tokens.nfd(text))).isEqualTo(Tokens.of(folded, text));
    }

    @Test
    void treatsOldAndNewTonePlacementAsOneWord() {
        assertThat(Tokens.of(exact, "Uỷ ban Hoà Bình")).isEqualTo(Tokens.of(exact, "Ủy ban Hòa Bình"));
    }

    @Test
    void splitsAbbreviationsAndKeepsUsernamesWhole() {
        assertThat(Tokens.of(folded, "HĐND-UBND")).containsExactly("hdnd", "ubnd");
        assertThat(Tokens.of(folded, "an.nguyen@baclieu.gov.vn")).containsExactly("an.nguyen", "baclieu.gov.vn");
    }

    @Test
    void asciiFoldingHandlesTheLettersNfdStrippingMisses() {
        Analyzer asciiFolding = Tokens.withFilter(ASCIIFoldingFilter::new);
        assertThat(Tokens.of(asciiFolding, "đ Đ ệ ặ ỹ ờ")).containsExactly("d", "D", "e", "a", "y", "o");
    }

    @Test
    void producesNothingForBlankText() {
        assertThat(Tokens.of(folded, "  ,.; - ")).isEmpty();
    }
}
