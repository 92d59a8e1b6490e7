package vn.lienthong.mail;

/** A webmail call failed; the message (Vietnamese first) says why and can be shown to the official. */
public class MailboxException extends RuntimeException {

    public MailboxException(String message) {
        super(message);
    }

    public MailboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
