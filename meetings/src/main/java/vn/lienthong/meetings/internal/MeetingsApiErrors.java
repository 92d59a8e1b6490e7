package vn.lienthong.meetings.internal;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import vn.lienthong.meetings.MeetingException;

/**
 * The meetings API's refusals as RFC 7807 problems: {@code code} (the {@link MeetingException.Reason}), the
 * Vietnamese message as {@code detail}, and {@code field} when a draft field is at fault: 404, 403, 400, 409, 413.
 * Anything unexpected is 500 with a general message (logged, never shown).
 */
@RestControllerAdvice(assignableTypes = {MeetingsApiController.class, GuestRoomController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class MeetingsApiErrors {

    private static final Logger log = LoggerFactory.getLogger(MeetingsApiErrors.class);

    @ExceptionHandler(MeetingException.class)
    ResponseEntity<ProblemDetail> refused(MeetingException refusal) {
        HttpStatus status = switch (refusal.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ProblemDetail problem = problem(status, refusal.reason().name(), refusal.getMessage());
        if (refusal.field() != null) {
            problem.setProperty("field", refusal.field());
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable() {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "INVALID",
                "Nội dung yêu cầu không phải JSON hợp lệ, hoặc có giá trị sai kiểu (ngày giờ dạng 2026-12-02T08:00)."));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception ex) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "INVALID",
                "Tham số của yêu cầu thiếu hoặc không hợp lệ (ngày dạng 2026-12-02)."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType() {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "INVALID", "Kiểu nội dung không được hỗ trợ."));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "TOO_LARGE", "Tệp quá lớn."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failure(Exception failure) {
        log.error("Meetings API request failed", failure);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "FAILURE",
                "Có lỗi khi xử lý yêu cầu; xin thử lại sau. Không có dữ liệu nào bị mất."));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        problem.setProperty("code", code);
        return problem;
    }
}
