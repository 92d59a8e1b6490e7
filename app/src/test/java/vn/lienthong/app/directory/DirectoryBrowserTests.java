package vn.lienthong.app.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import vn.lienthong.app.support.Browser;
import vn.lienthong.app.support.BrowserExtension;
import vn.lienthong.app.support.WebTestSupport;
import vn.lienthong.directory.Unit;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory's administration in a real browser, signed in through the real login page. */
class DirectoryBrowserTests extends WebTestSupport {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    @TempDir
    Path files;

    @Test
    void administratorCreatesCommuneAndOfficialWhoThenSignsIn() {
        Unit district = unit("BL-HB");
        Browser admin = browsers.open(baseUrl()).logIn("quantri", DEMO_PASSWORD);
        admin.waitForText(By.id("current-official"), "Quản trị hệ thống");

        admin.open("/admin/units/" + district.id()).click(By.id("new-child-unit"));
        admin.waitFor(By.id("unit-form"));
        assertThat(new Select(admin.driver().findElement(By.id("level"))).getFirstSelectedOption().getText())
                .isEqualTo("Xã");
        admin.type(By.id("code"), "BL-HB-VTH").type(By.id("name"), "Xã Vĩnh Thịnh").click(By.id("save-unit"));
        admin.waitForText(By.id("notice"), "Đã tạo đơn vị Xã Vĩnh Thịnh");
        Unit commune = directory.findUnitByCode("BL-HB-VTH").orElseThrow();
        assertThat(commune.parentId()).isEqualTo(district.id());

        admin.click(By.id("new-official"));
        admin.type(By.id("fullName"), "Nguyễn Thị Lan").type(By.id("username"), "lan.nguyen")
                .type(By.id("title"), "Công chức Văn phòng - Thống kê").type(By.id("phone"), "0291 3850 123")
                .click(By.id("save-official"));
        admin.waitForText(By.id("notice"), "Đã tạo cán bộ Nguyễn Thị Lan");
        admin.screenshot("admin-official-created");
        assertThat(directory.findOfficialByUsername("lan.nguyen").orElseThrow().unitId()).isEqualTo(commune.id());

        admin.click(By.id("set-password"));
        admin.type(By.id("password"), "Lan-mat-khau-2025").type(By.id("confirmation"), "Lan-mat-khau-2025")
                .click(By.id("save-password"));
        admin.waitForText(By.id("notice"), "Đã đặt mật khẩu mới cho Nguyễn Thị Lan");

        Browser official = browsers.open(baseUrl()).logIn("lan.nguyen", "Lan-mat-khau-2025");
        official.waitForText(By.id("current-official"), "Nguyễn Thị Lan");
        assertThat(official.waitFor(By.id("current-unit")).getText()).isEqualTo("Xã Vĩnh Thịnh");
        assertThat(official.isPresent(By.id("nav-admin"))).as("an official has no administration").isFalse();
    }

    @Test
    void formKeepsInputAndShowsTheDirectorysMessageNextToTheField() {
        Unit district = unit("BL-HD");
        Browser admin = browsers.open(baseUrl()).logIn("quantri", DEMO_PASSWORD);
        admin.waitFor(By.id("current-official"));

        admin.open("/admin/units/new?parent=" + district.id());
        // The code of an existing unit: the directory refuses it and the form shows why, keeping what was typed.
        admin.type(By.id("code"), "BL-HD-ND").type(By.id("name"), "Xã Trùng Mã").click(By.id("save-unit"));
        String message = admin.waitFor(By.id("code-error")).getText();
        assertThat(message).isNotBlank();
        assertThat(admin.driver().findElement(By.id("code")).getAttribute("class")).contains("is-invalid");
        assertThat(admin.driver().findElement(By.id("name")).getAttribute("value")).isEqualTo("Xã Trùng Mã");
    }

