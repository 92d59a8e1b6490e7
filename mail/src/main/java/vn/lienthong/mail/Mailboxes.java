package vn.lienthong.mail;

import java.util.List;

/**
 * The webmail's view of one official's mailbox. Every call names the signed-in official by username; the mailbox is
 * opened over IMAP as the administrator acting for exactly that official, so a folder or UID of anyone else cannot be
 * reached, whatever the caller passes. Folders are IMAP names ({@code INBOX}, {@code Sent}, {@code Drafts},
 * {@code Trash}, user folders); the special ones are created on first use.
 *
 * @throws MailboxException (every method) with a Vietnamese message when the official, folder or message does not
 *                          exist or James cannot be reached
 */
public interface Mailboxes {

    String INBOX = "INBOX";
    String SENT = "Sent";
    String DRAFTS = "Drafts";
    String TRASH = "Trash";

    /** The special folders first (Hộp thư đến, Đã gửi, Thư nháp, Thùng rác), then the official's own, with counts. */
    List<MailFolder> folders(String username);

    /** Page {@code page} (from 1) of the folder, newest (highest UID) first; fetches only that page's envelopes. */
    MessagePage list(String username, String folder, int page, int pageSize);

    /** The message, parsed, its HTML sanitised; marks it seen. */
    MailMessage read(String username, String folder, long uid);

    /** The bytes of one attachment, by the part id listed in {@link MailMessage#attachments()}. */
    AttachmentContent attachment(String username, String folder, long uid, String partId);

    void markSeen(String username, String folder, long uid, boolean seen);

    void markFlagged(String username, String folder, long uid, boolean flagged);

    /** Moves the message; returns its UID in the target folder (or -1 if James did not say). */
    long move(String username, String folder, long uid, String targetFolder);

    /** Moves the message to Thùng rác; in Thùng rác itself, deletes it for good. */
    void delete(String username, String folder, long uid);

    /** Deletes every message in Thùng rác for good; returns how many. */
    int emptyTrash(String username);

    /**
     * Sends the draft from the official's own address, keeps a copy (seen) in Đã gửi and removes the draft's previous
     * version from Thư nháp. Refused, with nothing sent, when the message is larger than
     * {@code lienthong.mail.max-message-size} or has no valid recipient.
     */
    void send(String username, Draft draft);

    /** Saves the draft in Thư nháp, replacing its previous version ({@link Draft#draftUid()}); returns the new UID. */
    long saveDraft(String username, Draft draft);

    /** A reply (to the sender, or with {@code all} to everyone but the official), quoting the message. */
    Draft replyTemplate(String username, String folder, long uid, boolean all);

    /** A forward of the message with its attachments, no recipients yet. */
    Draft forwardTemplate(String username, String folder, long uid);
}
