package vn.lienthong.mail;

/**
 * A folder of an official's mailbox.
 *
 * @param name        IMAP name, used in calls ({@code INBOX}, {@code Sent}, ...)
 * @param displayName what the webmail shows: "Hộp thư đến", "Đã gửi", "Thư nháp", "Thùng rác", or the name
 * @param special     one of the four standard folders
 * @param total       messages in the folder
 * @param unread      messages not yet seen
 */
public record MailFolder(String name, String displayName, boolean special, int total, int unread) {
}