    @Test
    void unitAdministratorCannotEditAnotherDistrict() {
        Unit dongHai = unit("BL-DH");
        Unit vinhLoi = unit("BL-VL");
        Browser browser = browsers.open(baseUrl()).logIn("admin.vinhloi", DEMO_PASSWORD);
        browser.waitForText(By.id("current-official"), "Lê Minh Tâm");

        browser.open("/directory/units/" + vinhLoi.id()).waitForText(By.id("unit-name"), "Huyện Vĩnh Lợi");
        assertThat(browser.isPresent(By.id("edit-unit"))).as("own district is editable").isTrue();

        browser.open("/directory/units/" + dongHai.id()).waitForText(By.id("unit-name"), "Huyện Đông Hải");
        assertThat(browser.isPresent(By.id("edit-unit"))).as("no edit link for another district").isFalse();
        assertThat(browser.isPresent(By.id("manage-unit"))).isFalse();

        browser.open("/admin/units/" + dongHai.id() + "/edit");
        browser.waitForText(By.tagName("h1"), "Bạn không có quyền truy cập");
        assertThat(browser.pageText()).doesNotContain("BL-DH", "donghai.baclieu.gov.vn");
    }

    @Test
    void csvWithABadLineIsRefusedWithItsLineNumberAndNothingImported() throws IOException {
        Path csv = files.resolve("don-vi.csv");
        Files.writeString(csv, """
                code,name,level,parent_code,mail_domain,mail_local_part
                BL-PL-CSV1,Xã Nhập Một,COMMUNE,BL-PL,,
                BL-PL-CSV2,Xã Nhập Hai,COMMUNE,BL-KHONG-CO,,
                BL-PL-CSV3,Xã Nhập Ba,COMMUNE,BL-PL,,
                """, StandardCharsets.UTF_8);
        Browser admin = browsers.open(baseUrl()).logIn("quantri", DEMO_PASSWORD);
        admin.waitFor(By.id("current-official"));

        admin.open("/admin/import").click(By.id("kind-UNITS"));
        admin.driver().findElement(By.id("file")).sendKeys(csv.toString());
        admin.click(By.id("upload"));

        admin.waitForText(By.id("import-failure"), "Không nhập dòng nào");
        assertThat(admin.driver().findElements(By.cssSelector("#import-errors td.line-number")))
                .extracting(cell -> cell.getText()).containsExactly("3");
        admin.screenshot("admin-import-refused");
        assertThat(directory.findUnitByCode("BL-PL-CSV1")).as("nothing imported").isEmpty();
        assertThat(directory.findUnitByCode("BL-PL-CSV3")).isEmpty();
    }

    @Test
    void oversizedCsvIsRefusedWithAClearMessage() throws IOException {
        Path csv = files.resolve("qua-lon.csv");
        StringBuilder content = new StringBuilder("code,name,level,parent_code,mail_domain,mail_local_part\n");
        while (content.length() < 6 * 1024 * 1024) {
            content.append("BL-PL-X").append(content.length()).append(",Xã Rất Nhiều Dòng,COMMUNE,BL-PL,,\n");
        }
        Files.writeString(csv, content, StandardCharsets.UTF_8);
        Browser admin = browsers.open(baseUrl()).logIn("quantri", DEMO_PASSWORD);
        admin.waitFor(By.id("current-official"));

        admin.open("/admin/import").click(By.id("kind-UNITS"));
        admin.driver().findElement(By.id("file")).sendKeys(csv.toString());
        admin.click(By.id("upload"));

        admin.waitForText(By.id("error"), "Tệp quá lớn");
        assertThat(admin.pageText()).contains("5 MB");
    }

    @Test
    void peopleSearchFindsNamesTypedWithoutToneMarksAsYouType() {
        Browser browser = browsers.open(baseUrl()).logIn("binh.tran", DEMO_PASSWORD);
        browser.waitFor(By.id("current-official"));

        browser.open("/directory").type(By.id("people-search"), "nguyen van an");

        browser.waitForText(By.id("people-results"), "Nguyễn Văn An");
        assertThat(browser.currentUrl()).as("live results, no page load").endsWith("/directory");
        browser.click(By.linkText("Nguyễn Văn An"));
        browser.waitForText(By.id("official-name"), "Nguyễn Văn An");
        assertThat(browser.pageText()).contains("an.nguyen@", "Văn phòng UBND tỉnh");
    }
}
