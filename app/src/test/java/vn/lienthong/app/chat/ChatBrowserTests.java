package vn.lienthong.app.chat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.app.support.Browser;
import vn.lienthong.app.support.BrowserExtension;
import vn.lienthong.app.support.WebTestSupport;
import vn.lienthong.chat.ChannelKind;
import vn.lienthong.chat.ChannelSummary;
import vn.lienthong.chat.Chat;
import vn.lienthong.chat.NewMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in real browsers, two officials at once: live messages over the WebSocket, read receipts, direct
 * messages that stay private, safe rendering, jumping to a message and the phone layout. an.nguyen and hong.vo
 * both work in Văn phòng UBND tỉnh; binh.tran works in Huyện Vĩnh Lợi.
 */
class ChatBrowserTests extends WebTestSupport {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    @Autowired
    Chat chat;

    @Test
    void colleagueSeesAUnitMessageLiveAndTheSenderSeesTheReadReceipt() {
        long unitChannel = unitChannelOf("an.nguyen");
        String text = "Chị Hồng ơi, chiều nay họp lúc 14h nhé " + UUID.randomUUID();

        Browser hong = openChat("hong.vo", "/chat?channel=" + unitChannel);
        Browser an = openChat("an.nguyen", "/chat?channel=" + unitChannel);

        an.type(By.id("chat-input"), text);
        an.driver().findElement(By.id("chat-input")).sendKeys(Keys.ENTER);
        WebElement sent = an.waitFor(message(text, true));
        assertThat(an.driver().findElement(By.id("chat-input")).getAttribute("value")).isEmpty();
        String sequence = sent.getAttribute("data-seq");

        // Live on the colleague's open page, without a reload.
        hong.waitFor(message(text, false));
        assertThat(hong.driver().findElement(message(text, false)).getText()).contains("Nguyễn Văn An");

        // She has it on screen, so it is read: the sender sees who has read it.
        an.waitForText(By.id("receipt-" + sequence), "Đã xem: Võ Thị Hồng");
        an.screenshot("chat-desktop-read-receipt");
        hong.screenshot("chat-desktop-colleague");
        assertThat(chat.readers("an.nguyen", unitChannel, Long.parseLong(sequence)))
                .extracting(receipt -> receipt.username()).contains("hong.vo");
    }

    @Test
    void unreadBadgesFollowMessagesInAnotherChannel() {
        long unitChannel = unitChannelOf("an.nguyen");
        ChannelSummary direct = chat.openDirect("an.nguyen", "hong.vo");
        Browser an = openChat("an.nguyen", "/chat?channel=" + direct.id());

        String text = "Tin cho cả văn phòng " + UUID.randomUUID();
        chat.post("hong.vo", unitChannel, new NewMessage(text, null, null));

        // Not the open channel: the channel list and the top bar count it as unread.
        an.waitFor(By.cssSelector("#chat-channel-" + unitChannel + " .chat-unread"));
        an.waiting().until(driver -> !driver.findElement(By.id("nav-chat-unread")).getText().isBlank()
                && !driver.findElement(By.id("nav-chat-unread")).getAttribute("class").contains("d-none"));

        an.click(By.id("chat-channel-" + unitChannel));
        an.waitFor(message(text, false));
        an.waiting().until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#chat-channel-" + unitChannel + " .chat-unread")));
    }

    @Test
    void directMessageStaysBetweenTheTwoOfficials() {
        String secret = "Chuyện riêng: hồ sơ nhân sự " + UUID.randomUUID();
        Browser an = openChat("an.nguyen", "/chat");

        an.click(By.id("chat-new-direct"));
        an.type(By.id("chat-direct-search"), "Võ Thị Hồng");
        an.click(By.cssSelector("#chat-direct-results button[data-username='hong.vo']"));
        an.waitForText(By.id("chat-channel-title"), "Võ Thị Hồng");
        an.waitForUrl("channel=");
        long directId = Long.parseLong(an.currentUrl().replaceAll(".*channel=(\\d+).*", "$1"));
        an.type(By.id("chat-input"), secret);
        an.click(By.id("chat-send"));
        an.waitFor(message(secret, true));

        // hong.vo has it among her direct messages.
        Browser hong = openChat("hong.vo", "/chat");
        hong.waitFor(By.id("chat-channel-" + directId));
        hong.click(By.id("chat-channel-" + directId));
        hong.waitFor(message(secret, false));

        // binh.tran does not: not in his list, and the link shows nothing of it.
        Browser binh = openChat("binh.tran", "/chat");
        binh.waitFor(By.cssSelector("#chat-channels .chat-channel-link"));
        assertThat(binh.isPresent(By.id("chat-channel-" + directId))).isFalse();
        binh.open("/chat?channel=" + directId);
        binh.waitForText(By.id("chat-error"), "Không tìm thấy cuộc trò chuyện này");
        assertThat(binh.driver().findElements(By.cssSelector("#chat-messages .chat-msg"))).isEmpty();
        assertThat(binh.pageText()).doesNotContain(secret);
        assertThat(binh.driver().findElement(By.id("chat-composer")).isDisplayed()).isFalse();
        binh.screenshot("chat-direct-not-a-member");
    }

