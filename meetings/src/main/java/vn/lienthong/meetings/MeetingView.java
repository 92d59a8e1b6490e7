package vn.lienthong.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A meeting as one viewer may see it. Times are in the suite's time zone.
 *
 * @param id            the meeting's id
 * @param uid           the iCalendar UID, stable for the meeting's whole life
 * @param start         start of the (first) occurrence
 * @param end           its end
 * @param recurrence    the RRULE value of a series, or {@code null}
 * @param excludedDates days of the series that are cancelled (EXDATE, and occurrences cancelled one by one)
 * @param host          the host unit (đơn vị chủ trì), also the first endpoint
 * @param chair         the chairing official
 * @param sequence      iCalendar SEQUENCE, bumped by every change
 * @param endpoints     the participating units (điểm cầu), host first
 * @param participants  the chair and the officials invited by name, with their answers
 * @param guests        outside guests and their answers
 * @param responses     counts of the answers of everyone invited (named or through an endpoint)
 * @param documents     the documents attached (tài liệu), oldest first
 * @param you           what the viewer may do
 */
public record MeetingView(long id, String uid, String title, String agenda, ZonedDateTime start, ZonedDateTime end,
                          String recurrence, List<LocalDate> excludedDates, UnitRef host, PersonRef chair,
                          Visibility visibility, MeetingStatus status, int sequence, List<Endpoint> endpoints,
                          List<Participant> participants, List<GuestView> guests, ResponseCounts responses,
                          List<DocumentView> documents, boolean hasMinutes, boolean lobby, Integer maxOccupants,
                          String createdBy, Instant createdAt, Instant updatedAt, String cancelReason,
                          Permissions you) {

    /** A participating unit; {@code address} is where its invitation goes (its group address), or {@code null}. */
    public record Endpoint(UnitRef unit, boolean host, String address) {
    }

    /** The chair or a named participant. */
    public record Participant(PersonRef person, ParticipantRole role, ResponseStatus response, Instant respondedAt,
                              String comment) {
    }

    /** An outside guest. */
    public record GuestView(String email, String name, ResponseStatus response, Instant respondedAt) {
    }

    /** How many invitees answered what (the series' answers, not single occurrences'). */
    public record ResponseCounts(int accepted, int tentative, int declined) {
    }

    /**
     * What the viewer may do.
     *
     * @param invited  invited (chair, by name, or through an endpoint of a public meeting): may answer and join
     * @param manager  may edit and cancel (system administrators, administrators of the host unit, the creator)
     * @param moderator joins as a moderator of the Jitsi room (the chair and the host unit's administrators)
     * @param recorder may attach documents, write the minutes and read the attendance (managers and the chair)
     * @param response the viewer's own answer to the series, or {@code null} when not invited
     */
    public record Permissions(boolean invited, boolean manager, boolean moderator, boolean recorder,
                              ResponseStatus response) {
    }
}
