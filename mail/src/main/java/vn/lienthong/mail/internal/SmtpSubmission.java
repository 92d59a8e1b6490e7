package vn.lienthong.mail.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPMessage;

import vn.lienthong.mail.MailboxException;

/**
 * SMTP submission as James's administrator, with a local address as envelope sender: James 3.8.1's AUTH PLAIN ignores
 * an authorisation identity, so the app cannot act for an official there as it does over IMAP. Callers take the
 * sender from the signed-in username (or the system address), never from user input; James's
 * {@code SubmissionIdentityHook} lets only the administrator (and the address's own account) use it.
 *
 * <p>Connections are kept for reuse (at most {@link #MAX_IDLE} idle, each for at most {@link #MAX_IDLE_MILLIS}): one
 * connection, greeting and login per message cost James as much as the message itself. The envelope sender travels
 * with each message ({@link SMTPMessage#setEnvelopeFrom}), so one connection serves every official. A connection whose
 * message failed is closed, never reused.
 */
final class SmtpSubmission {

    static final int MAX_IDLE = 8;
    static final long MAX_IDLE_MILLIS = 60_000;

    private record Idle(Transport transport, long since) {
    }

    private final JamesConnection james;
    private final Session transportSession;
    private final Deque<Idle> idle = new ArrayDeque<>();

    SmtpSubmission(JamesConnection james) {
        this.james = james;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", james.host());
        properties.put("mail.smtp.port", Integer.toString(james.smtpPort()));
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.auth.mechanisms", "PLAIN");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "60000");
        // The embedded James's app port (loopback) offers no STARTTLS; an external James that offers it gets TLS,
        // with its certificate checked against the JVM's trust store.
        properties.put("mail.smtp.starttls.enable", "true");
        this.transportSession = Session.getInstance(properties);
    }

    /** A session to compose messages from {@code sender} in: their Message-IDs get the sender's domain. */
    Session session(String sender) {
        Properties properties = new Properties();
        properties.put("mail.host", sender.substring(sender.indexOf('@') + 1));
        properties.put("mail.from", sender);
        return Session.getInstance(properties);
    }

    /** Submits the message with {@code sender} as envelope sender (MAIL FROM). */
    void submit(String sender, MimeMessage message, Address[] recipients) {
        SMTPMessage envelope = message instanceof SMTPMessage smtp ? smtp : null;
        if (envelope == null) {
            throw new IllegalArgumentException("compose the message as an SMTPMessage");
        }
        envelope.setEnvelopeFrom(sender);
        Transport transport = null;
        try {
            transport = borrow();
            transport.sendMessage(message, recipients);
            giveBack(transport);
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw new MailboxException("Không gửi được thư: " + e.getMessage() + " (the message could not be sent)",
                    e);
        }
    }

    private Transport borrow() throws MessagingException {
        long now = System.currentTimeMillis();
        while (true) {
            Idle candidate;
            synchronized (idle) {
                candidate = idle.pollFirst();
            }
            if (candidate == null) {
                Transport transport = transportSession.getTransport("smtp");
                transport.connect(james.host(), james.smtpPort(), james.administrator(), james.administratorPassword());
                return transport;
            }
            // isConnected() sends NOOP: a James restarted meanwhile is noticed here, before the message goes.
            if (now - candidate.since() < MAX_IDLE_MILLIS && candidate.transport().isConnected()) {
                return candidate.transport();
            }
            closeQuietly(candidate.transport());
        }
    }

    private void giveBack(Transport transport) {
        synchronized (idle) {
            if (idle.size() < MAX_IDLE) {
                idle.addFirst(new Idle(transport, System.currentTimeMillis()));
                return;
            }
        }
        closeQuietly(transport);
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // Already gone.
        }
    }
}
