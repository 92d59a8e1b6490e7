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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import vn.lienthong.chat.ChatException;

/**
 * The chat API's refusals as RFC 7807 problems with a {@code code} (the {@link ChatException.Reason}) and the
 * Vietnamese message as the detail: 404, 403, 400, 409, 413, 429 with {@code Retry-After}.
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
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
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

    /**
     * An upload over the servlet container's multipart limit ({@code spring.servlet.multipart.*}), when that
     * limit is met after the handler was chosen; one refused before that gets the app's own answer.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> overContainerLimit() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "Tệp quá lớn so với giới hạn tải lên của máy chủ.");
        problem.setProperty("code", ChatException.Reason.TOO_LARGE.name());
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    /** A file upload without its {@code file} part, or not multipart at all. */
    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> noFile() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Chưa có tệp: gửi tệp trong phần \"file\" của biểu mẫu multipart/form-data.");
        problem.setProperty("code", "INVALID");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Nội dung yêu cầu không phải JSON hợp lệ.");
        problem.setProperty("code", "INVALID");
        return ResponseEntity.badRequest().body(problem);
    }
}
