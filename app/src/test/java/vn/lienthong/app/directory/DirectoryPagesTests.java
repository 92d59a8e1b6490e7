package vn.lienthong.app.directory;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

import vn.lienthong.app.support.Users;
import vn.lienthong.app.support.WebTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The directory's pages as HTML: tree, unit, search fragment, forms that keep input, friendly refusals. */
class DirectoryPagesTests extends WebTestSupport {

    @Test
    void treeShowsProvinceDistrictsAndCommunes() throws Exception {
        String html = page("/directory", Users.OFFICIAL);
        assertThat(html).contains("Tỉnh Bạc Liêu", "Huyện Vĩnh Lợi", "Huyện Đông Hải", "Xã Châu Thới");
    }

    @Test
    void unitPageListsItsOfficialsWithMailAndPhone() throws Exception {
        String html = page("/directory/units/" + unit("BL-VL-VP").id(), Users.OFFICIAL);
        assertThat(html).contains("Trần Thị Bình", "Lê Minh Tâm", "binh.tran@", "Huyện Vĩnh Lợi");
        assertThat(html).as("no administration for an official").doesNotContain("id=\"edit-unit\"");
    }

    @Test
    void searchFragmentForHtmxHasOnlyTheResults() throws Exception {
        String fragment = mvc.perform(get("/directory/search").param("q", "tran thi binh")
                        .header("HX-Request", "true").with(Users.OFFICIAL.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"search-results\"", "Trần Thị Bình").doesNotContain("<html", "<nav");
    }

    @Test
    void refusedUnitFormKeepsWhatWasTypedAndShowsTheMessageAtTheField() throws Exception {
        long district = unit("BL-GR").id();
        String html = mvc.perform(post("/admin/units/new").with(csrf()).with(Users.SYSTEM_ADMIN.session())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("parentId", String.valueOf(district)).param("code", "BL-VL")
                        .param("name", "Xã Giữ Nguyên Chữ").param("level", "COMMUNE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // Form values may come back as HTML entities (X&atilde;): compare what the browser shows.
        assertThat(HtmlUtils.htmlUnescape(html))
                .contains("id=\"code-error\"", "value=\"Xã Giữ Nguyên Chữ\"", "is-invalid");
    }

    @Test
    void passwordsThatDifferAreRefusedAtTheConfirmation() throws Exception {
        long official = official("binh.tran").id();
        String html = mvc.perform(post("/admin/officials/" + official + "/password").with(csrf())
                        .with(Users.UNIT_ADMIN_VINH_LOI.session())
                        .param("password", "Mot-mat-khau-1").param("confirmation", "Khac-mat-khau-2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Hai lần nhập mật khẩu không khớp");
    }

    @Test
    void refusalIsAFriendlyVietnamesePage() throws Exception {
        String html = mvc.perform(get("/admin/units/" + unit("BL-DH").id() + "/edit")
                        .with(Users.UNIT_ADMIN_VINH_LOI.session()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Bạn không có quyền truy cập", "Lê Minh Tâm").doesNotContain("BL-DH");
    }

    @Test
    void mergeAsksForConfirmationAndSaysWhatFollows() throws Exception {
        long source = unit("BL-HB-VH").id();
        long target = unit("BL-HB-VMA").id();
        String html = page("/admin/units/" + source + "/merge?target=" + target, Users.SYSTEM_ADMIN);
        assertThat(html).contains("Xác nhận sáp nhập", "Xã Vĩnh Hậu", "Xã Vĩnh Mỹ A", "vẫn tìm được", "id=\"confirm-merge\"");
    }

    @Test
    void unitAdministratorIsOfferedOnlyTheirSubtree() throws Exception {
        String html = page("/admin", Users.UNIT_ADMIN_VINH_LOI);
        assertThat(html).contains("Huyện Vĩnh Lợi", "Xã Châu Thới").doesNotContain("Huyện Đông Hải", "Tỉnh Bạc Liêu");
    }

    private String page(String path, Users user) throws Exception {
        return mvc.perform(get(path).with(user.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
