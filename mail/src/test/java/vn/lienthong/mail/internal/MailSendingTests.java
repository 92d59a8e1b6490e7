package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessagePage;
import vn.lienthong.mail.MessageSummary;
import vn.lienthong.mail.testsupport.TestJames;

/** Writing mail in the webmail: send, Sent copies, drafts, reply, reply all, forward, the size limit. */
class MailSendingTests extends MailboxTestSupport {

    private static final String SUBJECT = "Quyết định số 15/QĐ-UBND về việc phân công nhiệm vụ năm 2026";

    @Test
    void aMessageWithAPdfAndAVietnameseSubjectReachesTheColleagueAndACopyStaysInSent() throws Exception {
        String an = official("an");
        String binh = official("binh");
        byte[] pdf = ("%PDF-1.4\n" + "công văn ".repeat(2000)).getBytes(StandardCharsets.UTF_8);
        // Typed on a keyboard that sends decomposed marks: stored and sent composed (NFC).
        String decomposed = Normalizer.normalize(SUBJECT, Normalizer.Form.NFD);
        Draft draft = new Draft(List.of("Trần Văn Bình <" + binh + ">"), List.of(), List.of(), decomposed,
                "Kính gửi anh Bình,\nGửi anh quyết định kèm theo.", null,
                List.of(new Draft.Attachment("Quyết định 15.pdf", "application/pdf", pdf)), null, null);

        mailboxes.send("an", draft);

        awaitInbox(binh, 1);
        MessageSummary summary = mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0);
        MailMessage received = mailboxes.read("binh", Mailboxes.INBOX, summary.uid());
        assertThat(received.subject()).isEqualTo(SUBJECT);
        assertThat(received.from()).isEqualTo(an);
        assertThat(received.to()).singleElement().satisfies(to -> {
            InternetAddress address = new InternetAddress(to);
            assertThat(address.getAddress()).isEqualTo(binh);
            assertThat(address.getPersonal()).isEqualTo("Trần Văn Bình");
        });
        assertThat(received.text()).contains("Gửi anh quyết định kèm theo.");
        assertThat(received.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("Quyết định 15.pdf");
            assertThat(attachment.contentType()).isEqualTo("application/pdf");
        });
        assertThat(mailboxes.attachment("binh", Mailboxes.INBOX, summary.uid(),
                received.attachments().get(0).partId()).content()).isEqualTo(pdf);
        try (Store store = TestJames.imap(connection, binh, PASSWORD)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).getHeader("Subject")[0]).startsWithIgnoringCase("=?UTF-8?");
            assertThat(inbox.getMessage(1).getHeader("To")[0]).startsWithIgnoringCase("=?UTF-8?");
        }

        MessagePage sent = mailboxes.list("an", Mailboxes.SENT, 1, 20);
        assertThat(sent.messages()).singleElement().satisfies(copy -> {
            assertThat(copy.subject()).isEqualTo(SUBJECT);
            assertThat(copy.seen()).isTrue();
        });
        assertThat(mailboxes.read("an", Mailboxes.SENT, sent.messages().get(0).uid()).messageId())
                .isEqualTo(received.messageId());
    }

    @Test
    void aReplyAnswersTheThreadAndPrefixesReOnlyOnce() {
        official("an");
        String binh = official("binh");
        mailboxes.send("an", Draft.of(List.of(binh), "Họp giao ban tuần", "Thứ hai, 8 giờ, phòng họp số 2."));
        awaitInbox(binh, 1);
        long originalUid = mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).uid();
        MailMessage original = mailboxes.read("binh", Mailboxes.INBOX, originalUid);

        Draft reply = mailboxes.replyTemplate("binh", Mailboxes.INBOX, originalUid, false);
        assertThat(reply.subject()).isEqualTo("Re: Họp giao ban tuần");
        assertThat(reply.to()).singleElement().isEqualTo(officials.get("an"));
        assertThat(reply.text()).contains("> Thứ hai, 8 giờ, phòng họp số 2.");
        mailboxes.send("binh", reply.withText("Tôi sẽ dự.\n" + reply.text()));

        awaitInbox(officials.get("an"), 1);
        long replyUid = mailboxes.list("an", Mailboxes.INBOX, 1, 20).messages().get(0).uid();
        MailMessage received = mailboxes.read("an", Mailboxes.INBOX, replyUid);
        assertThat(received.subject()).isEqualTo("Re: Họp giao ban tuần");
        assertThat(received.references()).containsExactly(original.messageId());
        assertThat(mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).answered()).isTrue();
        try (Store store = TestJames.imap(connection, officials.get("an"), PASSWORD)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).getHeader("In-Reply-To")).containsExactly(original.messageId());
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        Draft second = mailboxes.replyTemplate("an", Mailboxes.INBOX, replyUid, false);
        assertThat(second.subject()).isEqualTo("Re: Họp giao ban tuần");
        mailboxes.send("an", second);
        awaitInbox(binh, 2);
        MailMessage third = mailboxes.read("binh", Mailboxes.INBOX,
                mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).uid());
        assertThat(third.references()).containsExactly(original.messageId(), received.messageId());
    }

    @Test
    void replyAllGoesToEveryoneButTheOfficialThemself() {
        String an = official("an");
        String binh = official("binh");
        String chi = official("chi");
        mailboxes.send("an", new Draft(List.of(binh, chi), List.of(an), List.of(), "Lịch trực Tết", "...", null,
                List.of(), null, null));
        awaitInbox(binh, 1);
        long uid = mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).uid();

        Draft all = mailboxes.replyTemplate("binh", Mailboxes.INBOX, uid, true);
        Draft one = mailboxes.replyTemplate("binh", Mailboxes.INBOX, uid, false);

        assertThat(addresses(all.to())).containsExactly(an);
        assertThat(addresses(all.cc())).containsExactly(chi);
        assertThat(addresses(one.to())).containsExactly(an);
        assertThat(one.cc()).isEmpty();
    }

    @Test
    void aForwardCarriesTheAttachmentsAndPrefixesFwdOnce() {
        official("an");
        String binh = official("binh");
        byte[] pdf = "%PDF-1.4 tờ trình".getBytes(StandardCharsets.UTF_8);
        mailboxes.send("an", Draft.of(List.of(binh), "Fwd: Tờ trình số 7", "Chuyển anh xem.")
                .withAttachments(List.of(new Draft.Attachment("tờ-trình.pdf", "application/pdf", pdf))));
        awaitInbox(binh, 1);
        long uid = mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).uid();

        Draft forward = mailboxes.forwardTemplate("binh", Mailboxes.INBOX, uid);

        assertThat(forward.subject()).isEqualTo("Fwd: Tờ trình số 7");
        assertThat(forward.to()).isEmpty();
        assertThat(forward.inReplyTo()).isNull();
        assertThat(forward.text()).contains("Thư chuyển tiếp", "Chuyển anh xem.");
        assertThat(forward.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo("tờ-trình.pdf");
            assertThat(attachment.content()).isEqualTo(pdf);
        });
    }

    @Test
    void aDraftSavedTwiceLeavesOneDraftWhichSendingRemoves() {
        official("an");
        String binh = official("binh");
        Draft draft = Draft.of(List.of(binh), "Báo cáo tháng", "Bản nháp thứ nhất");

        long first = mailboxes.saveDraft("an", draft);
        long second = mailboxes.saveDraft("an", draft.withDraftUid(first).withText("Bản nháp thứ hai"));

        MessagePage drafts = mailboxes.list("an", Mailboxes.DRAFTS, 1, 20);
        assertThat(drafts.messages()).singleElement().extracting(MessageSummary::uid).isEqualTo(second);
        assertThat(mailboxes.read("an", Mailboxes.DRAFTS, second).text()).contains("Bản nháp thứ hai");

        mailboxes.send("an", draft.withDraftUid(second).withText("Bản gửi đi"));

        assertThat(mailboxes.list("an", Mailboxes.DRAFTS, 1, 20).total()).isZero();
        awaitInbox(binh, 1);
    }

    @Test
    void anOversizedMessageIsRefusedBeforeAnythingIsSent() {
        official("an");
        String binh = official("binh");
        Mailboxes small = new ImapMailboxes(connection, username -> Optional.ofNullable(officials.get(username)),
                DataSize.ofKilobytes(64));
        byte[] large = new byte[100 * 1024];
        new Random(7).nextBytes(large);

        assertThatThrownBy(() -> small.send("an", Draft.of(List.of(binh), "Hồ sơ lớn", "...")
                .withAttachments(List.of(new Draft.Attachment("ho-so.pdf", "application/pdf", large)))))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("Thư quá lớn")
                .hasMessageContaining("tối đa 0,1 MB");

        // A small message sent afterwards is the only one that arrives, and the only one in Đã gửi.
        small.send("an", Draft.of(List.of(binh), "Hồ sơ nhỏ", "..."));
        awaitInbox(binh, 1);
        assertThat(mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages()).extracting(MessageSummary::subject)
                .containsExactly("Hồ sơ nhỏ");
        assertThat(mailboxes.list("an", Mailboxes.SENT, 1, 20).messages()).extracting(MessageSummary::subject)
                .containsExactly("Hồ sơ nhỏ");
    }

    @Test
    void theSenderIsAlwaysTheOfficialsOwnAddressAndBlindCopiesStayBlind() {
        String an = official("an");
        String binh = official("binh");
        assertThat(Arrays.stream(Draft.class.getRecordComponents()).map(component -> component.getName()))
                .doesNotContain("from", "sender", "replyTo");

        String chi = official("chi");
        mailboxes.send("an", new Draft(List.of(binh), List.of(), List.of(chi), "Ai gửi?", "...", null, List.of(),
                null, null));

        awaitInbox(binh, 1);
        awaitInbox(chi, 1);
        assertThat(mailboxes.read("an", Mailboxes.SENT, mailboxes.list("an", Mailboxes.SENT, 1, 20).messages().get(0)
                .uid()).subject()).isEqualTo("Ai gửi?");
        try (Store store = TestJames.imap(connection, binh, PASSWORD)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message message = inbox.getMessage(1);
            assertThat(message.getFrom()).extracting(address -> ((InternetAddress) address).getAddress())
                    .containsExactly(an);
            assertThat(message.getHeader("Return-Path")).isNotNull().allSatisfy(path -> assertThat(path).contains(an));
            assertThat(message.getHeader("Bcc")).as("blind copies stay blind").isNull();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMessageWithoutRecipientsOrWithABadAddressIsRefused() {
        official("an");
        assertThatThrownBy(() -> mailboxes.send("an", Draft.of(List.of(), "Không ai", "...")))
                .isInstanceOf(MailboxException.class).hasMessageContaining("chưa có người nhận");
        assertThatThrownBy(() -> mailboxes.send("an", Draft.of(List.of("không phải địa chỉ"), "Sai", "...")))
                .isInstanceOf(MailboxException.class).hasMessageContaining("không hợp lệ");
        assertThat(mailboxes.list("an", Mailboxes.SENT, 1, 20).total()).isZero();
    }

    private static List<String> addresses(List<String> recipients) {
        return recipients.stream().map(recipient -> {
            try {
                return new InternetAddress(recipient).getAddress();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
