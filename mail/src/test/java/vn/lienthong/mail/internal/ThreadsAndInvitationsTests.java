package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.mail.Folder;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import vn.lienthong.mail.CalendarPart;
import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessageLocation;
import vn.lienthong.mail.MessageSummary;
import vn.lienthong.mail.SystemMail;
import vn.lienthong.mail.testsupport.TestJames;

/** Conversations across Hộp thư đến and Đã gửi, finding a mail by Message-ID, iMIP invitations, system mail. */
class ThreadsAndInvitationsTests extends MailboxTestSupport {

    private static final String ICS = """
            BEGIN:VCALENDAR
            PRODID:-//Lien Thong//Hop//VI
            VERSION:2.0
            METHOD:REQUEST
            BEGIN:VEVENT
            UID:hop-giao-ban-42@baclieu.gov.vn
            DTSTAMP:20261102T010000Z
            DTSTART:20261105T010000Z
            DTEND:20261105T020000Z
            SUMMARY:Họp giao ban tuần
            ORGANIZER:mailto:an@baclieu.gov.vn
            ATTENDEE;RSVP=TRUE:mailto:binh@baclieu.gov.vn
            END:VEVENT
            END:VCALENDAR
            """;

    @Test
    void aThreadGathersTheConversationFromInboxAndSentOldestFirst() {
        String an = official("an");
        String binh = official("binh");
        mailboxes.send("an", Draft.of(List.of(binh), "Kế hoạch quý IV", "Gửi anh kế hoạch."));
        awaitInbox(binh, 1);
        long first = mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).uid();
        mailboxes.send("binh", mailboxes.replyTemplate("binh", Mailboxes.INBOX, first, false));
        awaitInbox(an, 1);
        long reply = mailboxes.list("an", Mailboxes.INBOX, 1, 20).messages().get(0).uid();
        mailboxes.send("an", mailboxes.replyTemplate("an", Mailboxes.INBOX, reply, false));
        awaitInbox(binh, 2);
        mailboxes.send("an", Draft.of(List.of(binh), "Việc khác", "Không thuộc cuộc trao đổi."));
        awaitInbox(binh, 3);

        List<MessageSummary> thread = mailboxes.thread("an", Mailboxes.INBOX, reply);

        assertThat(thread).extracting(MessageSummary::folder, MessageSummary::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Mailboxes.SENT, "Kế hoạch quý IV"),
                org.assertj.core.groups.Tuple.tuple(Mailboxes.INBOX, "Re: Kế hoạch quý IV"),
                org.assertj.core.groups.Tuple.tuple(Mailboxes.SENT, "Re: Kế hoạch quý IV"));
        assertThat(thread).extracting(MessageSummary::threadId).containsOnly(thread.get(0).threadId());
        MessagePageCheck.threadIdsOfTheList(mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages(),
                thread.get(0).threadId());
    }

    @Test
    void aMessageIsFoundByItsMessageIdOnlyInTheOwnersMailbox() {
        official("an");
        String binh = official("binh");
        official("chi");
        mailboxes.send("an", Draft.of(List.of(binh), "Tìm theo Message-ID", "..."));
        awaitInbox(binh, 1);
        long uid = mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).uid();
        String messageId = mailboxes.read("binh", Mailboxes.INBOX, uid).messageId();
        long moved = mailboxes.move("binh", Mailboxes.INBOX, uid, Mailboxes.TRASH);

        assertThat(mailboxes.findByMessageId("binh", messageId)).contains(new MessageLocation(Mailboxes.TRASH, moved));
        assertThat(mailboxes.findByMessageId("an", messageId.toUpperCase(java.util.Locale.ROOT)))
                .hasValueSatisfying(location -> assertThat(location.folder()).isEqualTo(Mailboxes.SENT));
        assertThat(mailboxes.findByMessageId("chi", messageId)).isEmpty();
        assertThat(mailboxes.findByMessageId("binh", "<khong-co@baclieu.gov.vn>")).isEmpty();
    }

    @Test
    void anInvitationIsSentAsAnImipMessageWithAnIcsAttachment() throws Exception {
        official("an");
        String binh = official("binh");
        Draft invitation = Draft.of(List.of(binh), "Mời họp: Họp giao ban tuần", "Kính mời anh dự họp.")
                .withCalendar(CalendarPart.request(ICS));

        mailboxes.send("an", invitation);

        awaitInbox(binh, 1);
        try (Store store = TestJames.imap(connection, binh, PASSWORD)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            MimeMessage received = new MimeMessage((MimeMessage) inbox.getMessage(1));
            assertThat(received.isMimeType("multipart/mixed")).isTrue();
            Multipart mixed = (Multipart) received.getContent();
            Part body = mixed.getBodyPart(0);
            assertThat(body.isMimeType("multipart/alternative")).isTrue();
            Multipart alternative = (Multipart) body.getContent();
            assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
            Part calendar = alternative.getBodyPart(alternative.getCount() - 1);
            ContentType type = new ContentType(calendar.getContentType());
            assertThat(type.getBaseType()).isEqualToIgnoringCase("text/calendar");
            assertThat(type.getParameter("method")).isEqualTo("REQUEST");
            assertThat(type.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
            String ics = new String(calendar.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(ics).contains("SUMMARY:Họp giao ban tuần\r\n").contains("METHOD:REQUEST\r\n");
            Part file = mixed.getBodyPart(1);
            assertThat(new ContentType(file.getContentType()).getBaseType()).isEqualToIgnoringCase("application/ics");
            assertThat(file.getFileName()).isEqualTo("invite.ics");
            assertThat(file.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        }
        MailMessage read = mailboxes.read("binh", Mailboxes.INBOX,
                mailboxes.list("binh", Mailboxes.INBOX, 1, 20).messages().get(0).uid());
        assertThat(read.calendarInvite()).isTrue();
        assertThat(read.text()).contains("Kính mời anh dự họp.");
        assertThat(read.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("invite.ics");
            assertThat(attachment.calendar()).isTrue();
        });
    }

    @Test
    void systemMailLeavesFromTheSystemAddressAndKeepsNoCopy() throws Exception {
        String binh = official("binh");
        String system = "khong-tra-loi@" + TestJames.DOMAIN;
        SystemMail systemMail = new SmtpSystemMail(system, connection, DataSize.ofMegabytes(25),
                () -> admin.addDomain(TestJames.DOMAIN));

        systemMail.send(Draft.of(List.of(binh), "Nhắc lịch họp", "Cuộc họp bắt đầu sau 15 phút.")
                .withCalendar(CalendarPart.request(ICS)));

        awaitInbox(binh, 1);
        try (Store store = TestJames.imap(connection, binh, PASSWORD)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            MimeMessage received = (MimeMessage) inbox.getMessage(1);
            assertThat(received.getFrom()).extracting(Object::toString).containsExactly(system);
            assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
            assertThat(received.getHeader("Return-Path")[0]).contains(system);
        }
        assertThat(admin.accountExists(system)).isFalse();
    }

    /** The list's thread ids are those of {@link Mailboxes#thread}. */
    private static final class MessagePageCheck {
        static void threadIdsOfTheList(List<MessageSummary> page, String threadId) {
            assertThat(page).extracting(MessageSummary::threadId).filteredOn(threadId::equals).hasSize(2);
            assertThat(page).extracting(MessageSummary::folder).containsOnly(Mailboxes.INBOX);
        }
    }
}
