package vn.lienthong.app.meetings;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import vn.lienthong.app.shell.SignedIn;
import vn.lienthong.meetings.MeetingException;

/**
 * The meeting pages' answer to a refusal of the meetings module: the 404 page for a meeting the official may not
 * see (the same as one that does not exist), the 403 page for one they see but may not change, otherwise a page
 * with the module's Vietnamese reason.
 */
@ControllerAdvice(assignableTypes = {MeetingPages.class, MeetingFormPages.class, FeedPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class MeetingPageErrors {

    private final SignedIn signedIn;

    MeetingPageErrors(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @ExceptionHandler(MeetingException.class)
    ModelAndView refused(MeetingException refusal, HttpServletRequest request) {
        return switch (refusal.reason()) {
            case NOT_FOUND -> page("error/404", HttpStatus.NOT_FOUND, null, request);
            case FORBIDDEN -> page("meetings/error", HttpStatus.FORBIDDEN, refusal.getMessage(), request);
            case TOO_LARGE -> page("meetings/error", HttpStatus.PAYLOAD_TOO_LARGE, refusal.getMessage(), request);
            case TOO_MANY -> page("meetings/error", HttpStatus.TOO_MANY_REQUESTS, refusal.getMessage(), request);
            case CONFLICT -> page("meetings/error", HttpStatus.CONFLICT, refusal.getMessage(), request);
            case INVALID -> page("meetings/error", HttpStatus.BAD_REQUEST, refusal.getMessage(), request);
        };
    }

    private ModelAndView page(String view, HttpStatus status, String reason, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("me", signedIn.profile(authentication).orElse(null));
        page.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
        page.addObject("status", status.value());
        page.addObject("reason", reason);
        return page;
    }
}
