package vn.lienthong.app.admin;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.lienthong.app.support.Users;
import vn.lienthong.app.support.WebTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Quản trị › Lưu trữ: for system administrators only; shows the index, rebuilds it in the background. */
class ArchiveAdminTests extends WebTestSupport {

    @Test
    void systemAdministratorSeesTheIndexAndNoResyncWithoutKeycloak() throws Exception {
        String html = page(Users.SYSTEM_ADMIN);
        assertThat(html).contains("Lưu trữ và tìm kiếm", "id=\"archive-items\"", "id=\"archive-startup\"",
                        "id=\"rebuild-button\"", "action=\"/admin/archive/rebuild\"", "name=\"_csrf\"")
                .doesNotContain("id=\"identity-sync\"");
        assertThat(mvc.perform(get("/admin").with(Users.SYSTEM_ADMIN.session())).andReturn().getResponse()
                .getContentAsString()).contains("href=\"/admin/archive\"");
    }

    @Test
    void onlySystemAdministratorsGetThePage() throws Exception {
        mvc.perform(get("/admin/archive").with(Users.OFFICIAL.session())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/archive").with(Users.UNIT_ADMIN_VINH_LOI.session()))
                .andExpect(status().isForbidden())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Bạn không có quyền truy cập").doesNotContain("archive-items"));
        mvc.perform(get("/admin/archive").accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("/oauth2/authorization/")));
        mvc.perform(post("/admin/archive/rebuild").with(csrf()).with(Users.UNIT_ADMIN_VINH_LOI.session()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/archive/rebuild").with(csrf()).with(Users.OFFICIAL.session()))
                .andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/admin").with(Users.UNIT_ADMIN_VINH_LOI.session())).andReturn().getResponse()
                .getContentAsString()).doesNotContain("href=\"/admin/archive\"");
    }

    @Test
    void rebuildNeedsTheCsrfTokenRunsInTheBackgroundAndReports() throws Exception {
        mvc.perform(post("/admin/archive/rebuild").with(Users.SYSTEM_ADMIN.session()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/admin/archive/rebuild").with(csrf()).with(Users.SYSTEM_ADMIN.session()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/archive"))
                .andExpect(flash().attribute("notice", "admin.archive.rebuildStarted"));

        String html = await().atMost(Duration.ofSeconds(60))
                .until(() -> page(Users.SYSTEM_ADMIN), page -> page.contains("id=\"rebuild-outcome\""));
        assertThat(html).contains("alert alert-success", "quantri", "id=\"rebuild-report\"", "<td>directory</td>",
                "id=\"items-directory\"").doesNotContain("rebuild-running");
    }

    @Test
    void statusPartAloneForHtmx() throws Exception {
        String fragment = mvc.perform(get("/admin/archive").header("HX-Request", "true")
                        .with(Users.SYSTEM_ADMIN.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"archive-status\"", "id=\"archive-items\"").doesNotContain("<html", "<nav");
    }

    @Test
    void resyncWithoutAnIdentityProviderToSyncIsNotFound() throws Exception {
        mvc.perform(post("/admin/archive/identity-sync").with(csrf()).with(Users.SYSTEM_ADMIN.session()))
                .andExpect(status().isNotFound());
    }

    private String page(Users user) throws Exception {
        return mvc.perform(get("/admin/archive").with(user.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
