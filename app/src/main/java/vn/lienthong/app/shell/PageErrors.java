package vn.lienthong.app.shell;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Friendly error pages for refusals and missing things thrown by the page controllers. Errors that reach no
 * controller (unknown paths, failures) get Boot's error pages under {@code templates/error/}. Neither ever shows
 * a stack trace.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final SignedIn signedIn;

    PageErrors(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException refusal, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!SignedIn.isAuthenticated(authentication)) {
            // Not signed in: let Spring Security send the visitor to the login page.
            throw refusal;
        }
        return errorPage("error/403", HttpStatus.FORBIDDEN, authentication, request);
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletRequest request) {
        return errorPage("error/404", HttpStatus.NOT_FOUND,
                SecurityContextHolder.getContext().getAuthentication(), request);
    }

    /**
     * An upload above the container's multipart limits. It is refused before any controller is chosen, so this
     * handler decides by path: the API gets a problem, the import page or the compose page says why.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "Tệp tải lên vượt quá dung lượng cho phép.");
            problem.setTitle("Tệp quá lớn");
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        java.util.regex.Matcher meeting = java.util.regex.Pattern.compile("^/meetings/(\\d+)/documents$").matcher(path);
        String page = path.startsWith("/mail") ? "/mail/compose?too-large"
                : meeting.matches() ? "/meetings/" + meeting.group(1) + "?too-large#meeting-documents"
                : "/admin/import?too-large";
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(request.getContextPath() + page)).build();
    }

    private ModelAndView errorPage(String view, HttpStatus status, Authentication authentication,
                                   HttpServletRequest request) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("me", signedIn.profile(authentication).orElse(null));
        page.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
        page.addObject("status", status.value());
        return page;
    }
}
