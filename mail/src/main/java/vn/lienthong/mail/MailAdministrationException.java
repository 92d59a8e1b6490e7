package vn.lienthong.mail;

/** James refused or could not carry out an administration call; the message says which and why. */
public class MailAdministrationException extends RuntimeException {

    public MailAdministrationException(String message) {
        super(message);
    }

    public MailAdministrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