    @Test
    void hostileTextIsShownAsTextAndOnlyWebLinksAreClickable() {
        long unitChannel = unitChannelOf("an.nguyen");
        String marker = UUID.randomUUID().toString();
        String hostile = "<img src=x onerror=\"document.title='hacked'\"> <b>đậm</b> " + marker
                + " javascript:alert(1) xem https://baclieu.gov.vn/van-ban?so=12&nam=2025.";
        chat.post("hong.vo", unitChannel, new NewMessage(hostile, null, null));

        Browser an = openChat("an.nguyen", "/chat?channel=" + unitChannel);
        WebElement shown = an.waitFor(message(marker, false));

        assertThat(shown.findElement(By.cssSelector(".chat-text")).getText()).isEqualTo(hostile);
        assertThat(shown.findElements(By.tagName("img"))).isEmpty();
        assertThat(shown.findElements(By.tagName("b"))).isEmpty();
        List<WebElement> links = shown.findElements(By.cssSelector(".chat-text a"));
        assertThat(links).hasSize(1);
        assertThat(links.get(0).getAttribute("href")).isEqualTo("https://baclieu.gov.vn/van-ban?so=12&nam=2025");
        assertThat(links.get(0).getAttribute("rel")).contains("noopener");
        assertThat(an.driver().getTitle()).doesNotContain("hacked");
    }

    @Test
    void officialMentionsRepliesReactsEditsAndDeletes() {
        ChannelSummary group = chat.createGroup("an.nguyen", "Nhóm kiểm tra " + UUID.randomUUID(), List.of("hong.vo"));
        Browser an = openChat("an.nguyen", "/chat?channel=" + group.id());

        // @mention from the suggestions.
        WebElement input = an.waitFor(By.id("chat-input"));
        input.sendKeys("@Hồng");
        an.waitFor(By.cssSelector("#chat-mention-list [data-username='hong.vo']"));
        input.sendKeys(Keys.ENTER);
        input.sendKeys("xin gửi chị dự thảo");
        input.sendKeys(Keys.ENTER);
        WebElement first = an.waitFor(message("@hong.vo xin gửi chị dự thảo", true));
        assertThat(first.findElement(By.cssSelector(".chat-mention")).getText()).isEqualTo("@hong.vo");
        String firstSeq = first.getAttribute("data-seq");

        // A reply quotes the message.
        an.click(By.cssSelector("#msg-" + firstSeq + " [data-action=reply]"));
        an.waitForText(By.id("chat-reply-text"), "Trả lời Nguyễn Văn An");
        an.type(By.id("chat-input"), "Bản sửa lần 2");
        an.driver().findElement(By.id("chat-input")).sendKeys(Keys.ENTER);
        WebElement reply = an.waitFor(message("Bản sửa lần 2", true));
        assertThat(reply.findElement(By.cssSelector(".chat-quote")).getText()).contains("xin gửi chị dự thảo");

        // A reaction, then an edit and a deletion of one's own message.
        an.click(By.cssSelector("#msg-" + firstSeq + " [data-action=react]"));
        an.click(By.cssSelector("#msg-" + firstSeq + " .chat-emoji"));
        an.waitForText(By.cssSelector("#msg-" + firstSeq + " .chat-reaction.mine"), "1");

        String replySeq = reply.getAttribute("data-seq");
        an.click(By.cssSelector("#msg-" + replySeq + " [data-action=edit]"));
        WebElement editor = an.waitFor(By.cssSelector("#msg-" + replySeq + " .chat-edit textarea"));
        editor.clear();
        editor.sendKeys("Bản sửa lần 3", Keys.ENTER);
        an.waitForText(By.cssSelector("#msg-" + replySeq + " .chat-text"), "Bản sửa lần 3");
        an.waitForText(By.cssSelector("#msg-" + replySeq + " .chat-msg-head"), "(đã sửa)");

        an.click(By.cssSelector("#msg-" + replySeq + " [data-action=delete]"));
        an.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        an.waitForText(By.cssSelector("#msg-" + replySeq + " .chat-text"), "Tin nhắn đã bị xoá.");
        assertThat(chat.after("an.nguyen", group.id(), 0, 10).messages())
                .extracting(m -> m.deleted()).containsExactly(false, true);
    }

