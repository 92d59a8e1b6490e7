package vn.lienthong.meetings;

/**
 * A meetings operation refused. The message is Vietnamese, ready to show; {@link #reason()} says which kind of
 * refusal it is (the REST API maps it to 404, 403, 400, 409, 413, 429) and {@link #field()} names the offending field of
 * a {@link MeetingDraft} when there is one.
 */
public class MeetingException extends RuntimeException {

    /** Why the operation was refused. */
    public enum Reason {
        /** No such meeting, document or occurrence, or the caller may not see it (never told apart). */
        NOT_FOUND,
        /** The caller sees the meeting but may not do this (edit, read the attendance, ...). */
        FORBIDDEN,
        /** Bad input: missing title, end before start, unknown unit, malformed recurrence rule, ... */
        INVALID,
        /** Not in this state: editing a cancelled meeting, joining before the room opens or after it closed. */
        CONFLICT,
        /** A document over {@code lienthong.meetings.documents.max-size}. */
        TOO_LARGE,
        /** Asked too often in a short time (a guest's join link): try again in a minute. */
        TOO_MANY
    }

    private final Reason reason;
    private final String field;

    public MeetingException(Reason reason, String message) {
        this(reason, message, null);
    }

    public MeetingException(Reason reason, String message, String field) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The draft field the refusal is about ({@code title}, {@code end}, {@code recurrence}, ...), or {@code null}. */
    public String field() {
        return field;
    }

    public static MeetingException notFound() {
        return new MeetingException(Reason.NOT_FOUND, "Không tìm thấy cuộc họp.");
    }

    public static MeetingException invalid(String field, String message) {
        return new MeetingException(Reason.INVALID, message, field);
    }
}
