package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.lienthong.archive.QuerySyntaxException;
import vn.lienthong.archive.internal.ParsedQuery.Filter;
import vn.lienthong.archive.internal.ParsedQuery.Operator;

class UserQueryParserTests {

    private final UserQueryParser testee = new UserQueryParser(UserQueryParser.defaultSources());

    @Test
    void readsWordsPhrasesExclusionsAndOperators() {
        ParsedQuery parsed = testee.parse("quyết định \"quản lý văn bản\" -dự -\"thảo luận\" from:an.nguyen "
                + "to:\"Trần Thị Bình\" IN:thu unit:BL-VL after:01/10/2026 before:1/11/2026 has:attachment -in:chat");

        assertThat(parsed.words()).containsExactly("quyết", "định");
        assertThat(parsed.phrases()).containsExactly("quản lý văn bản");
        assertThat(parsed.excluded()).containsExactly("dự", "thảo luận");
        assertThat(parsed.filters()).containsExactly(
                new Filter(Operator.FROM, "an.nguyen", false),
                new Filter(Operator.TO, "Trần Thị Bình", false),
                new Filter(Operator.IN, "mail", false),
                new Filter(Operator.UNIT, "BL-VL", false),
                new Filter(Operator.HAS, "attachment", false),
                new Filter(Operator.IN, "chat", true));
        assertThat(parsed.after()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(parsed.before()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void treatsTypographicQuotesAsQuotes() {
        assertThat(testee.parse("“đường dây nóng” 2026").phrases()).containsExactly("đường dây nóng");
    }

    @Test
    void keepsWordsWithAColonThatAreNotOperators() {
        ParsedQuery parsed = testee.parse("họp lúc 8:30 Điều:5");

        assertThat(parsed.words()).containsExactly("họp", "lúc", "8:30", "Điều:5");
        assertThat(parsed.filters()).isEmpty();
    }

    @Test
    void readsAnEmptyQueryAsNoTextAndNoFilter() {
        ParsedQuery parsed = testee.parse("   ");

        assertThat(parsed.hasText()).isFalse();
        assertThat(parsed.filters()).isEmpty();
    }

    @Test
    void normalisesDecomposedInputToNfc() {
        String nfd = java.text.Normalizer.normalize("Vĩnh Lợi", java.text.Normalizer.Form.NFD);
        assertThat(testee.parse(nfd).words()).containsExactly("Vĩnh", "Lợi");
    }

    @Test
    void refusesAnUnclosedQuoteSayingWhere() {
        assertThatThrownBy(() -> testee.parse("báo cáo \"quản lý văn bản"))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining("Thiếu dấu ngoặc kép đóng")
                .hasMessageContaining("\"quản lý văn bản")
                .extracting(e -> ((QuerySyntaxException) e).position()).isEqualTo(8);
    }

    @Test
    void refusesADateNotInDayMonthYear() {
        assertThatThrownBy(() -> testee.parse("after:2026-10-01"))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessage("Ngày \"2026-10-01\" sau after: không hợp lệ. Dùng dạng dd/MM/yyyy, ví dụ after:01/11/2026.");
        assertThatThrownBy(() -> testee.parse("before:31/02/2026"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("31/02/2026");
        assertThatThrownBy(() -> testee.parse("after:"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("Thiếu ngày sau \"after:\"");
    }

    @Test
    void refusesAnEmptyDateRange() {
        assertThatThrownBy(() -> testee.parse("after:05/11/2026 before:01/11/2026"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("Khoảng ngày rỗng");
    }

    @Test
    void refusesAnUnknownSourceListingTheKnownOnes() {
        assertThatThrownBy(() -> testee.parse("in:fax"))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessage("Không có nguồn \"fax\" cho in:. Chọn một trong: mail, chat, meeting, directory.");
    }

    @Test
    void refusesOperatorsWithoutValueAndUnknownHas() {
        assertThatThrownBy(() -> testee.parse("from: an"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("Thiếu giá trị sau \"from:\"");
        assertThatThrownBy(() -> testee.parse("has:photo"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("has:attachment");
        assertThatThrownBy(() -> testee.parse("-after:01/01/2026"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("Không dùng dấu \"-\"");
    }

    @Test
    void refusesOverlongQueries() {
        assertThatThrownBy(() -> testee.parse("a ".repeat(600)))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("quá dài");
        assertThatThrownBy(() -> testee.parse("a ".repeat(100)))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("quá nhiều từ");
    }

    @Test
    void acceptsVietnameseNamesOfSourcesAndHas() {
        ParsedQuery parsed = testee.parse("in:hop in:danhba has:đính-kèm");
        assertThat(parsed.sourcesIn()).containsExactlyInAnyOrder("meeting", "directory");
        assertThat(parsed.filters()).contains(new Filter(Operator.HAS, "attachment", false));
    }
}
