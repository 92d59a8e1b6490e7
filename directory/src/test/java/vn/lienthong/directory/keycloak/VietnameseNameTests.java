package vn.lienthong.directory.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseNameTests {

    @Test
    void familyNameIsTheFirstWordAndGivenNamesTheRest() {
        assertThat(VietnameseName.of("Nguyễn Văn An")).isEqualTo(new VietnameseName("Nguyễn", "Văn An"));
    }

    @Test
    void extraSpacesAreIgnored() {
        assertThat(VietnameseName.of("  Trần   Thị  Bình ")).isEqualTo(new VietnameseName("Trần", "Thị Bình"));
    }

    @Test
    void oneWordIsAllGivenName() {
        assertThat(VietnameseName.of("Quản")).isEqualTo(new VietnameseName("", "Quản"));
    }

    @Test
    void noNameIsEmpty() {
        assertThat(VietnameseName.of(null)).isEqualTo(new VietnameseName("", ""));
    }
}
