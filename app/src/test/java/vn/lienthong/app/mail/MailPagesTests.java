package vn.lienthong.app.mail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import vn.lienthong.mail.CalendarPart;
import vn.lienthong.mail.Draft;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessageSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webmail's pages as the server draws them: the folder list and message list, the reading view and its
 * sandboxed body, the toolbar's changes, the compose form for a reply, the archive's link, the top bar's count and
 * the settings page with app passwords.
 */
class MailPagesTests extends MailTestSupport {

    private static final String READER = "thu.dang";

    @Test
    void listShowsFoldersCountsAndUnreadMessagesInBoldWithVietnameseDates() throws Exception {
        String subject = unique("Lịch trực Tết");
        send("hong.vo", subject, "Lịch trực Tết Nguyên đán.", address(READER));
        awaitMessage(READER, Mailboxes.INBOX, subject);

        String html = page("/mail");
        assertThat(html).contains("Hộp thư đến", "Đã gửi", "Thư nháp", "Thùng rác", subject, "mail-row unread",
                "/js/mail.js", "id=\"nav-mail-unread\"");
        assertThat(html).containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(html).doesNotContain("Đang xây dựng", "<script>", "style=\"");
        assertThat(mvc.perform(get("/mail?lang=en").with(sessionOf(READER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Inbox", "Trash", "Compose");
    }

    @Test
    void topBarCountsUnreadMailOnOtherPages() throws Exception {
        String subject = unique("Đếm thư chưa đọc");
        send("hong.vo", subject, "...", address("duc.duong"));
        awaitMessage("duc.duong", Mailboxes.INBOX, subject);

        String home = mvc.perform(get("/").with(sessionOf("duc.duong"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).containsPattern("id=\"nav-mail-unread\"[^>]*>[1-9]");
    }

    @Test
    void messageBodyIsServedInASandboxWithItsOwnStrictPolicy() throws Exception {
        String subject = unique("Thư có HTML");
        deliverOverSmtp("hong.vo", message -> {
            message.setSubject(subject, "UTF-8");
            message.setContent("<p>Xin chào <b>anh chị</b></p><script>alert(1)</script>"
                    + "<img src=\"https://example.com/a.png\" onerror=\"alert(2)\">", "text/html; charset=UTF-8");
        }, address(READER));
        long uid = awaitMessage(READER, Mailboxes.INBOX, subject).uid();

        String reading = page("/mail/message?folder=INBOX&uid=" + uid);
        assertThat(reading).contains("id=\"mail-body-frame\"", "sandbox=\"allow-same-origin allow-popups "
                + "allow-popups-to-escape-sandbox\"", "Hiện hình ảnh bên ngoài").doesNotContain("alert(");

        MockHttpServletResponse body = mvc.perform(get("/mail/message/body").param("folder", "INBOX")
                        .param("uid", Long.toString(uid)).with(sessionOf(READER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.startsWith("default-src 'none'; img-src data: cid:;")))
                .andReturn().getResponse();
        assertThat(body.getHeader("Content-Security-Policy")).contains("sandbox allow-same-origin")
                .doesNotContain("allow-scripts", "script-src");
        assertThat(body.getContentAsString()).contains("<b>anh chị</b>", "data-remote-src=\"https://example.com/a.png\"")
                .doesNotContain("<script", "onerror", "alert(");

        MockHttpServletResponse withImages = mvc.perform(get("/mail/message/body").param("folder", "INBOX")
                        .param("uid", Long.toString(uid)).param("images", "true").with(sessionOf(READER)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(withImages.getHeader("Content-Security-Policy")).contains("img-src data: cid: http: https:");
        assertThat(withImages.getContentAsString()).contains("src=\"https://example.com/a.png\"");
    }

    @Test
    void toolbarMarksUnreadStarsMovesAndDeletes() throws Exception {
        String subject = unique("Công văn cần xử lý");
        send("hong.vo", subject, "...", address(READER));
        long uid = awaitMessage(READER, Mailboxes.INBOX, subject).uid();
        String u = Long.toString(uid);

        mvc.perform(post("/mail/actions").param("folder", "INBOX").param("uid", u).param("action", "flag")
                        .param("from", "message").with(sessionOf(READER)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/mail/message?folder=INBOX&uid=" + u + "&page=1"));
        assertThat(find(READER, Mailboxes.INBOX, subject).orElseThrow().flagged()).isTrue();
        mvc.perform(post("/mail/actions").param("folder", "INBOX").param("uid", u).param("action", "read")
                        .with(sessionOf(READER)).with(csrf()))
                .andExpect(redirectedUrl("/mail?folder=INBOX&page=1"));
        assertThat(find(READER, Mailboxes.INBOX, subject).orElseThrow().seen()).isTrue();

        mvc.perform(post("/mail/actions").param("folder", "INBOX").param("uid", u).param("action", "delete")
                        .with(sessionOf(READER)).with(csrf()))
                .andExpect(redirectedUrl("/mail?folder=INBOX&page=1"))
                .andExpect(flash().attribute("notice", "mail.notice.deleted"));
        MessageSummary inTrash = find(READER, Mailboxes.TRASH, subject).orElseThrow();
        assertThat(find(READER, Mailboxes.INBOX, subject)).isEmpty();

        mvc.perform(post("/mail/actions").param("folder", "Trash").param("uid", Long.toString(inTrash.uid()))
                        .param("action", "move").param("target", "INBOX").with(sessionOf(READER)).with(csrf()))
                .andExpect(flash().attribute("notice", "mail.notice.moved"));
        assertThat(find(READER, Mailboxes.INBOX, subject)).isPresent();

        mvc.perform(post("/mail/actions").param("folder", "INBOX").param("action", "delete")
                        .with(sessionOf(READER)).with(csrf()))
                .andExpect(flash().attribute("errorKey", "mail.notice.noneChosen"));
    }

    @Test
    void emptyingTheTrashAsksFirstAndThenDeletesEverythingThere() throws Exception {
        String subject = unique("Thư rác");
        send("hong.vo", subject, "...", address("phuc.huynh"));
        long uid = awaitMessage("phuc.huynh", Mailboxes.INBOX, subject).uid();
        mailboxes.delete("phuc.huynh", Mailboxes.INBOX, uid);

        String trash = mvc.perform(get("/mail?folder=Trash").with(sessionOf("phuc.huynh")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(trash).contains("id=\"mail-empty-trash\"", "data-confirm=\"Xóa vĩnh viễn mọi thư trong Thùng rác?");

        mvc.perform(post("/mail/trash/empty").with(sessionOf("phuc.huynh")).with(csrf()))
                .andExpect(redirectedUrl("/mail?folder=Trash"))
                .andExpect(flash().attribute("notice", "mail.notice.emptied"));
        assertThat(mailboxes.list("phuc.huynh", Mailboxes.TRASH, 1, 50).total()).isZero();
    }

    @Test
    void composeStartsAReplyWithReAndTheSenderAndAnsweringMarksTheMessage() throws Exception {
        String subject = unique("Đề nghị góp ý");
        send("hong.vo", subject, "Đề nghị anh chị góp ý dự thảo.", address(READER));
        long uid = awaitMessage(READER, Mailboxes.INBOX, subject).uid();

        String form = page("/mail/compose?folder=INBOX&reply=" + uid);
        assertThat(form).contains("value=\"Re: " + subject + "\"", address("hong.vo"), "name=\"replyUid\" value=\"" + uid
                + "\"", "Đề nghị anh chị góp ý dự thảo.", "data-max-size=\"26214400\"");

        mvc.perform(post("/mail/send").param("to", address("hong.vo")).param("subject", "Re: " + subject)
                        .param("text", "Em xin góp ý như sau.").param("replyFolder", "INBOX")
                        .param("replyUid", Long.toString(uid)).with(sessionOf(READER)).with(csrf()))
                .andExpect(redirectedUrl("/mail?folder=Sent"))
                .andExpect(flash().attribute("notice", "mail.notice.sent"));
        assertThat(find(READER, Mailboxes.INBOX, subject).orElseThrow().answered()).isTrue();
        awaitMessage("hong.vo", Mailboxes.INBOX, "Re: " + subject);
    }

    @Test
    void forwardCarriesTheAttachmentsByReferenceFromTheOfficialsOwnMailbox() throws Exception {
        String subject = unique("Tài liệu hội nghị");
        awaitMailbox("hong.vo");
        mailboxes.send("hong.vo", Draft.of(List.of(address(READER)), subject, "Gửi tài liệu.")
                .withAttachments(List.of(new Draft.Attachment("tai-lieu.pdf", "application/pdf", MailApiTests.PDF))));
        long uid = awaitMessage(READER, Mailboxes.INBOX, subject).uid();

        String form = page("/mail/compose?folder=INBOX&forward=" + uid);
        String keep = form.replaceAll("(?s).*name=\"keep\" value=\"([^\"]+)\".*", "$1");
        assertThat(form).contains("value=\"Fwd: " + subject + "\"", "tai-lieu.pdf");
        assertThat(keep).isEqualTo(uid + ":" + MailApiTests.partOf(mailboxes.read(READER, Mailboxes.INBOX, uid),
                "tai-lieu.pdf") + ":INBOX");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/mail/send")
                        .param("to", address("duc.duong")).param("subject", "Fwd: " + subject)
                        .param("text", "Chuyển anh Đức.").param("keep", keep).with(sessionOf(READER)).with(csrf()))
                .andExpect(status().isOk());
        long forwarded = awaitMessage("duc.duong", Mailboxes.INBOX, "Fwd: " + subject).uid();
        var received = mailboxes.read("duc.duong", Mailboxes.INBOX, forwarded);
        assertThat(mailboxes.attachment("duc.duong", Mailboxes.INBOX, forwarded,
                MailApiTests.partOf(received, "tai-lieu.pdf")).content()).isEqualTo(MailApiTests.PDF);
    }

    @Test
    void directoryLinksWriteToAnOfficialInTheWebmail() throws Exception {
        awaitMailbox(READER);
        String profile = page("/directory/officials/" + official("binh.tran").id());
        String link = profile.replaceAll("(?s).*href=\"(/mail/compose\\?to=[^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(link).startsWith("/mail/compose?to=");

        String form = mvc.perform(get(java.net.URI.create(link)).with(sessionOf(READER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"Trần Thị Bình &lt;" + address("binh.tran") + "&gt;\"");
    }

    @Test
    void refusedSendShowsTheFormAgainWithTheReasonAndEverythingTyped() throws Exception {
        String html = mvc.perform(post("/mail/send").param("to", "không phải địa chỉ").param("subject", "Giữ nguyên")
                        .param("text", "Nội dung không được mất").with(sessionOf(READER)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Địa chỉ người nhận không hợp lệ", "value=\"không phải địa chỉ\"",
                "value=\"Giữ nguyên\"", "Nội dung không được mất");
    }

    @Test
    void calendarInvitationIsAnnouncedWithABannerAndItsIcsFile() throws Exception {
        String subject = unique("Mời họp trực tuyến");
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lien Thong//Test//VI",
                "METHOD:REQUEST", "BEGIN:VEVENT", "UID:" + subject.hashCode() + "@baclieu.gov.vn",
                "DTSTAMP:20261128T010000Z", "DTSTART:20261201T020000Z", "DTEND:20261201T030000Z",
                "SUMMARY:Họp giao ban", "ORGANIZER:mailto:" + address("hong.vo"),
                "ATTENDEE:mailto:" + address(READER), "END:VEVENT", "END:VCALENDAR", "");
        awaitMailbox("hong.vo");
        mailboxes.send("hong.vo", Draft.of(List.of(address(READER)), subject, "Kính mời dự họp giao ban.")
                .withCalendar(CalendarPart.request(ics)));
        long uid = awaitMessage(READER, Mailboxes.INBOX, subject).uid();

        String html = page("/mail/message?folder=INBOX&uid=" + uid);
        assertThat(html).contains("id=\"mail-invite\"", "Thư mời họp", "Tải invite.ics");
        assertThat(page("/mail/message?folder=INBOX&uid=" + uid + "&lang=en")).contains("Meeting invitation");
    }

    @Test
    void archiveLinkOpensTheMessageInTheOfficialsOwnFolder() throws Exception {
        String subject = unique("Thư tìm thấy trong lưu trữ");
        send("hong.vo", subject, "...", address(READER));
        long uid = awaitMessage(READER, Mailboxes.INBOX, subject).uid();
        String messageId = mailboxes.read(READER, Mailboxes.INBOX, uid).messageId();

        mvc.perform(get("/mail/open").param("messageId", messageId).with(sessionOf(READER)))
                .andExpect(redirectedUrl("/mail/message?folder=INBOX&uid=" + uid));
        mvc.perform(get("/mail/open").param("messageId", "<khong-co@baclieu.gov.vn>").with(sessionOf(READER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void draftsOpenInTheComposeFormAndUnknownMessagesAreAFriendly404() throws Exception {
        awaitMailbox(READER);
        long draftUid = mailboxes.saveDraft(READER, Draft.of(List.of(address("hong.vo")), "Nháp dở dang", "Viết tiếp"));
        mvc.perform(get("/mail/message").param("folder", "Drafts").param("uid", Long.toString(draftUid))
                        .with(sessionOf(READER)))
                .andExpect(redirectedUrl("/mail/compose?draft=" + draftUid));
        assertThat(page("/mail/compose?draft=" + draftUid)).contains("value=\"Nháp dở dang\"", "Viết tiếp",
                "id=\"compose-draft-uid\" value=\"" + draftUid + "\"");

        String missing = mvc.perform(get("/mail/message").param("folder", "INBOX").param("uid", "99999999")
                        .with(sessionOf(READER)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("Không tìm thấy trang").doesNotContain("Exception", "IMAP", "BAD");
    }

    @Test
    void settingsShowANewAppPasswordOnceListItAndRevokeIt() throws Exception {
        awaitMailbox(READER);
        String settings = page("/mail/settings");
        assertThat(settings).contains("Cài đặt thư", "Mật khẩu ứng dụng", address(READER), "Cài đặt Thunderbird");

        MockHttpServletResponse created = mvc.perform(post("/mail/settings/app-passwords")
                        .param("label", "Thunderbird máy văn phòng").with(sessionOf(READER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse();
        String html = created.getContentAsString();
        assertThat(html).contains("id=\"app-password-value\"", "Thunderbird máy văn phòng", "chỉ hiện một lần");
        String password = html.replaceAll("(?s).*id=\"app-password-value\">([^<]+)<.*", "$1");
        assertThat(password).isNotBlank().hasSizeGreaterThanOrEqualTo(16);

        String later = page("/mail/settings");
        assertThat(later).contains("Thunderbird máy văn phòng").doesNotContain(password);
        String id = later.replaceAll("(?s).*class=\"app-password\" data-id=\"([^\"]+)\".*", "$1");

        mvc.perform(post("/mail/settings/app-passwords/" + id + "/revoke").with(sessionOf(READER)).with(csrf()))
                .andExpect(redirectedUrl("/mail/settings"))
                .andExpect(flash().attribute("notice", "mail.settings.revoked"));
        assertThat(page("/mail/settings")).doesNotContain("data-id=\"" + id + "\"");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(sessionOf(READER)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
