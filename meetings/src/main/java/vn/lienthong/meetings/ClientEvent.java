package vn.lienthong.meetings;

/**
 * An event of the Jitsi IFrame API seen by the meeting page, posted for the attendance (secondary to the server's
 * webhooks): {@code videoConferenceJoined} or {@code videoConferenceLeft}. The time is the server's.
 *
 * @param type         the IFrame API event name
 * @param occurrenceId the occurrence the page joined (from {@link JoinInfo#occurrenceId()}), or {@code null}
 */
public record ClientEvent(String type, String occurrenceId) {
}