    @Test
    void afterALostConnectionTheMissedMessagesArriveExactlyOnce() {
        long unitChannel = unitChannelOf("an.nguyen");
        Browser hong = browsers.open(baseUrl()).logIn("hong.vo", DEMO_PASSWORD);
        hong.waitFor(By.id("current-official"));
        // Keeps the page's WebSockets within reach of the test, so it can cut them as a flaky network would.
        ((org.openqa.selenium.chrome.ChromeDriver) hong.driver()).executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                        (function () {
                          var Native = window.WebSocket;
                          window.openSockets = [];
                          window.WebSocket = function (url, protocols) {
                            var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
                            window.openSockets.push(socket);
                            return socket;
                          };
                          window.WebSocket.prototype = Native.prototype;
                          ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { window.WebSocket[k] = Native[k]; });
                        })();"""));
        hong.open("/chat?channel=" + unitChannel);
        hong.waitForText(By.id("chat-status"), "Đã kết nối");
        String before = "Trước khi mất mạng " + UUID.randomUUID();
        chat.post("an.nguyen", unitChannel, new NewMessage(before, null, null));
        hong.waitFor(message(before, false));

        ((org.openqa.selenium.JavascriptExecutor) hong.driver())
                .executeScript("window.openSockets.forEach(function (s) { s.close(); });");
        hong.waitForText(By.id("chat-status"), "Mất kết nối");
        String marker = UUID.randomUUID().toString();
        for (int i = 1; i <= 3; i++) {
            chat.post("an.nguyen", unitChannel, new NewMessage("Trong lúc mất mạng " + i + " " + marker, null, null));
        }

        hong.waitForText(By.id("chat-status"), "Đã kết nối");
        for (int i = 1; i <= 3; i++) {
            hong.waitFor(message("Trong lúc mất mạng " + i + " " + marker, false));
        }
        assertThat(hong.driver().findElements(By.xpath("//article[@data-seq][contains(., '" + marker + "')]")))
                .hasSize(3);
        List<Long> shown = hong.driver().findElements(By.cssSelector("#chat-messages .chat-msg[data-seq]")).stream()
                .map(element -> Long.parseLong(element.getAttribute("data-seq"))).toList();
        assertThat(shown).doesNotHaveDuplicates().isSorted();
        assertThat(shown.get(shown.size() - 1) - shown.get(0) + 1).as("no gap").isEqualTo(shown.size());
    }

    @Test
    void searchResultLinkJumpsToTheMessageAndOlderMessagesLoadOnScrollingUp() {
        List<String> people = List.of("an.nguyen", "binh.tran", "thu.dang", "viet.lam");
        ChannelSummary group = chat.createGroup("hong.vo", "Tổ soạn thảo báo cáo " + UUID.randomUUID(), people);
        for (int i = 1; i <= 60; i++) {
            chat.post(people.get(i % people.size()), group.id(), new NewMessage("Mục số " + i + " của báo cáo", null, null));
        }

        Browser an = openChat("an.nguyen", "/chat?channel=" + group.id() + "&seq=5");
        WebElement target = an.waitFor(By.cssSelector("#msg-5.highlight"));
        assertThat(target.getText()).contains("Mục số 5 của báo cáo");
        assertThat(an.driver().findElement(By.id("msg-60")).getText()).contains("Mục số 60");

        // The newest page, then scrolling up brings the first messages, once each.
        an.open("/chat?channel=" + group.id());
        an.waitFor(By.id("msg-60"));
        assertThat(an.isPresent(By.id("msg-1"))).isFalse();
        an.waiting().until(driver -> {
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('chat-messages').scrollTop = 0;");
            return !driver.findElements(By.id("msg-1")).isEmpty();
        });
        an.waitFor(By.id("chat-beginning"));
        assertThat(an.driver().findElements(By.cssSelector("#chat-messages .chat-msg[data-seq]"))).hasSize(60);
    }

    @Test
    void onAPhoneTheChannelListAndTheConversationTakeTurns() {
        long unitChannel = unitChannelOf("an.nguyen");
        Browser an = browsers.open(baseUrl(), Browser.PHONE, "vi").logIn("an.nguyen", DEMO_PASSWORD);
        an.waitFor(By.cssSelector(".navbar-toggler"));
        an.open("/chat");
        an.waitFor(By.id("chat-channel-" + unitChannel));
        assertThat(an.driver().findElement(By.id("chat-messages")).isDisplayed()).isFalse();
        an.screenshot("chat-phone-list");

        an.click(By.id("chat-channel-" + unitChannel));
        an.waitFor(By.id("chat-input"));
        assertThat(an.driver().findElement(By.id("chat-channels")).isDisplayed()).isFalse();
        an.screenshot("chat-phone-conversation");

        an.click(By.id("chat-back"));
        an.waitFor(By.id("chat-channel-" + unitChannel));
    }

    @Test
    void aColleagueSeesWhoIsOnlineAndWhenTheyLeave() {
        ChannelSummary direct = chat.openDirect("an.nguyen", "hong.vo");
        Browser hong = openChat("hong.vo", "/chat?channel=" + direct.id());
        Browser an = openChat("an.nguyen", "/chat?channel=" + direct.id());

        // hong.vo is connected: her dot in an's list and the conversation's header say so.
        By hongsDot = By.cssSelector("#chat-channel-" + direct.id() + " [data-presence-of='hong.vo']");
        an.waiting().until(driver -> driver.findElement(hongsDot).getAttribute("class").contains("is-online"));
        an.waitForText(By.cssSelector("#chat-channel-info .chat-peer-state"), "Đang trực tuyến");
        assertThat(an.driver().findElement(hongsDot).getAttribute("aria-label")).isEqualTo("Đang trực tuyến");

        // The members dialog lists both, with their state.
        an.click(By.id("chat-members-button"));
        an.waitFor(By.cssSelector("#chat-members-list .chat-member[data-username='hong.vo'] .chat-presence.is-online"));
        assertThat(an.driver().findElement(By.cssSelector("#chat-members-list .chat-member[data-username='an.nguyen']"))
                .getText()).contains("Nguyễn Văn An (bạn)");
        an.driver().findElement(By.cssSelector("#chat-members-dialog .btn-close")).click();

        // She closes her browser: pushed to an's page, no reload.
        hong.close();
        an.waiting().until(driver -> driver.findElement(hongsDot).getAttribute("class").contains("is-offline"));
        an.waitForText(By.cssSelector("#chat-channel-info .chat-peer-state"), "Ngoại tuyến");
    }

    @Test
    void aFileReachesTheColleagueWithTheSameBytesAndAnOversizedOneIsRefusedAtOnce() throws Exception {
        ChannelSummary group = chat.createGroup("an.nguyen", "Hồ sơ dự án " + UUID.randomUUID(), List.of("hong.vo"));
        Browser hong = openChat("hong.vo", "/chat?channel=" + group.id());
        Browser an = openChat("an.nguyen", "/chat?channel=" + group.id());

        byte[] bytes = ("Tờ trình số 15/TTr-UBND về việc phê duyệt dự án " + UUID.randomUUID())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("chat-upload").resolve("Tờ trình 15.txt");
        java.nio.file.Files.write(file, bytes);
        an.type(By.id("chat-input"), "Gửi chị bản tờ trình");
        an.driver().findElement(By.id("chat-file")).sendKeys(file.toString());

        // Sent with the caption; the colleague sees it live and downloads exactly what was sent.
        WebElement mine = an.waitFor(message("Gửi chị bản tờ trình", true));
        assertThat(mine.findElement(By.cssSelector(".chat-file-name")).getText()).isEqualTo("Tờ trình 15.txt");
        WebElement theirs = hong.waitFor(By.xpath("//article[@data-seq][.//span[@class='chat-file-name']"
                + "[text()='Tờ trình 15.txt']]"));
        hong.screenshot("chat-file-received");
        String href = theirs.findElement(By.cssSelector("a.chat-file-link")).getAttribute("href");
        Object downloaded = ((org.openqa.selenium.JavascriptExecutor) hong.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { return r.arrayBuffer(); })
                  .then(function (b) { done(Array.from(new Uint8Array(b))); });""", href);
        assertThat(((List<?>) downloaded).stream().map(n -> (byte) ((Number) n).intValue()).toList())
                .containsExactlyElementsOf(toList(bytes));

        // Over the limit (20 MB): refused in the page, nothing sent, nothing stored.
        long before = chat.after("an.nguyen", group.id(), 0, 100).messages().size();
        java.nio.file.Path large = file.resolveSibling("Bản đồ quy hoạch.pdf");
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            sparse.setLength(21L * 1024 * 1024);
        }
        an.driver().findElement(By.id("chat-file")).sendKeys(large.toString());
        an.waitForText(By.id("chat-error"), "Tệp quá lớn: tối đa 20 MB, tệp Bản đồ quy hoạch.pdf nặng 21 MB");
        assertThat(an.driver().findElements(By.cssSelector("#chat-messages .chat-msg.pending"))).isEmpty();
        assertThat(chat.after("an.nguyen", group.id(), 0, 100).messages()).hasSize((int) before);
    }

    @Test
    void anOfficialStartsAGroupAndTheMembersGetItLive() {
        Browser hong = openChat("hong.vo", "/chat");
        Browser an = openChat("an.nguyen", "/chat");
        String title = "Tổ công tác chuyển đổi số " + UUID.randomUUID().toString().substring(0, 8);

        an.click(By.id("chat-new-group"));
        an.click(By.id("chat-group-create"));
        an.waitForText(By.id("chat-group-error"), "Vui lòng nhập tên nhóm");
        an.type(By.id("chat-group-title"), title);
        an.click(By.id("chat-group-create"));
        an.waitForText(By.id("chat-group-error"), "Vui lòng chọn ít nhất một thành viên");
        an.type(By.id("chat-group-search"), "Võ Thị Hồng");
        an.click(By.cssSelector("#chat-group-results button[data-username='hong.vo']"));
        an.type(By.id("chat-group-search"), "binh.tran");
        an.click(By.cssSelector("#chat-group-results button[data-username='binh.tran']"));
        assertThat(an.driver().findElements(By.cssSelector("#chat-group-chosen .chat-chip")))
                .extracting(chip -> chip.getAttribute("data-username")).containsExactly("hong.vo", "binh.tran");
        an.screenshot("chat-new-group");
        an.click(By.id("chat-group-create"));

        an.waitForText(By.id("chat-channel-title"), title);
        an.waitForUrl("channel=");
        long groupId = Long.parseLong(an.currentUrl().replaceAll(".*channel=(\\d+).*", "$1"));
        assertThat(chat.members("an.nguyen", groupId)).extracting(member -> member.username())
                .containsExactlyInAnyOrder("an.nguyen", "hong.vo", "binh.tran");
        an.type(By.id("chat-input"), "Chào cả nhóm, họp sáng thứ Hai");
        an.click(By.id("chat-send"));
        an.waitFor(message("Chào cả nhóm, họp sáng thứ Hai", true));

        // hong.vo had the page open: the group appears in her list with its unread message.
        hong.waitFor(By.cssSelector("#chat-channel-" + groupId + " .chat-unread"));
        hong.click(By.id("chat-channel-" + groupId));
        hong.waitFor(message("Chào cả nhóm, họp sáng thứ Hai", false));
    }

    @Test
    void theStarterAddsAColleagueToTheGroupAndAMemberLeavesIt() {
        ChannelSummary group = chat.createGroup("an.nguyen", "Tổ thẩm định " + UUID.randomUUID().toString()
                .substring(0, 8), List.of("hong.vo"));
        Browser an = openChat("an.nguyen", "/chat?channel=" + group.id());

        an.click(By.id("chat-members-button"));
        an.type(By.id("chat-members-search"), "binh.tran");
        an.click(By.cssSelector("#chat-members-results button[data-username='binh.tran']"));
        an.waitFor(By.cssSelector("#chat-members-list .chat-member[data-username='binh.tran']"));
        assertThat(chat.members("an.nguyen", group.id())).extracting(member -> member.username())
                .containsExactlyInAnyOrder("an.nguyen", "hong.vo", "binh.tran");

        // hong.vo does not moderate the group: no add box for her, but she may leave.
        Browser hong = openChat("hong.vo", "/chat?channel=" + group.id());
        hong.click(By.id("chat-members-button"));
        hong.waitFor(By.cssSelector("#chat-members-list .chat-member[data-username='binh.tran']"));
        assertThat(hong.driver().findElement(By.id("chat-members-add")).isDisplayed()).isFalse();
        hong.click(By.id("chat-leave"));
        hong.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        hong.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("chat-channel-" + group.id())));
        assertThat(chat.channelsOf("hong.vo")).extracting(ChannelSummary::id).doesNotContain(group.id());
        assertThat(chat.members("an.nguyen", group.id())).extracting(member -> member.username())
                .containsExactlyInAnyOrder("an.nguyen", "binh.tran");
    }

    @Test
    void theUnitAdministratorReadsWhatWasEditedAndDeletedAndTheAuthorDoesNot() {
        long unitChannel = unitChannelOf("binh.tran");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long sequence = chat.post("binh.tran", unitChannel,
                new NewMessage("Số liệu quý III: 1.250 hộ " + marker, null, null)).sequence();
        chat.edit("binh.tran", unitChannel, sequence, "Số liệu quý III: 1.520 hộ " + marker);
        chat.delete("binh.tran", unitChannel, sequence);

        Browser admin = openChat("admin.vinhloi", "/chat?channel=" + unitChannel + "&seq=" + sequence);
        admin.click(By.cssSelector("#msg-" + sequence + " [data-action=audit]"));
        admin.waitFor(By.cssSelector("#chat-audit-list .chat-audit-entry[data-action=DELETED]"));
        List<WebElement> entries = admin.driver().findElements(By.cssSelector("#chat-audit-list .chat-audit-entry"));
        assertThat(entries).extracting(entry -> entry.getAttribute("data-action")).containsExactly("EDITED", "DELETED");
        assertThat(entries.get(0).getText()).contains("1.250 hộ " + marker).contains("@binh.tran");
        assertThat(entries.get(1).getText()).contains("1.520 hộ " + marker);
        admin.screenshot("chat-audit-trail");

        // The author is no administrator: the message says it was deleted, and nothing more.
        Browser binh = openChat("binh.tran", "/chat?channel=" + unitChannel + "&seq=" + sequence);
        binh.waitForText(By.cssSelector("#msg-" + sequence + " .chat-text"), "Tin nhắn đã bị xoá.");
        assertThat(binh.isPresent(By.cssSelector("#msg-" + sequence + " [data-action=audit]"))).isFalse();
        assertThat(binh.pageText()).doesNotContain("1.250 hộ " + marker).doesNotContain("1.520 hộ " + marker);
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new java.util.ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    private Browser openChat(String username, String path) {
        Browser browser = browsers.open(baseUrl()).logIn(username, DEMO_PASSWORD);
        browser.waitFor(By.id("current-official"));
        browser.open(path);
        browser.waitForText(By.id("chat-status"), "Đã kết nối");
        return browser;
    }

    /** A stored message (with a sequence) containing the text; {@code own}: written by the browser's official. */
    private static By message(String text, boolean own) {
        return By.xpath("//article[contains(concat(' ', @class, ' '), ' chat-msg ')][@data-seq]"
                + (own ? "[contains(concat(' ', @class, ' '), ' own ')]" : "")
                + "[.//div[contains(@class, 'chat-text')][contains(., " + xpathLiteral(text) + ")]]");
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "concat('" + text.replace("'", "', \"'\", '") + "')" : "'" + text + "'";
    }

    private long unitChannelOf(String username) {
        long unitId = official(username).unitId();
        return chat.channelsOf(username).stream()
                .filter(channel -> channel.kind() == ChannelKind.UNIT && Long.valueOf(unitId).equals(channel.unitId()))
                .findFirst().orElseThrow(() -> new AssertionError("No unit channel for " + username)).id();
    }
}
