package vn.lienthong.directory.internal;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.directory.UnitLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VietnameseTextTests {

    @Test
    void foldsToneMarksVowelMarksAndDToPlainLowerCase() {
        assertThat(VietnameseText.fold("Nguyễn Văn An")).isEqualTo("nguyen van an");
        assertThat(VietnameseText.fold("Huyện Vĩnh Lợi")).isEqualTo("huyen vinh loi");
        assertThat(VietnameseText.fold("ĐẶNG Thị Ánh Đào")).isEqualTo("dang thi anh dao");
        assertThat(VietnameseText.fold("Ðặng")).as("eth typed for Đ").isEqualTo("dang");
        assertThat(VietnameseText.fold("  Ưu   Ơn\u00a0Ư ")).isEqualTo("uu on u");
        assertThat(VietnameseText.fold(null)).isEmpty();
    }

    @Test
    void foldsNfdTheSameAsNfc() {
        String nfc = "Thị trấn Châu Hưng, Xã Hưng Hội";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);

        assertThat(nfd).isNotEqualTo(nfc);
        assertThat(VietnameseText.fold(nfd)).isEqualTo(VietnameseText.fold(nfc)).isEqualTo("thi tran chau hung, xa hung hoi");
    }

    @Test
    void cleansNamesToNfcWithSingleSpaces() {
        String nfd = Normalizer.normalize("  Trần \t Thị   Bình ", Normalizer.Form.NFD);

        assertThat(VietnameseText.clean(nfd)).isEqualTo("Trần Thị Bình");
        assertThat(VietnameseText.clean(" \n ")).isNull();
    }

    @Test
    void splitsQueriesIntoFoldedWords() {
        assertThat(VietnameseText.queryWords(" Nguyễn  văn An ")).containsExactly("nguyen", "van", "an");
        assertThat(VietnameseText.queryWords("   ")).isEmpty();
    }

    @Test
    void buildsSearchTextWithIdentifierPieces() {
        assertThat(VietnameseText.searchText(List.of("Huyện Vĩnh Lợi"), List.of("BL-VL")))
                .isEqualTo("huyen vinh loi bl-vl bl vl");
    }

    @Test
    void ordersNamesWithVietnameseCollation() {
        List<String> names = List.of("Đức", "Dũng", "Ánh", "An", "Bình", "Ân", "Anh", "Ơn", "Ô", "O");

        assertThat(names.stream().sorted(VietnameseText.NAME_ORDER).toList())
                .containsExactly("An", "Anh", "Ánh", "Ân", "Bình", "Dũng", "Đức", "O", "Ô", "Ơn");
    }

    @Test
    void readsUnitLevelsInEnglishOrVietnameseWithOrWithoutMarks() {
        assertThat(CsvImport.level("PROVINCE")).isEqualTo(UnitLevel.PROVINCE);
        assertThat(CsvImport.level("Tỉnh")).isEqualTo(UnitLevel.PROVINCE);
        assertThat(CsvImport.level("huyen")).isEqualTo(UnitLevel.DISTRICT);
        assertThat(CsvImport.level("Thị xã")).isEqualTo(UnitLevel.DISTRICT);
        assertThat(CsvImport.level("XÃ")).isEqualTo(UnitLevel.COMMUNE);
        assertThat(CsvImport.level("phường")).isEqualTo(UnitLevel.COMMUNE);
        assertThat(CsvImport.level("phong-ban")).isEqualTo(UnitLevel.DEPARTMENT);
        assertThat(CsvImport.level("Phòng ban")).isEqualTo(UnitLevel.DEPARTMENT);
        assertThatThrownBy(() -> CsvImport.level("ấp")).hasMessageContaining("không hợp lệ");
    }
}
