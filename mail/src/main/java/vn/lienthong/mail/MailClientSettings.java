package vn.lienthong.mail;

/**
 * What an official types into Thunderbird (or another IMAP/SMTP client), as shown on the settings page.
 *
 * @param username          the login: the official's full mail address
 * @param imapHost          IMAP server name
 * @param imapPort          IMAP port
 * @param imapSecurity      {@code SSL/TLS} (implicit TLS, like port 993)
 * @param smtpHost          SMTP (submission) server name
 * @param smtpPort          SMTP port
 * @param smtpSecurity      {@code STARTTLS} (like port 587)
 * @param certificateSha256 the SHA-256 fingerprint of the server's certificate ({@code AB:CD:...}) to compare when
 *                          the client asks about a self-signed certificate; empty when not known (external James)
 */
public record MailClientSettings(String username, String imapHost, int imapPort, String imapSecurity,
                                 String smtpHost, int smtpPort, String smtpSecurity, String certificateSha256) {
}
