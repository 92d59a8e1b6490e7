package vn.lienthong.app.search;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

import vn.lienthong.app.support.Users;
import vn.lienthong.app.support.WebTestSupport;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Items readable by an.nguyen alone, by his unit or by system administrators are invisible to binh.tran (another
 * unit) in hits, totals and facets, on the page and in the API; an item for everyone is seen by both.
 */
class SearchPermissionTests extends WebTestSupport {

    @Autowired
    Archive archive;

    @Autowired
    ArchivePrincipals principals;

    private String word;

    @BeforeEach
    void putItems() {
        word = "baomat" + SearchPagesTests.suffix(6).toLowerCase();
        put("an-1", "Thư riêng gửi anh An", Set.of(Reader.official("an.nguyen")), "BL-VP");
        put("an-2", "Tờ trình riêng của anh An", Set.of(Reader.official("an.nguyen")), "BL-VP");
        put("unit", "Thông báo nội bộ Văn phòng UBND tỉnh", Set.of(Reader.unit("BL-VP")), "BL-VP");
        put("admins", "Ghi chú cho quản trị hệ thống", Set.of(Reader.role("SYSTEM_ADMIN")), "BL-STTTT");
        put("all", "Thông báo chung toàn tỉnh", Set.of(Reader.everyone()), "BL-VL");
        await().atMost(Duration.ofSeconds(5)).until(() -> archive.search(SearchRequest.of(word,
                Set.of(Reader.official("an.nguyen"), Reader.unit("BL-VP"), Reader.role("SYSTEM_ADMIN")))).total() == 5);
    }

    @Test
    void principalsAreTheUsernameTheOwnUnitTheRolesAndEveryone() {
        Authentication an = new TestingAuthenticationToken("an.nguyen", null, "ROLE_OFFICIAL", "OIDC_USER");
        assertThat(principals.of(an)).containsExactlyInAnyOrder(Reader.official("an.nguyen"), Reader.unit("BL-VP"),
                Reader.role("OFFICIAL"), Reader.everyone());

        Authentication admin = new TestingAuthenticationToken("quantri", null, "ROLE_SYSTEM_ADMIN", "ROLE_OFFICIAL");
        assertThat(principals.of(admin)).contains(Reader.role("SYSTEM_ADMIN"), Reader.unit("BL-STTTT"))
                .doesNotContain(Reader.unit("BL"));

        Authentication serviceAccount = new TestingAuthenticationToken("service-x", null, "ROLE_OFFICIAL");
        assertThat(principals.of(serviceAccount)).containsExactlyInAnyOrder(Reader.official("service-x"),
                Reader.role("OFFICIAL"), Reader.everyone());
        assertThat(principals.of(null)).isEmpty();
    }

    @Test
    void anotherUnitsOfficialSeesNeitherHitsNorCountsOnThePage() throws Exception {
        String binh = page(Users.OTHER_OFFICIAL);
        assertThat(binh).contains("Thông báo chung toàn tỉnh", "Tìm thấy 1 kết quả")
                .doesNotContain("Thư riêng gửi anh An", "Tờ trình riêng", "Thông báo nội bộ", "Ghi chú cho quản trị",
                        "Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông");

        String an = page(Users.OFFICIAL);
        assertThat(an).contains("Thư riêng gửi anh An", "Tờ trình riêng của anh An",
                        "Thông báo nội bộ Văn phòng UBND tỉnh", "Thông báo chung toàn tỉnh", "Tìm thấy 4 kết quả")
                .doesNotContain("Ghi chú cho quản trị");

        assertThat(page(Users.SYSTEM_ADMIN)).contains("Ghi chú cho quản trị hệ thống", "Thông báo chung toàn tỉnh",
                "Tìm thấy 2 kết quả").doesNotContain("Thư riêng gửi anh An", "Thông báo nội bộ");
    }

    @Test
    void anotherUnitsOfficialSeesNeitherHitsNorCountsInTheApi() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", word).with(Users.OTHER_OFFICIAL.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.hits", hasSize(1)))
                .andExpect(jsonPath("$.hits[0].id").value(word + "-all"))
                .andExpect(jsonPath("$.facets.sources[0].value").value(SearchPagesTests.TEST_SOURCE))
                .andExpect(jsonPath("$.facets.sources[0].count").value(1))
                .andExpect(jsonPath("$.facets.units[*].value", not(hasItem("BL-VP"))))
                .andExpect(jsonPath("$.facets.units[*].value", not(hasItem("BL-STTTT"))))
                .andExpect(jsonPath("$.facets.months[0].count").value(1))
                .andExpect(jsonPath("$.hits[*].title", not(hasItem(containsString("riêng")))));

        mvc.perform(get("/api/v1/search").param("q", word).with(Users.OFFICIAL.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.facets.sources[0].count").value(4))
                .andExpect(jsonPath("$.facets.units[0].value").value("BL-VP"))
                .andExpect(jsonPath("$.facets.units[0].count").value(3));

        // The session works like the token.
        mvc.perform(get("/api/v1/search").param("q", word).with(Users.OTHER_OFFICIAL.session()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    private void put(String id, String title, Set<Reader> readers, String unit) {
        archive.put(ArchiveItem.builder(SearchPagesTests.TEST_SOURCE, word + "-" + id)
                .title(title).body("Nội dung " + word).units(unit).url("/mail/" + word + "-" + id)
                .readers(readers).build());
    }

    private String page(Users user) throws Exception {
        return mvc.perform(get("/search").param("q", word).with(user.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
