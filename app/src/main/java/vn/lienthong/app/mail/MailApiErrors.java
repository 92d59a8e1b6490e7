package vn.lienthong.app.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.lienthong.app.shell.NotFoundException;
import vn.lienthong.app.shell.Problems;
import vn.lienthong.mail.MailboxException;

/**
 * The mail API's errors as RFC 7807 problems, like the directory API's: 400 (what to fix), 404 (not in your own
 * mailbox: the same answer whether the UID exists in somebody else's or nowhere), 413 (too large, with the sizes),
 * 502 (the mail server refused the message), 503 (the mail server is unreachable). Never an IMAP or SMTP reply,
 * never a stack trace.
 */
@RestControllerAdvice(assignableTypes = MailApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MailApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(MailApiErrors.class);

    private final Problems problems;

    MailApiErrors(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MailboxException.class)
    ProblemDetail mailbox(MailboxException failure) {
        MailFailure kind = MailFailure.of(failure);
        if (!kind.messageForUser()) {
            log.warn("Mail API request failed ({}): {}", kind, failure.getMessage());
        }
        ProblemDetail problem = problem(kind.status(), kind.key(), kind.messageForUser() ? failure.getMessage() : null);
        problem.setProperty("kind", kind.name());
        if (kind == MailFailure.TOO_LARGE) {
            problem.setProperty("field", "files");
        }
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "mail.failure.NOT_FOUND", null);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException bad) {
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid", null);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail failure(Exception failure) {
        log.error("Mail API request failed", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.failure", null);
    }

    private ProblemDetail problem(HttpStatus status, String key, String detail) {
        return problems.of(status, key, detail);
    }
}
