package vn.lienthong.chat.internal;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The ERROR frame a client gets when a frame is refused: the refusal's own message when it is an access refusal
 * (written for the user, no internals), a generic one otherwise.
 */
class ChatStompErrors extends StompSubProtocolErrorHandler {

    @Override
    protected Message<byte[]> handleInternal(StompHeaderAccessor errorHeaderAccessor, byte[] errorPayload,
                                             Throwable cause, StompHeaderAccessor clientHeaderAccessor) {
        AccessDeniedException denied = find(cause, AccessDeniedException.class);
        errorHeaderAccessor.setMessage(denied != null ? denied.getMessage() : "Yêu cầu bị từ chối (request refused)");
        return super.handleInternal(errorHeaderAccessor, errorPayload, cause, clientHeaderAccessor);
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
