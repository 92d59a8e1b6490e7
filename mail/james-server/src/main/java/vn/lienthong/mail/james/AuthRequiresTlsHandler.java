package vn.lienthong.mail.james;

import java.util.Collection;
import java.util.List;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * Refuses SMTP {@code AUTH} until STARTTLS has run, so that a password never crosses the network in clear text. James
 * 3.8.1's {@code <requireSSL>} only stops announcing AUTH before TLS; its AUTH handler still accepts the command.
 * Placed before the core handlers of the client (submission) server; answers nothing once TLS is on, so the core AUTH
 * handler does the rest.
 */
public class AuthRequiresTlsHandler implements CommandHandler<SMTPSession> {

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        if (session.isTLSStarted()) {
            return null;
        }
        return new SMTPResponse("538", "5.7.11 Encryption required: use STARTTLS before AUTH");
    }

    @Override
    public Collection<String> getImplCommands() {
        return List.of("AUTH");
    }
}
