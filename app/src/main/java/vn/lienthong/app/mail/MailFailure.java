package vn.lienthong.app.mail;

import java.util.List;

import org.springframework.http.HttpStatus;

import vn.lienthong.mail.MailboxException;

/**
 * What a {@link MailboxException} means for the person who caused it. The mail API throws one exception type with a
 * Vietnamese message; the webmail needs to tell "not in your mailbox" (404) from "fix your input" (400, 413) and
 * "the mail server is down" (503), and must not show server internals (IMAP or SMTP replies) to officials. The
 * kinds are recognised by the beginning of the mail module's messages, which are part of its contract.
 */
enum MailFailure {

    /** No such message, folder or attachment in the official's own mailbox (never "it is someone else's"). */
    NOT_FOUND(HttpStatus.NOT_FOUND, true, "Không tìm thấy thư", "Không có thư mục", "Không có tệp đính kèm",
            "Không có hộp thư"),
    /** The message would be larger than {@code lienthong.mail.max-message-size}. */
    TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, true, "Thư quá lớn"),
    /** Bad recipients, an empty attachment, a bad folder name or page: the message says what to fix. */
    INVALID(HttpStatus.BAD_REQUEST, true, "Thư chưa có người nhận", "Địa chỉ người nhận không hợp lệ",
            "Quá nhiều người nhận", "Tệp đính kèm", "Tên thư mục không hợp lệ", "Trang hoặc cỡ trang"),
    /** SMTP accepted the message, but the copy in Đã gửi could not be stored. */
    SENT_NOT_SAVED(HttpStatus.INTERNAL_SERVER_ERROR, false, "Thư đã được gửi nhưng"),
    /** The mail server refused the message (e.g. an unknown local recipient). */
    REFUSED(HttpStatus.BAD_GATEWAY, false, "Không gửi được thư"),
    /** James cannot be reached, or anything else. */
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, false);

    private final HttpStatus status;
    private final boolean messageForUser;
    private final List<String> prefixes;

    MailFailure(HttpStatus status, boolean messageForUser, String... prefixes) {
        this.status = status;
        this.messageForUser = messageForUser;
        this.prefixes = List.of(prefixes);
    }

    static MailFailure of(MailboxException failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        // James 3.8.1 answers a UID FETCH in an empty folder with "BAD ... Invalid messageset" instead of nothing,
        // which the mail module passes on as "cannot reach the mailbox": for the webmail it is a UID that is not there.
        if (message.contains("Invalid messageset")) {
            return NOT_FOUND;
        }
        for (MailFailure kind : values()) {
            if (kind.prefixes.stream().anyMatch(message::startsWith)) {
                return kind;
            }
        }
        return UNAVAILABLE;
    }

    HttpStatus status() {
        return status;
    }

    /** The message key of this kind's title ({@code mail.failure.<KIND>.title}) and detail (same, {@code .detail}). */
    String key() {
        return "mail.failure." + name();
    }

    /**
     * Whether the mail module's own message is the detail to show (it names the offending address, file or size);
     * otherwise the webmail's generic text for the kind is shown and the message only logged.
     */
    boolean messageForUser() {
        return messageForUser;
    }
}
