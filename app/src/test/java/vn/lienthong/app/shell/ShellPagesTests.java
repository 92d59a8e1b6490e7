package vn.lienthong.app.shell;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import vn.lienthong.app.support.Users;
import vn.lienthong.app.support.WebTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The shell around every page: navigation, the signed-in official, language, dates and error pages. */
class ShellPagesTests extends WebTestSupport {

    @Test
    void homePageShowsTheOfficialAndTheirUnitInVietnamese() throws Exception {
        String html = page("/", Users.OFFICIAL);

        assertThat(html).contains("Nguyễn Văn An", "Văn phòng UBND tỉnh", ">Thư<", ">Lịch họp<", ">Trò chuyện<",
                ">Danh bạ<", "Tìm kiếm", "Đăng xuất", "lang=\"vi\"");
        assertThat(html).as("no administration for an official").doesNotContain("id=\"nav-admin\"");
    }

    @Test
    void administratorsSeeTheAdministrationLink() throws Exception {
        assertThat(page("/", Users.SYSTEM_ADMIN)).contains("id=\"nav-admin\"", ">Quản trị<");
        assertThat(page("/", Users.UNIT_ADMIN_VINH_LOI)).contains("id=\"nav-admin\"");
    }

    @Test
    void datesAreWrittenDayMonthYearInVietnamTime() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        assertThat(page("/", Users.OFFICIAL)).contains("Hôm nay là " + today);
        assertThat(page("/?lang=en", Users.OFFICIAL)).contains("Today is " + today);
    }

    @Test
    void englishSwitchShowsEnglishLabelsAndIsRemembered() throws Exception {
        MvcResult switched = mvc.perform(get("/").param("lang", "en").with(Users.OFFICIAL.session()))
                .andExpect(status().isOk())
                .andExpect(cookie().value("lienthong-lang", "en"))
                .andReturn();
        assertThat(switched.getResponse().getContentAsString())
                .contains(">Mail<", ">Meetings<", ">Chat<", ">Directory<", "Sign out", "lang=\"en\"")
                .doesNotContain(">Danh bạ<");

        Cookie remembered = switched.getResponse().getCookie("lienthong-lang");
        String later = mvc.perform(get("/directory").cookie(remembered).with(Users.OFFICIAL.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(later).contains("Unit tree", "Find an official");
    }

    @Test
    void unknownLanguageKeepsVietnamese() throws Exception {
        assertThat(page("/?lang=fr", Users.OFFICIAL)).contains(">Danh bạ<", "lang=\"vi\"");
    }

    @Test
    void everySectionOfTheNavigationIsBuilt() throws Exception {
        assertThat(page("/meetings", Users.OFFICIAL)).contains("id=\"calendar\"", "Lên lịch họp")
                .doesNotContain("Đang xây dựng");
    }

    @Test
    void unknownPageIsAFriendlyVietnamese404() throws Exception {
        mvc.perform(get("/directory/units/999999").with(Users.OFFICIAL.session()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Không tìm thấy trang")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Exception"))));
    }

    private String page(String path, Users user) throws Exception {
        return mvc.perform(get(path).with(user.session()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
