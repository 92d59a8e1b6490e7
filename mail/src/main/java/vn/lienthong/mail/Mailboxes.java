package vn.lienthong.mail;

import java.util.List;
import java.util.Optional;

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

    /**
     * The conversation of the message: every message of Hộp thư đến, Đã gửi and {@code folder} with the same
     * {@link MessageSummary#threadId()}, oldest first, the message itself included (each summary names its folder).
     * A message without Message-ID, References or In-Reply-To is a conversation of its own.
     */
    List<MessageSummary> thread(String username, String folder, long uid);

    /**
     * Where the message with this Message-ID (with or without angle brackets) is in the official's mailbox: looked for
     * in Hộp thư đến, Đã gửi, then the other folders, Thùng rác last. Empty when the official has no such message,
     * e.g. a search hit for mail the official has since deleted for good.
     */
    Optional<MessageLocation> findByMessageId(String username, String messageId);

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
