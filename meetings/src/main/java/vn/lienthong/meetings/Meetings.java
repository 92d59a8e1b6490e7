package vn.lienthong.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import vn.lienthong.directory.UnitLevel;

/**
 * Lịch họp as officials use it. Every method takes the acting official's username (the signed-in user, never a
 * name the client sent) and checks what they may do:
 * <ul>
 *   <li>schedule: system administrators anywhere; unit administrators for a host unit in the subtree they manage,
 *       with any endpoints; any other official for their own unit as host and endpoint only
 *       ({@code lienthong.meetings.officials-may-schedule});</li>
 *   <li>edit and cancel ("managers"): system administrators, administrators of the host unit, the creator;</li>
 *   <li>see: managers and invitees; a private meeting's invitees are the chair, the named participants; a public
 *       meeting's also every official of an endpoint unit or of an office (DEPARTMENT) inside one.</li>
 * </ul>
 * A meeting the actor may not see is {@link MeetingException.Reason#NOT_FOUND}, the same as one that does not
 * exist. Invitations (iMIP), the chat channel and the archive follow every change after commit, asynchronously,
 * from a durable queue: a crash after the commit delays them, never loses them.
 */
public interface Meetings {

    /**
     * Creates a meeting and queues its invitations ({@code METHOD:REQUEST}). Conflicts are warnings.
     *
     * @throws MeetingException INVALID naming the field, FORBIDDEN when the actor may not schedule for the host
     */
    MeetingSaved schedule(String actor, MeetingDraft draft);

    /**
     * Replaces a meeting's details; bumps SEQUENCE and sends the new invitation to every invitee and a cancellation
     * to those no longer invited. A new time or rule resets the answers and drops single-occurrence changes.
     */
    MeetingSaved update(String actor, long meetingId, MeetingDraft draft);

    /** Cancels the whole meeting ({@code METHOD:CANCEL} to everyone), closes its chat channel. */
    MeetingView cancel(String actor, long meetingId, String reason);

    /** Moves one occurrence of a series (a RECURRENCE-ID override). */
    MeetingSaved moveOccurrence(String actor, long meetingId, String occurrenceId, OccurrenceChange change);

    /** Cancels one occurrence of a series (EXDATE, and a CANCEL for that RECURRENCE-ID). */
    MeetingView cancelOccurrence(String actor, long meetingId, String occurrenceId, String reason);

    /** The double bookings a draft would cause, before saving it; {@code meetingId} is the meeting being edited. */
    List<ConflictWarning> conflicts(String actor, MeetingDraft draft, Long meetingId);

    MeetingView meeting(String viewer, long meetingId);

    /**
     * The id of the meeting's chat channel, for a viewer who may see the meeting; empty until the channel is opened
     * (just after scheduling). Whether the viewer is in it is the chat's to say.
     *
     * @throws MeetingException NOT_FOUND as {@link #meeting}
     */
    OptionalLong chatChannel(String viewer, long meetingId);

    /** Occurrences starting in {@code [from, to)}, cancelled ones included and marked; at most 1,000. */
    List<Occurrence> occurrences(String viewer, long meetingId, Instant from, Instant to);

    /**
     * Answers the invitation for the series ({@code occurrenceId == null}) or one occurrence. Only invitees answer.
     * The answer is kept for the next invitation mails (PARTSTAT) and shown to the chair.
     */
    ResponseStatus respond(String username, long meetingId, String occurrenceId, ResponseStatus status,
                           String comment);

    /**
     * The official's calendar: meetings they chair, are named in, or are invited to through their unit. Someone
     * else's calendar ({@code username} differs from {@code viewer}) is for those who administer that official's
     * unit; meetings the viewer may not see show as busy only.
     */
    CalendarPage calendarOf(String viewer, String username, CalendarView view, LocalDate date);

    /**
     * The calendar of a unit's room: meetings where the unit is an endpoint, those the viewer may see. For the
     * unit's officials (its subtree included) and those who administer it.
     */
    CalendarPage unitCalendar(String viewer, long unitId, CalendarView view, LocalDate date);

    /**
     * Endpoint picker helper, one call: the unit and the active units of the given levels below it, in tree order
     * (see {@link EndpointSelection}).
     */
    List<EndpointUnit> endpointCandidates(String actor, long unitId, Set<UnitLevel> levels);
}
