package vn.lienthong.meetings;

/**
 * A meeting, or one occurrence of it, was changed; {@code sequence} is its new iCalendar SEQUENCE.
 * Published inside the transaction: listen with {@code @ApplicationModuleListener}.
 */
public record MeetingUpdated(long meetingId, int sequence) {
}
