package vn.lienthong.chat.internal;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.lienthong.chat.ChatException;

/**
 * The chat API's refusals as RFC 7807 problems with a {@code code} (the {@link ChatException.Reason}) and the
 * Vietnamese message as the detail: 404, 403, 400, 409, 429 with {@code Retry-After}.
 */
@RestControllerAdvice(assignableTypes = {ChatApiController.class, ChatAdminApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChatApiErrors {

    @ExceptionHandler(ChatException.class)
    ResponseEntity<ProblemDetail> refused(ChatException refusal) {
        HttpStatus status = switch (refusal.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CLOSED -> HttpStatus.CONFLICT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        problem.setType(URI.create("about:blank"));
        problem.setProperty("code", refusal.reason().name());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (refusal.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000)));
        }
        return response.body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Nội dung yêu cầu không phải JSON hợp lệ.");
        problem.setProperty("code", "INVALID");
        return ResponseEntity.badRequest().body(problem);
    }
}
