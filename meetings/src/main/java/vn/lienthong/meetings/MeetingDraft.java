package vn.lienthong.meetings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a scheduler fills in to create or change a meeting. Times are wall-clock times in the suite's time zone
 * (Asia/Ho_Chi_Minh), as the form shows them; JSON {@code "2026-12-02T08:00"}.
 *
 * @param title              tiêu đề, 1 to 500 characters
 * @param agenda             nội dung / chương trình, plain text, may be empty
 * @param start              bắt đầu (of the first occurrence for a series)
 * @param end                kết thúc; after {@code start}, at most {@code lienthong.meetings.max-duration} later
 * @param hostUnitId         đơn vị chủ trì; always an endpoint too
 * @param chair              username of the chairing official (chủ trì)
 * @param visibility         {@link Visibility#PUBLIC_TO_UNITS} when {@code null}
 * @param endpointUnitIds    participating units (điểm cầu), one by one
 * @param endpointSelections participating units picked as subtrees by level (see {@link EndpointSelection})
 * @param participants       usernames of officials invited by name
 * @param guests             outside guests by e-mail
 * @param recurrence         an RRULE value such as {@code FREQ=WEEKLY;BYDAY=MO;COUNT=10}, or {@code null} for a
 *                           single meeting; DAILY, WEEKLY, MONTHLY or YEARLY, and {@code start} must be its first
 *                           occurrence
 * @param excludedDates      days on which a series does not take place (EXDATE), dd/MM/yyyy in the form
 * @param lobby              whether Jitsi's lobby is on (guests wait to be let in)
 * @param maxOccupants       the most people in the Jitsi room, or {@code null} for Jitsi's own limit
 */
public record MeetingDraft(String title, String agenda, LocalDateTime start, LocalDateTime end, Long hostUnitId,
                           String chair, Visibility visibility, List<Long> endpointUnitIds,
                           List<EndpointSelection> endpointSelections, List<String> participants, List<Guest> guests,
                           String recurrence, List<LocalDate> excludedDates, Boolean lobby, Integer maxOccupants) {

    public MeetingDraft {
        visibility = visibility == null ? Visibility.PUBLIC_TO_UNITS : visibility;
        endpointUnitIds = endpointUnitIds == null ? List.of() : List.copyOf(endpointUnitIds);
        endpointSelections = endpointSelections == null ? List.of() : List.copyOf(endpointSelections);
        participants = participants == null ? List.of() : List.copyOf(participants);
        guests = guests == null ? List.of() : List.copyOf(guests);
        excludedDates = excludedDates == null ? List.of() : List.copyOf(excludedDates);
    }

    /** A single meeting of the host unit alone, public, chaired by {@code chair}; add the rest with the withers. */
    public static MeetingDraft of(String title, LocalDateTime start, LocalDateTime end, long hostUnitId, String chair) {
        return new MeetingDraft(title, "", start, end, hostUnitId, chair, Visibility.PUBLIC_TO_UNITS, List.of(),
                List.of(), List.of(), List.of(), null, List.of(), false, null);
    }

    public MeetingDraft withAgenda(String agenda) {
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair, visibility, endpointUnitIds,
                endpointSelections, participants, guests, recurrence, excludedDates, lobby, maxOccupants);
    }

    public MeetingDraft withTime(LocalDateTime start, LocalDateTime end) {
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair, visibility, endpointUnitIds,
                endpointSelections, participants, guests, recurrence, excludedDates, lobby, maxOccupants);
    }

    public MeetingDraft withVisibility(Visibility visibility) {
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair, visibility, endpointUnitIds,
                endpointSelections, participants, guests, recurrence, excludedDates, lobby, maxOccupants);
    }

    public MeetingDraft withEndpoints(List<Long> unitIds) {
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair, visibility, unitIds,
                endpointSelections, participants, guests, recurrence, excludedDates, lobby, maxOccupants);
    }

    public MeetingDraft withSelections(List<EndpointSelection> selections) {
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair, visibility, endpointUnitIds,
                selections, participants, guests, recurrence, excludedDates, lobby, maxOccupants);
    }

    public MeetingDraft withParticipants(List<String> usernames) {
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair, visibility, endpointUnitIds,
                endpointSelections, usernames, guests, recurrence, excludedDates, lobby, maxOccupants);
    }

    public MeetingDraft withGuests(List<Guest> guests) {
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair, visibility, endpointUnitIds,
                endpointSelections, participants, guests, recurrence, excludedDates, lobby, maxOccupants);
    }

    public MeetingDraft withRecurrence(String rrule, List<LocalDate> excludedDates) {
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair, visibility, endpointUnitIds,
                endpointSelections, participants, guests, rrule, excludedDates, lobby, maxOccupants);
    }

    public MeetingDraft withChair(String chair) {
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair, visibility, endpointUnitIds,
                endpointSelections, participants, guests, recurrence, excludedDates, lobby, maxOccupants);
    }

    public MeetingDraft withTitle(String title) {
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair, visibility, endpointUnitIds,
                endpointSelections, participants, guests, recurrence, excludedDates, lobby, maxOccupants);
    }

    public MeetingDraft withRoom(Boolean lobby, Integer maxOccupants) {
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair, visibility, endpointUnitIds,
                endpointSelections, participants, guests, recurrence, excludedDates, lobby, maxOccupants);
    }
}
