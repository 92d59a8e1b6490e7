package vn.lienthong.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.util.unit.DataSize;

import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.SystemMail;

/**
 * {@link SystemMail} over the same SMTP submission as the webmail, from the system address. The address's domain is
 * made a James domain at every start of the embedded James (and here, once, for an external one), so that the
 * submission hook treats it as local; it has no account, so answers to it are refused at RCPT.
 */
class SmtpSystemMail implements SystemMail {

    private final String address;
    private final SmtpSubmission submission;
    private final DataSize maxMessageSize;
    private final Runnable ensureDomain;
    private volatile boolean domainChecked;

    SmtpSystemMail(String address, JamesConnection james, DataSize maxMessageSize, Runnable ensureDomain) {
        this.address = address;
        this.submission = new SmtpSubmission(james);
        this.maxMessageSize = maxMessageSize;
        this.ensureDomain = ensureDomain;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void send(Draft draft) {
        if (!domainChecked) {
            ensureDomain.run();
            domainChecked = true;
        }
        Draft plain = new Draft(draft.to(), draft.cc(), draft.bcc(), draft.subject(), draft.text(), draft.html(),
                draft.attachments(), null, null, draft.calendar());
        try {
            Session session = submission.session(address);
            MimeMessage message = MailComposer.compose(session, address, plain, null);
            message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no vacation replies to it
            message.saveChanges();
            MailComposer.checkSize(message, maxMessageSize);
            submission.submit(address, message, MailComposer.recipients(message));
        } catch (MessagingException e) {
            throw new MailboxException("Không gửi được thư hệ thống: " + e.getMessage()
                    + " (the system message could not be sent)", e);
        }
    }
}
