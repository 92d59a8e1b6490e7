package vn.lienthong.meetings;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Who attended one occurrence, per endpoint and per person.
 *
 * @param source    where the times come from: {@code WEBHOOK} (Prosody's events, authoritative), {@code CLIENT}
 *                  (the meeting page's IFrame events, used only when no webhook reported on this occurrence) or
 *                  {@code NONE}
 * @param lateAfter joining later than start + this is late
 * @param endpoints every endpoint: present when one of its people joined in time, late when the first joined late
 * @param people    every invited official (and guest) with their times
 * @param others    people who joined but are not on the list (a token id we do not know, a guest's own name)
 */
public record AttendanceReport(long meetingId, String occurrenceId, String title, ZonedDateTime start,
                               ZonedDateTime end, String source, Duration lateAfter, List<EndpointAttendance> endpoints,
                               List<PersonAttendance> people, List<PersonAttendance> others, Summary summary) {

    /** One endpoint's attendance: the first of its people to join decides. */
    public record EndpointAttendance(UnitRef unit, AttendanceStatus status, ZonedDateTime firstJoined,
                                     int peoplePresent) {
    }

    /**
     * One person's attendance.
     *
     * @param id       username, or the e-mail of a guest, or the id the token carried
     * @param endpoint the endpoint they belong to, or {@code null} (named from elsewhere, guest)
     * @param minutes  minutes spent in the room, all sessions together
     */
    public record PersonAttendance(String id, String name, String email, String unitName, UnitRef endpoint,
                                   AttendanceStatus status, ZonedDateTime firstJoined, ZonedDateTime lastLeft,
                                   long minutes) {
    }

    /** Counts over {@link #endpoints()} and {@link #people()}. */
    public record Summary(int endpointsPresent, int endpointsLate, int endpointsAbsent, int peoplePresent,
                          int peopleLate, int peopleAbsent) {
    }
}
