package vn.lienthong.app.mail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.lienthong.app.support.WebTestSupport;
import vn.lienthong.directory.Role;
import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.MailSettings;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessageSummary;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/**
 * The webmail tests' tools over the suite's one James (no configuration of its own, so the context is shared): wait
 * for an official's mailbox, deliver mail through the real submission path or over plain SMTP, find a message.
 */
abstract class MailTestSupport extends WebTestSupport {

    static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    MailAdministration mailAdministration;

    @Autowired
    MailSettings mailSettings;

    /** A subject no other test uses. */
    static String unique(String subject) {
        return subject + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits until provisioning has given the official a mailbox the webmail can open. */
    void awaitMailbox(String username) {
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> !mailboxes.folders(username).isEmpty());
    }

    /** Sends through the webmail's own path (SMTP submission to James) as {@code from}. */
    void send(String from, String subject, String text, String... to) {
        awaitMailbox(from);
        mailboxes.send(from, Draft.of(List.of(to), subject, text));
    }

    /** Waits until the message with this subject is in the folder (first page) and returns it. */
    MessageSummary awaitMessage(String username, String folder, String subject) {
        awaitMailbox(username);
        return await().atMost(DELIVERY).ignoreExceptions()
                .until(() -> find(username, folder, subject), Optional::isPresent).orElseThrow();
    }

    Optional<MessageSummary> find(String username, String folder, String subject) {
        return mailboxes.list(username, folder, 1, 50).messages().stream()
                .filter(message -> subject.equals(message.subject())).findFirst();
    }

    String address(String username) {
        return official(username).email();
    }

    /**
     * Delivers a raw message over SMTP, authenticated as {@code senderUsername}'s own account (a desktop client's
     * way in): gives the account a password first.
     */
    void deliverOverSmtp(String senderUsername, MimeMessageBuilder content, String... to) throws MessagingException {
        String sender = address(senderUsername);
        awaitMailbox(senderUsername);
        String password = "smtp-" + UUID.randomUUID();
        mailAdministration.setPassword(sender, password);
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mailSettings.host());
        properties.put("mail.smtp.port", Integer.toString(mailSettings.smtpPort()));
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.auth.mechanisms", "PLAIN");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(sender));
        for (String recipient : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        content.fill(message);
        message.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(mailSettings.host(), mailSettings.smtpPort(), sender, password);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** A browser session of any demo official (the {@code Users} enum names only a few). */
    static RequestPostProcessor sessionOf(String username) {
        return oidcLogin()
                .idToken(token -> token.subject(username).claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority(Role.OFFICIAL.authority()));
    }

    /** A bearer token of any demo official. */
    static RequestPostProcessor bearerOf(String username) {
        return jwt().jwt(token -> token.subject(username).claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority(Role.OFFICIAL.authority()));
    }

    @FunctionalInterface
    interface MimeMessageBuilder {
        void fill(MimeMessage message) throws MessagingException;
    }
}
