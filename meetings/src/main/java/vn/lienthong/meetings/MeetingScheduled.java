package vn.lienthong.meetings;

/**
 * A meeting was created. Published inside the transaction: listen with {@code @ApplicationModuleListener}.
 */
public record MeetingScheduled(long meetingId) {
}
