package vn.lienthong.app.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import vn.lienthong.app.support.Browser;
import vn.lienthong.app.support.BrowserExtension;
import vn.lienthong.app.support.WebTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell in a real browser: the signed-in official, the language switch and the phone layout. */
class ShellBrowserTests extends WebTestSupport {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    @Test
    void officialSignsInAndSeesTheirNameAndUnit() {
        Browser browser = browsers.open(baseUrl()).logIn("an.nguyen", DEMO_PASSWORD);

        browser.waitForText(By.id("current-official"), "Nguyễn Văn An");
        assertThat(browser.driver().findElement(By.id("current-unit")).getText()).isEqualTo("Văn phòng UBND tỉnh");
        assertThat(browser.driver().findElement(By.id("home-unit")).getText()).isEqualTo("Văn phòng UBND tỉnh");
        browser.screenshot("home-desktop");
    }

    @Test
    void languageSwitchShowsEnglishAndBack() {
        Browser browser = browsers.open(baseUrl()).logIn("an.nguyen", DEMO_PASSWORD);
        browser.waitForText(By.id("nav-directory"), "Danh bạ");

        browser.chooseLanguage("en");
        browser.waitForText(By.id("nav-directory"), "Directory");
        browser.click(By.id("nav-directory"));
        browser.waitForText(By.tagName("h1"), "Directory");
        browser.screenshot("directory-english");

        browser.chooseLanguage("vi");
        browser.waitForText(By.tagName("h1"), "Danh bạ");
    }

    @Test
    void navigationFoldsIntoAMenuOnAPhone() {
        Browser browser = browsers.open(baseUrl(), Browser.PHONE, "vi").logIn("quantri", DEMO_PASSWORD);
        browser.waitFor(By.cssSelector(".navbar-toggler"));
        assertThat(browser.driver().findElement(By.id("nav-directory")).isDisplayed()).isFalse();
        browser.screenshot("home-phone");

        browser.openUserMenu();
        browser.waitFor(By.id("nav-directory"));
        browser.waitFor(By.id("logout-button"));
        browser.screenshot("home-phone-menu");
        browser.click(By.id("nav-directory"));
        browser.waitForText(By.tagName("h1"), "Danh bạ");
        browser.screenshot("directory-phone");
    }

    @Test
    void signingOutEndsTheSession() {
        Browser browser = browsers.open(baseUrl()).logIn("an.nguyen", DEMO_PASSWORD);
        browser.waitForText(By.id("current-official"), "Nguyễn Văn An");

        browser.logOut();
        browser.open("/directory");
        browser.waitFor(By.name("username"));
    }
}
