package vn.lienthong.mail.internal;

import java.net.URI;

/**
 * How to reach James: SMTP and IMAP on {@code host}, WebAdmin at {@code webadmin}, and the administrator account that
 * may act for any user (IMAP SASL PLAIN with an authorisation identity).
 */
public record JamesConnection(String host, int smtpPort, int imapPort, URI webadmin, String administrator,
                              String administratorPassword) {

    @Override
    public String toString() {
        return "JamesConnection[smtp=" + host + ":" + smtpPort + ", imap=" + host + ":" + imapPort + ", webadmin="
                + webadmin + ", administrator=" + administrator + "]";
    }
}
