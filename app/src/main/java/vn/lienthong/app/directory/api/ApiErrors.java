package vn.lienthong.app.directory.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.lienthong.app.shell.NotFoundException;
import vn.lienthong.app.shell.Problems;
import vn.lienthong.app.shell.SignedIn;
import vn.lienthong.directory.DirectoryValidationException;

/**
 * The API's errors as RFC 7807 problems: 400 with the offending {@code field}, 403, 404, 500. Never a stack trace
 * or an internal message; the detail is written for the person who sent the request.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final Problems problems;

    ApiErrors(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DirectoryValidationException.class)
    ProblemDetail invalid(DirectoryValidationException refusal) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid", refusal.getMessage());
        problem.setProperty("field", refusal.field());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument() {
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid", null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException refusal) {
        if (!SignedIn.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
            // Not signed in: Spring Security answers 401.
            throw refusal;
        }
        return problem(HttpStatus.FORBIDDEN, "problem.forbidden", null);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "problem.notFound", null);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail failure(Exception failure) {
        log.error("API request failed", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.failure", null);
    }

    private ProblemDetail problem(HttpStatus status, String key, String detail) {
        return problems.of(status, key, detail);
    }
}
