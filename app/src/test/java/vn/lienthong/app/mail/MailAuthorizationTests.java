package vn.lienthong.app.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessageSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nobody reaches a mailbox but its owner. The webmail opens IMAP as the signed-in official, so a folder and UID
 * from the request are always looked up in the caller's own mailbox: another official's UID is a 404, exactly like
 * a UID that never existed, and the other official's message stays as it was. Anonymous visitors are sent to the
 * login (pages) or get 401 (API); changes need the CSRF token with a browser session.
 */
class MailAuthorizationTests extends MailTestSupport {

    /** The victim: a message in binh.tran's Hộp thư đến. */
    private static final String OWNER = "binh.tran";
    /** The snooper: khanh.to, whose own Hộp thư đến no test writes to. */
    private static final String OTHER = "khanh.to";

    @Test
    void anotherOfficialsMessageIsNotFoundAnywhereAndStaysUntouched() throws Exception {
        awaitMailbox(OTHER);
        // UIDs count per mailbox: the victim's message must have a UID the snooper's own Hộp thư đến does not.
        long snoopersHighest = mailboxes.list(OTHER, Mailboxes.INBOX, 1, 1).messages().stream()
                .mapToLong(MessageSummary::uid).max().orElse(0);
        String subject;
        long uid;
        do {
            subject = unique("Hồ sơ mật của chị Bình");
            mailboxes.send("an.nguyen", vn.lienthong.mail.Draft.of(List.of(address(OWNER)), subject, "Nội dung mật")
                    .withAttachments(List.of(new vn.lienthong.mail.Draft.Attachment("mat.pdf", "application/pdf",
                            MailApiTests.PDF))));
            uid = awaitMessage(OWNER, Mailboxes.INBOX, subject).uid();
        } while (uid <= snoopersHighest);
        String u = Long.toString(uid);
        String messageId = mailboxes.read(OWNER, Mailboxes.INBOX, uid).messageId();
        mailboxes.markSeen(OWNER, Mailboxes.INBOX, uid, false);

        List<MockHttpServletRequestBuilder> attempts = List.of(
                get("/api/v1/mail/messages/" + u).param("folder", Mailboxes.INBOX),
                get("/api/v1/mail/messages/" + u + "/attachments/2").param("folder", Mailboxes.INBOX),
                post("/api/v1/mail/messages/" + u + "/flags").param("folder", Mailboxes.INBOX)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"flagged\": true, \"seen\": true}"),
                post("/api/v1/mail/messages/" + u + "/move").param("folder", Mailboxes.INBOX)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\": \"Trash\"}"),
                delete("/api/v1/mail/messages/" + u).param("folder", Mailboxes.INBOX),
                get("/api/v1/mail/templates/reply").param("folder", Mailboxes.INBOX).param("uid", u),
                get("/api/v1/mail/templates/forward").param("folder", Mailboxes.INBOX).param("uid", u),
                get("/mail/message").param("folder", Mailboxes.INBOX).param("uid", u),
                get("/mail/message/body").param("folder", Mailboxes.INBOX).param("uid", u),
                get("/mail/attachment").param("folder", Mailboxes.INBOX).param("uid", u).param("part", "2"),
                get("/mail/compose").param("folder", Mailboxes.INBOX).param("reply", u),
                get("/mail/compose").param("folder", Mailboxes.INBOX).param("forward", u),
                get("/mail/open").param("messageId", messageId),
                post("/mail/actions").param("folder", Mailboxes.INBOX).param("uid", u).param("action", "flag"),
                post("/mail/actions").param("folder", Mailboxes.INBOX).param("uid", u).param("action", "delete"),
                post("/mail/actions").param("folder", Mailboxes.INBOX).param("uid", u).param("action", "move")
                        .param("target", Mailboxes.TRASH));
        for (MockHttpServletRequestBuilder attempt : attempts) {
            MockHttpServletResponse response = mvc.perform(attempt.with(sessionOf(OTHER)).with(csrf()))
                    .andExpect(status().isNotFound()).andReturn().getResponse();
            assertThat(response.getContentAsString()).doesNotContain(subject, "Nội dung mật", "mat.pdf");
        }

        // Carrying the other's attachment into one's own message, or answering the other's message: refused too.
        mvc.perform(multipart("/api/v1/mail/send").param("to", address(OTHER)).param("subject", "Lấy trộm")
                        .param("keep", u + ":2:" + Mailboxes.INBOX).with(sessionOf(OTHER)).with(csrf()))
                .andExpect(status().is4xxClientError());
        mvc.perform(multipart("/api/v1/mail/drafts").param("subject", "Trả lời trộm")
                        .param("replyFolder", Mailboxes.INBOX).param("replyUid", u).with(sessionOf(OTHER)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(find(OTHER, Mailboxes.SENT, "Lấy trộm")).isEmpty();

        MessageSummary after = find(OWNER, Mailboxes.INBOX, subject).orElseThrow();
        assertThat(after.uid()).isEqualTo(uid);
        assertThat(after.seen()).as("still unread").isFalse();
        assertThat(after.flagged()).as("not flagged").isFalse();
        assertThat(find(OWNER, Mailboxes.TRASH, subject)).as("not moved").isEmpty();
        MailMessage intact = mailboxes.read(OWNER, Mailboxes.INBOX, uid);
        assertThat(intact.attachments()).extracting(MailMessage.Attachment::fileName).containsExactly("mat.pdf");
    }

    @Test
    void foldersOfAnotherNamespaceAreRefused() throws Exception {
        awaitMailbox(OTHER);
        for (String folder : List.of("#user." + address(OWNER) + ".INBOX", "#private.INBOX", "*", "%")) {
            MockHttpServletResponse response = mvc.perform(get("/api/v1/mail/messages").param("folder", folder)
                            .with(sessionOf(OTHER)))
                    .andExpect(status().is4xxClientError()).andReturn().getResponse();
            assertThat(response.getStatus()).as(folder).isIn(400, 404);
        }
    }

    @TestFactory
    Stream<DynamicTest> anonymousVisitorsAreSentToTheLoginOrGet401() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String page : List.of("/mail", "/mail/message?folder=INBOX&uid=1", "/mail/message/body?uid=1",
                "/mail/attachment?uid=1&part=2", "/mail/compose", "/mail/open?messageId=x", "/mail/settings")) {
            tests.add(DynamicTest.dynamicTest("page " + page, () -> {
                String location = mvc.perform(get(page).accept(MediaType.TEXT_HTML))
                        .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
                assertThat(location).containsAnyOf("/oauth2/authorization/", "/login");
            }));
        }
        List<MockHttpServletRequestBuilder> api = List.of(get("/api/v1/mail/folders"),
                get("/api/v1/mail/messages"), get("/api/v1/mail/messages/1"),
                get("/api/v1/mail/messages/1/attachments/2"), get("/api/v1/mail/recipients?q=binh"),
                post("/api/v1/mail/messages/1/flags").contentType(MediaType.APPLICATION_JSON).content("{}"),
                post("/api/v1/mail/trash/empty"), multipart("/api/v1/mail/send").param("to", "x@y.vn"),
                multipart("/api/v1/mail/drafts"), delete("/api/v1/mail/messages/1"));
        for (MockHttpServletRequestBuilder request : api) {
            tests.add(DynamicTest.dynamicTest("api " + request.buildRequest(new org.springframework.mock.web
                    .MockServletContext()).getRequestURI(), () -> mvc.perform(request.with(csrf()))
                    .andExpect(status().isUnauthorized())));
        }
        return tests.stream();
    }

    @Test
    void changesWithABrowserSessionNeedTheCsrfToken() throws Exception {
        String subject = unique("Không xoá được khi thiếu CSRF");
        send("hong.vo", subject, "...", address(OTHER));
        long uid = awaitMessage(OTHER, Mailboxes.INBOX, subject).uid();

        mvc.perform(delete("/api/v1/mail/messages/" + uid).param("folder", Mailboxes.INBOX).with(sessionOf(OTHER)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/mail/trash/empty").with(sessionOf(OTHER)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/mail/send").param("to", address(OWNER)).param("subject", subject)
                        .with(sessionOf(OTHER)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/mail/actions").param("folder", Mailboxes.INBOX).param("uid", Long.toString(uid))
                        .param("action", "delete").with(sessionOf(OTHER)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/mail/trash/empty").with(sessionOf(OTHER)))
                .andExpect(status().isForbidden());
        assertThat(find(OTHER, Mailboxes.INBOX, subject)).as("nothing deleted").isPresent();

        // A bearer token cannot be sent by another site's form: no CSRF token needed.
        mvc.perform(post("/api/v1/mail/messages/" + uid + "/flags").param("folder", Mailboxes.INBOX)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"flagged\": true}")
                        .with(bearerOf(OTHER)))
                .andExpect(status().isNoContent());
        assertThat(find(OTHER, Mailboxes.INBOX, subject).orElseThrow().flagged()).isTrue();
    }
}
