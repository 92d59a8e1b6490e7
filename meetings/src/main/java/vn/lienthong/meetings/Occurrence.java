package vn.lienthong.meetings;

import java.time.ZonedDateTime;

/**
 * One occurrence of a meeting.
 *
 * @param occurrenceId  for a series, the original start in UTC as iCalendar writes it ({@code 20261202T010000Z}):
 *                      the RECURRENCE-ID, which stays the same when the occurrence is moved; {@code null} for a
 *                      single meeting
 * @param start         when it starts (after a move, the new time)
 * @param end           when it ends
 * @param originalStart when the rule placed it
 * @param cancelled     cancelled alone (or the whole meeting is)
 * @param moved         moved alone
 */
public record Occurrence(String occurrenceId, ZonedDateTime start, ZonedDateTime end, ZonedDateTime originalStart,
                         boolean cancelled, boolean moved) {
}
