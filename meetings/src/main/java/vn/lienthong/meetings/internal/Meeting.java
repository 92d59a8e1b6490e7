package vn.lienthong.meetings.internal;

import java.util.List;
import java.util.Optional;

import vn.lienthong.meetings.ParticipantRole;

/**
 * A meeting with everything that defines it: endpoints (host first), the chair and named participants, guests and
 * the series' exceptions.
 */
record Meeting(MeetingRecord record, List<Long> endpointUnitIds, List<Participant> participants, List<GuestRow> guests,
               List<OccurrenceRecord> exceptions) {

    Meeting {
        endpointUnitIds = List.copyOf(endpointUnitIds);
        participants = List.copyOf(participants);
        guests = List.copyOf(guests);
        exceptions = List.copyOf(exceptions);
    }

    long id() {
        return record.id();
    }

    boolean named(String username) {
        return participants.stream().anyMatch(p -> p.username().equals(username));
    }

    Optional<OccurrenceRecord> exception(String key) {
        return exceptions.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** The chair or a named participant. */
    record Participant(String username, ParticipantRole role) {
    }

    /** An outside guest. */
    record GuestRow(String email, String name) {
    }
}
