package vn.lienthong.app.shell;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * RFC 7807 problems in the reader's language, the one way every JSON API of the app words its errors: the title and
 * detail come from the messages {@code <key>.title} and {@code <key>.detail}.
 */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** A problem with the given status; {@code detail} replaces the message {@code <key>.detail} when not null. */
    public ProblemDetail of(HttpStatus status, String key, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage(key + ".title", null, status.getReasonPhrase(),
                LocaleContextHolder.getLocale()));
        problem.setDetail(detail != null ? detail
                : messages.getMessage(key + ".detail", null, null, LocaleContextHolder.getLocale()));
        return problem;
    }
}
