package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.Test;

import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessagePage;
import vn.lienthong.mail.testsupport.TestJames;

/** The webmail's mailbox service over IMAP against the shared James, as the official and only as them. */
class ImapMailboxesTests extends MailboxTestSupport {

    @Test
    void aMessageWithAnAttachmentAndHostileHtmlIsReadSafely() throws Exception {
        String an = official("an");
        String binh = official("binh");
        String hostile = "<p onclick=\"steal()\">Kính gửi</p><script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\">bấm</a><img src=\"https://evil.example/t.png\" onerror=\"x()\">";
        byte[] pdf = "%PDF-1.4 công văn".getBytes(StandardCharsets.UTF_8);
        sendHtmlWithAttachment(an, binh, "Công văn 15", hostile, pdf);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.mailboxes(binh).contains("INBOX")
                && admin.messageCount(binh, "INBOX") == 1);

        MessagePage inbox = mailboxes.list("binh", Mailboxes.INBOX, 1, 20);
        assertThat(inbox.total()).isEqualTo(1);
        long uid = inbox.messages().get(0).uid();
        assertThat(inbox.messages().get(0).seen()).isFalse();
        MailMessage message = mailboxes.read("binh", Mailboxes.INBOX, uid);

        assertThat(message.subject()).isEqualTo("Công văn 15");
        assertThat(message.html()).contains("Kính gửi").doesNotContain("<script", "onclick", "onerror", "javascript:",
                " src=\"https://evil.example");
        assertThat(message.html()).contains("data-remote-src=\"https://evil.example/t.png\"");
        assertThat(message.remoteImages()).isTrue();
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("công-văn.pdf");
            assertThat(attachment.contentType()).isEqualTo("application/pdf");
        });
        assertThat(mailboxes.attachment("binh", Mailboxes.INBOX, uid, message.attachments().get(0).partId()).content())
                .isEqualTo(pdf);
        assertThat(mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).seen()).isTrue();
        assertThat(mailboxes.folders("binh")).extracting(folder -> folder.displayName())
                .startsWith("Hộp thư đến", "Đã gửi", "Thư nháp", "Thùng rác");
    }

    @Test
    void anOfficialCannotReachAnothersMessagesByGuessingUidsOrFolders() throws Exception {
        String an = official("an");
        String binh = official("binh");
        TestJames.send(connection, an, PASSWORD, an, "Riêng của Bình", "...", binh);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.mailboxes(binh).contains("INBOX")
                && admin.messageCount(binh, "INBOX") == 1);
        long uid = mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).uid();

        assertThatThrownBy(() -> mailboxes.read("an", Mailboxes.INBOX, uid)).isInstanceOf(MailboxException.class);
        assertThatThrownBy(() -> mailboxes.delete("an", Mailboxes.INBOX, uid)).isInstanceOf(MailboxException.class);
        String otherNamespace = "#user." + binh + ".INBOX";
        assertThatThrownBy(() -> mailboxes.read("an", otherNamespace, uid)).isInstanceOf(MailboxException.class);
        assertThatThrownBy(() -> mailboxes.move("an", otherNamespace, uid, Mailboxes.TRASH))
                .isInstanceOf(MailboxException.class);
        assertThatThrownBy(() -> mailboxes.list("nobody", Mailboxes.INBOX, 1, 20)).isInstanceOf(MailboxException.class);
        assertThat(admin.messageCount(binh, "INBOX")).isEqualTo(1);
    }

    @Test
    void deleteMovesToTrashAndEmptyTrashRemovesForGood() throws Exception {
        String an = official("an");
        String binh = official("binh");
        TestJames.send(connection, an, PASSWORD, an, "Bỏ đi", "...", binh);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.mailboxes(binh).contains("INBOX")
                && admin.messageCount(binh, "INBOX") == 1);
        long uid = mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).uid();
        mailboxes.markFlagged("binh", Mailboxes.INBOX, uid, true);
        assertThat(mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).flagged()).isTrue();

        mailboxes.delete("binh", Mailboxes.INBOX, uid);

        assertThat(mailboxes.list("binh", Mailboxes.INBOX, 1, 20).total()).isZero();
        assertThat(mailboxes.list("binh", Mailboxes.TRASH, 1, 20).messages()).extracting(m -> m.subject())
                .containsExactly("Bỏ đi");
        assertThat(mailboxes.emptyTrash("binh")).isEqualTo(1);
        assertThat(mailboxes.list("binh", Mailboxes.TRASH, 1, 20).total()).isZero();
    }

    @Test
    void pagesOfALargeFolderComeNewestFirst() throws Exception {
        String binh = official("binh");
        admin.createMailbox(binh, "INBOX");
        int count = 600; // a large folder's paging without minutes of appends; the benchmark uses 10,000
        try (Store store = TestJames.imapActingAs(connection, connection.administrator(),
                connection.administratorPassword(), binh)) {
            Folder inbox = store.getFolder("INBOX");
            Session session = Session.getInstance(new Properties());
            Message[] batch = new Message[200];
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(binh));
                message.setSubject("Thư " + (i + 1), "UTF-8");
                message.setSentDate(new Date());
                message.setText("...", "UTF-8");
                batch[i % 200] = message;
                if (i % 200 == 199) {
                    inbox.appendMessages(batch);
                }
            }
        }

        MessagePage first = mailboxes.list("binh", Mailboxes.INBOX, 1, 50);
        MessagePage last = mailboxes.list("binh", Mailboxes.INBOX, 12, 50);
        MessagePage middle = mailboxes.list("binh", Mailboxes.INBOX, 5, 50);
        MessagePage beyond = mailboxes.list("binh", Mailboxes.INBOX, 13, 50);

        assertThat(first.total()).isEqualTo(count);
        assertThat(first.pages()).isEqualTo(12);
        assertThat(first.messages()).hasSize(50);
        assertThat(first.messages().get(0).subject()).isEqualTo("Thư 600");
        assertThat(first.messages().get(49).subject()).isEqualTo("Thư 551");
        assertThat(middle.messages().get(0).subject()).isEqualTo("Thư 400");
        assertThat(middle.messages()).hasSize(50);
        assertThat(last.messages().get(0).subject()).isEqualTo("Thư 50");
        assertThat(last.messages().get(49).subject()).isEqualTo("Thư 1");
        assertThat(beyond.messages()).isEmpty();
        assertThat(first.messages().get(0).uid()).isGreaterThan(first.messages().get(1).uid());
    }

    @Test
    void aPageSeesWhatChangedSinceTheLastCallWhicheverSessionChangedIt() throws Exception {
        String an = official("an");
        String binh = official("binh");
        TestJames.send(connection, an, PASSWORD, an, "Thư một", "...", binh);
        awaitInbox(binh, 1);
        assertThat(mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages()).extracting(m -> m.subject())
                .containsExactly("Thư một");

        TestJames.send(connection, an, PASSWORD, an, "Thư hai", "...", binh);
        TestJames.send(connection, an, PASSWORD, an, "Thư ba", "...", binh);
        awaitInbox(binh, 3);
        MessagePage three = mailboxes.list("binh", Mailboxes.INBOX, 1, 20);
        assertThat(three.messages()).extracting(m -> m.subject()).containsExactly("Thư ba", "Thư hai", "Thư một");

        // Another webmail instance (its own sessions) removes the middle one and flags the newest.
        try (ImapMailboxes other = new ImapMailboxes(connection, username -> java.util.Optional.of(binh))) {
            other.delete("binh", Mailboxes.INBOX, three.messages().get(1).uid());
            other.markFlagged("binh", Mailboxes.INBOX, three.messages().get(0).uid(), true);
        }

        MessagePage two = mailboxes.list("binh", Mailboxes.INBOX, 1, 20);
        assertThat(two.total()).isEqualTo(2);
        assertThat(two.messages()).extracting(m -> m.subject()).containsExactly("Thư ba", "Thư một");
        assertThat(two.messages().get(0).flagged()).isTrue();
        assertThat(mailboxes.list("binh", Mailboxes.INBOX, 2, 1).messages()).extracting(m -> m.subject())
                .containsExactly("Thư một");
    }

    private void sendHtmlWithAttachment(String from, String to, String subject, String html, byte[] pdf)
            throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", connection.host());
        properties.put("mail.smtp.port", Integer.toString(connection.smtpPort()));
        properties.put("mail.smtp.auth", "true");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(html, "UTF-8", "html");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName(jakarta.mail.internet.MimeUtility.encodeText("công-văn.pdf", "UTF-8", null));
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(body, attachment));
        Transport.send(message, from, PASSWORD);
    }
}
