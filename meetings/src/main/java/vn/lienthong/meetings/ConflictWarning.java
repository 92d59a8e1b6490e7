package vn.lienthong.meetings;

import java.time.ZonedDateTime;

/**
 * The chair or an endpoint is already booked at that time: a warning, the meeting is saved all the same.
 *
 * @param kind           who is booked twice
 * @param username       the chair's username, for {@link Kind#CHAIR}
 * @param unitId         the endpoint's unit, for {@link Kind#ENDPOINT}
 * @param otherMeetingId the meeting already booked
 * @param otherTitle     its title, or {@code null} when the scheduler may not see it
 * @param start          start of the overlapping occurrence of the other meeting
 * @param end            its end
 * @param message        Vietnamese, ready to show
 */
public record ConflictWarning(Kind kind, String username, Long unitId, long otherMeetingId, String otherTitle,
                              ZonedDateTime start, ZonedDateTime end, String message) {

    public enum Kind {
        /** The chair chairs or attends another meeting then. */
        CHAIR,
        /** The unit's room is an endpoint of another meeting then. */
        ENDPOINT
    }
}
