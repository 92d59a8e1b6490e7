package vn.lienthong.mail;

import java.util.List;

/**
 * A message being written. It has no sender: mail always leaves as the signed-in official's own address.
 *
 * @param to          recipients, each an address, optionally with a name ({@code "Trần Bình <binh.tran@...>"})
 * @param cc          copies
 * @param bcc         blind copies (kept in the sender's Sent copy, never shown to the other recipients)
 * @param subject     the subject, may be empty
 * @param text        the plain-text body, or {@code null}
 * @param html        the HTML body, or {@code null}; sanitised before it is sent or saved
 * @param attachments files to attach
 * @param inReplyTo   the message this answers (In-Reply-To and References are taken from it), or {@code null}
 * @param draftUid    the UID in Thư nháp of the draft's previous version, removed once this one is saved or sent;
 *                    {@code null} for a new message
 * @param calendar    an iMIP invitation, cancellation or answer sent with the text body, or {@code null}
 */
public record Draft(List<String> to, List<String> cc, List<String> bcc, String subject, String text, String html,
                    List<Attachment> attachments, MessageRef inReplyTo, Long draftUid, CalendarPart calendar) {

    /** A draft without a calendar part. */
    public Draft(List<String> to, List<String> cc, List<String> bcc, String subject, String text, String html,
                 List<Attachment> attachments, MessageRef inReplyTo, Long draftUid) {
        this(to, cc, bcc, subject, text, html, attachments, inReplyTo, draftUid, null);
    }

    public Draft {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
        subject = subject == null ? "" : subject;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A new message with a text body. */
    public static Draft of(List<String> to, String subject, String text) {
        return new Draft(to, List.of(), List.of(), subject, text, null, List.of(), null, null);
    }

    public Draft withAttachments(List<Attachment> attachments) {
        return new Draft(to, cc, bcc, subject, text, html, attachments, inReplyTo, draftUid, calendar);
    }

    public Draft withDraftUid(Long draftUid) {
        return new Draft(to, cc, bcc, subject, text, html, attachments, inReplyTo, draftUid, calendar);
    }

    public Draft withText(String text) {
        return new Draft(to, cc, bcc, subject, text, html, attachments, inReplyTo, draftUid, calendar);
    }

    /** The same message carrying an iMIP part (sent as {@code text/calendar} plus {@code invite.ics}). */
    public Draft withCalendar(CalendarPart calendar) {
        return new Draft(to, cc, bcc, subject, text, html, attachments, inReplyTo, draftUid, calendar);
    }

    /** A file to attach. */
    public record Attachment(String name, String contentType, byte[] content) {
    }

    /** A message of the official's mailbox: folder and UID. */
    public record MessageRef(String folder, long uid) {
    }
}
