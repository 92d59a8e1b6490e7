package vn.lienthong.app.search;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.app.support.Browser;
import vn.lienthong.app.support.BrowserExtension;
import vn.lienthong.app.support.WebTestSupport;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The top bar's search box in a real browser: typed without tone marks, found with them, matches marked. */
class SearchBrowserTests extends WebTestSupport {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    @Autowired
    Archive archive;

    @Test
    void officialSearchesFromTheTopBarAndSeesTheMatchesMarked() {
        String number = SearchPagesTests.suffix(4);
        String title = "Quyết định số " + number + "/QĐ-UBND về chuyển đổi số";
        archive.put(ArchiveItem.builder(SearchPagesTests.TEST_SOURCE, "qd-" + number)
                .title(title)
                .body("Ủy ban nhân dân tỉnh ban hành quyết định về kế hoạch chuyển đổi số năm 2026.")
                .author("Nguyễn Văn An <an.nguyen@baclieu.gov.vn>")
                .url("/mail/qd-" + number)
                .readers(Reader.official("an.nguyen"))
                .build());
        await().atMost(Duration.ofSeconds(5)).until(() -> archive.search(SearchRequest.of("quyet dinh " + number,
                Set.of(Reader.official("an.nguyen")))).total() == 1);

        Browser browser = browsers.open(baseUrl()).logIn("an.nguyen", DEMO_PASSWORD);
        browser.waitForText(By.id("current-official"), "Nguyễn Văn An");
        browser.type(By.id("top-search"), "quyet dinh " + number);
        browser.driver().findElement(By.id("top-search")).sendKeys(Keys.ENTER);

        WebElement hit = browser.waitForText(By.id("search-results"), title);
        browser.screenshot("search-results");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Tìm kiếm");
        assertThat(browser.driver().findElement(By.id("search-q")).getAttribute("value"))
                .isEqualTo("quyet dinh " + number);
        List<String> marked = hit.findElements(By.cssSelector(".search-snippet mark")).stream()
                .map(WebElement::getText).map(String::toLowerCase).toList();
        assertThat(marked).contains("quyết", "định");
        assertThat(hit.findElement(By.linkText(title)).getAttribute("href")).endsWith("/mail/qd-" + number);
    }
}
