package vn.lienthong.mail;

/**
 * Mail the suite sends on its own behalf, from the system address ({@code lienthong.mail.system-sender}, by default
 * {@code khong-tra-loi@<default domain>}): meeting reminders, invitations that no official sends. No copy is kept in
 * any Đã gửi folder; the recipients' copies are archived like all mail.
 *
 * <p>Thread-safe. A {@link Draft#calendar()} part is sent as an iMIP message (see {@link CalendarPart}).
 */
public interface SystemMail {

    /** The address mail leaves from, e.g. {@code khong-tra-loi@baclieu.gov.vn}. */
    String address();

    /**
     * Sends the draft from {@link #address()}. {@link Draft#inReplyTo()} and {@link Draft#draftUid()} are ignored
     * (the system has no mailbox).
     *
     * @throws MailboxException with a Vietnamese message when it has no valid recipient, is too large or James
     *                          refuses it
     */
    void send(Draft draft);
}
