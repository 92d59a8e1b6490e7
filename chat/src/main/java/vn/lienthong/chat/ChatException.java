package vn.lienthong.chat;

import java.time.Duration;

/**
 * A chat operation refused. The message is Vietnamese, ready to show; {@link #reason()} says which kind of refusal
 * it is (REST maps it to 404, 403, 400, 429, 409, 413).
 */
public class ChatException extends RuntimeException {

    /** Why the operation was refused. */
    public enum Reason {
        /** No such channel or message, or the caller is not a member (never told apart, so nothing leaks). */
        NOT_FOUND,
        /** A member without the right: posting in an announcement channel, deleting another's message. */
        FORBIDDEN,
        /** Bad input: empty or too long text, unknown reply, bad emoji. */
        INVALID,
        /** Too many messages in a short time; see {@link #retryAfter()}. */
        RATE_LIMITED,
        /** The channel is read-only now. */
        CLOSED,
        /** A file over {@code lienthong.chat.max-file-size}; nothing was stored. */
        TOO_LARGE
    }

    private final Reason reason;
    private final Duration retryAfter;

    public ChatException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ChatException(Reason reason, String message, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#RATE_LIMITED}: how long until one more message is accepted; otherwise {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
