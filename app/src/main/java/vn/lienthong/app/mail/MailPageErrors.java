package vn.lienthong.app.mail;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import vn.lienthong.app.shell.SignedIn;
import vn.lienthong.mail.MailboxException;

/**
 * The webmail pages' answer to a mail failure: the friendly 404 page when the message, folder or attachment is not
 * in the official's mailbox (the same for another official's UID as for one that never existed), otherwise a page
 * that says what went wrong in words for the official, never the mail server's reply.
 */
@ControllerAdvice(assignableTypes = {MailPages.class, MailSettingsPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class MailPageErrors {

    private static final Logger log = LoggerFactory.getLogger(MailPageErrors.class);

    private final SignedIn signedIn;

    MailPageErrors(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @ExceptionHandler(MailboxException.class)
    ModelAndView mailbox(MailboxException failure, HttpServletRequest request) {
        MailFailure kind = MailFailure.of(failure);
        if (kind == MailFailure.NOT_FOUND) {
            return page("error/404", HttpStatus.NOT_FOUND, request);
        }
        if (!kind.messageForUser()) {
            log.warn("Mail page failed ({}): {}", kind, failure.getMessage());
        }
        ModelAndView page = page("mail/error", kind.status(), request);
        page.addObject("failureKey", kind.key());
        page.addObject("failureText", kind.messageForUser() ? failure.getMessage() : null);
        return page;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badRequest(HttpServletRequest request) {
        ModelAndView page = page("error", HttpStatus.BAD_REQUEST, request);
        page.addObject("status", HttpStatus.BAD_REQUEST.value());
        return page;
    }

    private ModelAndView page(String view, HttpStatus status, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("me", signedIn.profile(authentication).orElse(null));
        page.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
        page.addObject("status", status.value());
        return page;
    }
}
