package vn.lienthong.meetings;

import java.time.ZonedDateTime;

/**
 * One occurrence in a calendar.
 *
 * @param occurrenceId  see {@link Occurrence#occurrenceId()}; {@code null} for a single meeting
 * @param title         the title, or "Bận" when the viewer may not see the meeting (another official's private
 *                      meeting in an administrator's view of their calendar)
 * @param hidden        true for such a busy-only entry: nothing else is filled in
 * @param status        CANCELLED when the meeting or this occurrence was cancelled
 * @param myResponse    the viewer's answer (the occurrence's own, else the series'), or {@code null} when the
 *                      viewer is not invited
 * @param endpointCount number of participating units
 */
public record CalendarEntry(long meetingId, String occurrenceId, String title, boolean hidden, ZonedDateTime start,
                            ZonedDateTime end, MeetingStatus status, boolean recurring, Visibility visibility,
                            UnitRef host, String chairName, ResponseStatus myResponse, int endpointCount) {
}
