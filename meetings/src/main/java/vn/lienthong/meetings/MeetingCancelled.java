package vn.lienthong.meetings;

/**
 * A whole meeting was cancelled. Published inside the transaction: listen with {@code @ApplicationModuleListener}.
 */
public record MeetingCancelled(long meetingId) {
}
