package vn.lienthong.app.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import vn.lienthong.app.support.Users;
import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessageSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webmail's JSON API against the suite's real James: recipients from the directory, sending with attachments,
 * drafts, flags, moving, deleting and emptying the trash; errors as RFC 7807 problems.
 */
class MailApiTests extends MailTestSupport {

    /** A small PDF; like real ones, its second line has bytes above 127 so that it travels as binary. */
    static final byte[] PDF = ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    ObjectMapper json;

    /** The part id of the attachment with this name. */
    static String partOf(MailMessage message, String fileName) {
        return message.attachments().stream().filter(a -> a.fileName().equals(fileName)).findFirst()
                .orElseThrow().partId();
    }

    @Test
    void recipientCompletionFindsOfficialsAndUnitAddressesWithoutToneMarks() throws Exception {
        mvc.perform(get("/api/v1/mail/recipients").param("q", "binh").with(Users.OFFICIAL.session()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.address == '" + address("binh.tran") + "')].name").value("Trần Thị Bình"))
                .andExpect(jsonPath("$[?(@.address == '" + address("binh.tran") + "')].value")
                        .value("Trần Thị Bình <" + address("binh.tran") + ">"))
                .andExpect(jsonPath("$[?(@.address == '" + address("binh.tran") + "')].kind").value("OFFICIAL"));

        mvc.perform(get("/api/v1/mail/recipients").param("q", "vinh loi").with(Users.OFFICIAL.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'UNIT')].address", hasItem("vanphong@vinhloi.baclieu.gov.vn")));

        mvc.perform(get("/api/v1/mail/recipients").param("q", "b").with(Users.OFFICIAL.session()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void sendsWithAnAttachmentThatTheRecipientReadsAndDownloads() throws Exception {
        String subject = unique("Báo cáo quý III");
        mvc.perform(multipart("/api/v1/mail/send")
                        .file(new MockMultipartFile("files", "bao-cao-quy-3.pdf", "application/pdf", PDF))
                        .param("to", "Trần Thị Bình <" + address("binh.tran") + ">")
                        .param("subject", subject).param("text", "Kính gửi chị Bình báo cáo quý III.")
                        .with(Users.OFFICIAL.session()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.copyIn").value(Mailboxes.SENT));

        MessageSummary received = awaitMessage("binh.tran", Mailboxes.INBOX, subject);
        assertThat(received.seen()).isFalse();
        String body = mvc.perform(get("/api/v1/mail/messages/" + received.uid()).param("folder", Mailboxes.INBOX)
                        .with(Users.OTHER_OFFICIAL.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value(subject))
                .andExpect(jsonPath("$.from").value(org.hamcrest.Matchers.containsString(address("an.nguyen"))))
                .andExpect(jsonPath("$.attachments[0].fileName").value("bao-cao-quy-3.pdf"))
                .andReturn().getResponse().getContentAsString();
        String part = json.readTree(body).at("/attachments/0/partId").asText();

        MockHttpServletResponse download = mvc.perform(get("/api/v1/mail/messages/" + received.uid()
                        + "/attachments/" + part).param("folder", Mailboxes.INBOX).with(Users.OTHER_OFFICIAL.session()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(find("binh.tran", Mailboxes.INBOX, subject).orElseThrow().seen()).as("read marks it seen").isTrue();
        assertThat(find("an.nguyen", Mailboxes.SENT, subject)).as("copy in Đã gửi").isPresent();
    }

    @Test
    void oversizedMessageIsRefusedInVietnameseAndTheDraftIsKept() throws Exception {
        String subject = unique("Hồ sơ dự án lớn");
        JsonNode saved = json.readTree(mvc.perform(multipart("/api/v1/mail/drafts")
                        .param("to", address("binh.tran")).param("subject", subject).param("text", "Bản nháp")
                        .with(Users.OFFICIAL.session()).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        long draftUid = saved.get("draftUid").asLong();
        assertThat(draftUid).isPositive();

        // Base64 makes 20 MB of attachment about 27 MB of message: over the 25 MB limit.
        byte[] large = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(large);
        mvc.perform(multipart("/api/v1/mail/send")
                        .file(new MockMultipartFile("files", "ban-ve.zip", "application/zip", large))
                        .param("to", address("binh.tran")).param("subject", subject).param("text", "Bản nháp")
                        .param("draftUid", Long.toString(draftUid))
                        .with(Users.OFFICIAL.session()).with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(header().string("Content-Type", startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)))
                .andExpect(jsonPath("$.title").value("Thư quá lớn"))
                .andExpect(jsonPath("$.detail").value(startsWith("Thư quá lớn: ")))
                .andExpect(jsonPath("$.kind").value("TOO_LARGE"))
                .andExpect(jsonPath("$.field").value("files"));

        assertThat(mailboxes.list("an.nguyen", Mailboxes.DRAFTS, 1, 50).messages())
                .extracting(MessageSummary::uid).as("the draft is still in Thư nháp").contains(draftUid);
        assertThat(find("an.nguyen", Mailboxes.SENT, subject)).as("nothing sent").isEmpty();
    }

    @Test
    void savingADraftAgainReplacesItsPreviousVersionAndKeepsTheAttachments() throws Exception {
        String subject = unique("Dự thảo công văn");
        JsonNode first = json.readTree(mvc.perform(multipart("/api/v1/mail/drafts")
                        .file(new MockMultipartFile("files", "du-thao.pdf", "application/pdf", PDF))
                        .param("subject", subject).param("text", "Lần 1")
                        .with(Users.OFFICIAL.session()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attachments[0].fileName").value("du-thao.pdf"))
                .andReturn().getResponse().getContentAsString());
        long firstUid = first.get("draftUid").asLong();
        String keep = first.at("/attachments/0/ref").asText();
        assertThat(keep).startsWith(firstUid + ":").endsWith(":" + Mailboxes.DRAFTS);

        JsonNode second = json.readTree(mvc.perform(multipart("/api/v1/mail/drafts")
                        .param("subject", subject).param("text", "Lần 2").param("keep", keep)
                        .param("draftUid", Long.toString(firstUid))
                        .with(Users.OFFICIAL.session()).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        long secondUid = second.get("draftUid").asLong();

        List<Long> drafts = mailboxes.list("an.nguyen", Mailboxes.DRAFTS, 1, 50).messages().stream()
                .map(MessageSummary::uid).toList();
        assertThat(drafts).contains(secondUid).doesNotContain(firstUid);
        MailMessage draft = mailboxes.read("an.nguyen", Mailboxes.DRAFTS, secondUid);
        assertThat(draft.text()).contains("Lần 2");
        assertThat(draft.attachments()).extracting(MailMessage.Attachment::fileName).containsExactly("du-thao.pdf");
    }

    @Test
    void flagsMovesDeletesAndEmptiesTheTrash() throws Exception {
        // A message that stays, so that Hộp thư đến never runs empty here (that case has its own test).
        String keeper = unique("Thư giữ lại");
        send("hong.vo", keeper, "...", address("an.nguyen"));
        awaitMessage("an.nguyen", Mailboxes.INBOX, keeper);
        String subject = unique("Giấy mời họp giao ban");
        send("hong.vo", subject, "Mời anh An dự họp.", address("an.nguyen"));
        long uid = awaitMessage("an.nguyen", Mailboxes.INBOX, subject).uid();

        mvc.perform(post("/api/v1/mail/messages/" + uid + "/flags").param("folder", Mailboxes.INBOX)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"flagged\": true, \"seen\": true}")
                        .with(Users.OFFICIAL.session()).with(csrf()))
                .andExpect(status().isNoContent());
        MessageSummary flagged = find("an.nguyen", Mailboxes.INBOX, subject).orElseThrow();
        assertThat(flagged.flagged()).isTrue();
        assertThat(flagged.seen()).isTrue();
        mvc.perform(post("/api/v1/mail/messages/" + uid + "/flags").param("folder", Mailboxes.INBOX)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"seen\": false}")
                        .with(Users.OFFICIAL.bearer()))
                .andExpect(status().isNoContent());
        assertThat(find("an.nguyen", Mailboxes.INBOX, subject).orElseThrow().seen()).isFalse();
        mvc.perform(post("/api/v1/mail/messages/" + uid + "/flags").param("folder", Mailboxes.INBOX)
                        .contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(Users.OFFICIAL.session()).with(csrf()))
                .andExpect(status().isBadRequest());

        String moved = mvc.perform(post("/api/v1/mail/messages/" + uid + "/move").param("folder", Mailboxes.INBOX)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\": \"Trash\"}")
                        .with(Users.OFFICIAL.session()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.folder").value(Mailboxes.TRASH))
                .andReturn().getResponse().getContentAsString();
        long inTrash = json.readTree(moved).get("uid").asLong();
        assertThat(find("an.nguyen", Mailboxes.INBOX, subject)).isEmpty();
        assertThat(find("an.nguyen", Mailboxes.TRASH, subject).orElseThrow().uid()).isEqualTo(inTrash);

        // In Thùng rác, delete is for good.
        mvc.perform(delete("/api/v1/mail/messages/" + inTrash).param("folder", Mailboxes.TRASH)
                        .with(Users.OFFICIAL.session()).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(find("an.nguyen", Mailboxes.TRASH, subject)).isEmpty();

        // Elsewhere, delete moves to Thùng rác; emptying it removes everything there.
        String second = unique("Thông báo nghỉ lễ");
        send("hong.vo", second, "Nghỉ lễ 2/9.", address("an.nguyen"));
        long secondUid = awaitMessage("an.nguyen", Mailboxes.INBOX, second).uid();
        mvc.perform(delete("/api/v1/mail/messages/" + secondUid).param("folder", Mailboxes.INBOX)
                        .with(Users.OFFICIAL.session()).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(find("an.nguyen", Mailboxes.TRASH, second)).isPresent();
        String emptied = mvc.perform(post("/api/v1/mail/trash/empty").with(Users.OFFICIAL.session()).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(emptied).get("deleted").asInt()).isPositive();
        assertThat(mailboxes.list("an.nguyen", Mailboxes.TRASH, 1, 50).total()).isZero();
    }

    @Test
    void deletingTheLastMessageOfAFolderMovesItToTheTrash() throws Exception {
        // admin.donghai's Hộp thư đến gets mail from no other test: the first message has UID 1 at position 1, the
        // second UID 2 at position 1 once the first is gone. Deleting it empties the folder.
        String username = "admin.donghai";
        for (String subject : List.of(unique("Thư thứ nhất"), unique("Thư thứ hai"))) {
            send("hong.vo", subject, "...", address(username));
            long uid = awaitMessage(username, Mailboxes.INBOX, subject).uid();
            mvc.perform(delete("/api/v1/mail/messages/" + uid).param("folder", Mailboxes.INBOX)
                            .with(bearerOf(username)))
                    .andExpect(status().isNoContent());
            assertThat(find(username, Mailboxes.INBOX, subject)).isEmpty();
            assertThat(find(username, Mailboxes.TRASH, subject)).isPresent();
        }
    }

    @Test
    void listsFoldersWithCountsAndPagesNewestFirst() throws Exception {
        String older = unique("Thư cũ");
        String newer = unique("Thư mới");
        send("hong.vo", older, "1", address("viet.lam"));
        awaitMessage("viet.lam", Mailboxes.INBOX, older);
        send("hong.vo", newer, "2", address("viet.lam"));
        awaitMessage("viet.lam", Mailboxes.INBOX, newer);

        mvc.perform(get("/api/v1/mail/folders").with(sessionOf("viet.lam")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value(Mailboxes.INBOX))
                .andExpect(jsonPath("$[0].displayName").value("Hộp thư đến"))
                .andExpect(jsonPath("$[?(@.name == 'Trash')].special").value(true));
        String page = mvc.perform(get("/api/v1/mail/messages").param("folder", Mailboxes.INBOX).param("size", "1")
                        .with(sessionOf("viet.lam")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(page).at("/messages/0/subject").asText()).isEqualTo(newer);
        assertThat(json.readTree(page).get("total").asInt()).isGreaterThanOrEqualTo(2);

        mvc.perform(get("/api/v1/mail/messages").param("folder", Mailboxes.INBOX).param("size", "500")
                        .with(sessionOf("viet.lam")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.kind").value("INVALID"));
    }

    @Test
    void unknownFolderOrMessageIsANotFoundProblem() throws Exception {
        awaitMailbox("an.nguyen");
        mvc.perform(get("/api/v1/mail/messages").param("folder", "Không có thư mục này").with(Users.OFFICIAL.session()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Không tìm thấy thư"));
        mvc.perform(get("/api/v1/mail/messages/987654321").param("folder", Mailboxes.INBOX)
                        .with(Users.OFFICIAL.session()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.kind").value("NOT_FOUND"));
    }

    @Test
    void replyTemplateAnswersTheSenderWithRe() throws Exception {
        String subject = unique("Xin ý kiến dự thảo");
        send("hong.vo", subject, "Anh An cho ý kiến nhé.", address("an.nguyen"));
        long uid = awaitMessage("an.nguyen", Mailboxes.INBOX, subject).uid();

        mvc.perform(get("/api/v1/mail/templates/reply").param("folder", Mailboxes.INBOX)
                        .param("uid", Long.toString(uid)).with(Users.OFFICIAL.session()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("Re: " + subject))
                .andExpect(jsonPath("$.to").value(org.hamcrest.Matchers.containsString(address("hong.vo"))))
                .andExpect(jsonPath("$.replyUid").value(uid));
    }
}
