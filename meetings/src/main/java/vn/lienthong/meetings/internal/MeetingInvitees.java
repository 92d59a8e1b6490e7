package vn.lienthong.meetings.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;
import vn.lienthong.meetings.ParticipantRole;

/**
 * Who a meeting's invitations go to, as addresses: the chair and the named officials at their own addresses; for a
 * public meeting, each unit an endpoint reaches (itself and its offices) at its group address, or, for a unit
 * without one, each of its officials; the guests. One address once.
 */
@Component
class MeetingInvitees {

    enum Type { OFFICIAL, UNIT, GUEST }

    /**
     * @param username the official's username (OFFICIAL), else {@code null}
     * @param unitId   the unit of a UNIT address, or the endpoint an OFFICIAL was reached through, else {@code null}
     */
    record Invitee(Type type, String email, String name, String username, Long unitId, boolean chair) {
    }

    private final Directory directory;
    private final MeetingAccess access;

    MeetingInvitees(Directory directory, MeetingAccess access) {
        this.directory = directory;
        this.access = access;
    }

    List<Invitee> all(Meeting meeting) {
        Map<String, Invitee> byEmail = new LinkedHashMap<>();
        for (Meeting.Participant participant : meeting.participants()) {
            official(participant.username()).ifPresent(o -> add(byEmail, new Invitee(Type.OFFICIAL, o.email(),
                    o.fullName(), o.username(), null, participant.role() == ParticipantRole.CHAIR)));
        }
        if (meeting.record().isPublic()) {
            for (long unitId : meeting.endpointUnitIds()) {
                endpoint(byEmail, unitId);
            }
        }
        for (Meeting.GuestRow guest : meeting.guests()) {
            add(byEmail, new Invitee(Type.GUEST, guest.email(), guest.name(), null, null, false));
        }
        return List.copyOf(byEmail.values());
    }

    /** The invitees that {@code targets} define (for a cancellation to those taken off). */
    List<Invitee> of(Targets targets) {
        Map<String, Invitee> byEmail = new LinkedHashMap<>();
        for (String username : targets.usernames()) {
            official(username).ifPresent(o -> add(byEmail, new Invitee(Type.OFFICIAL, o.email(), o.fullName(),
                    o.username(), null, false)));
        }
        for (long unitId : targets.unitIds()) {
            endpoint(byEmail, unitId);
        }
        for (String email : targets.emails()) {
            add(byEmail, new Invitee(Type.GUEST, email, "", null, null, false));
        }
        return List.copyOf(byEmail.values());
    }

    /** Usernames of every invited official (named, and for public meetings everyone at the endpoints). */
    Set<String> usernames(Meeting meeting) {
        Set<String> usernames = new LinkedHashSet<>();
        for (Meeting.Participant participant : meeting.participants()) {
            official(participant.username()).map(Official::username).ifPresent(usernames::add);
        }
        if (meeting.record().isPublic()) {
            access.officialsOfEndpoints(meeting.endpointUnitIds()).forEach(o -> usernames.add(o.username()));
        }
        return usernames;
    }

    /** A unit's group address ({@code mailLocalPart@domain}), if it has one. */
    Optional<String> groupAddress(Unit unit) {
        if (unit.mailLocalPart() == null || unit.mailLocalPart().isBlank()) {
            return Optional.empty();
        }
        return directory.mailDomainOf(unit.id()).map(domain -> unit.mailLocalPart() + "@" + domain);
    }

    private void endpoint(Map<String, Invitee> byEmail, long endpointUnitId) {
        for (Unit unit : access.reach(endpointUnitId)) {
            Optional<String> group = groupAddress(unit);
            if (group.isPresent()) {
                add(byEmail, new Invitee(Type.UNIT, group.get(), unit.name(), null, unit.id(), false));
                continue;
            }
            for (Official official : directory.officialsOf(unit.id(), false)) {
                add(byEmail, new Invitee(Type.OFFICIAL, official.email(), official.fullName(), official.username(),
                        endpointUnitId, false));
            }
        }
    }

    private Optional<Official> official(String username) {
        return directory.findOfficialByUsername(username).filter(Official::active);
    }

    private static void add(Map<String, Invitee> byEmail, Invitee invitee) {
        if (invitee.email() == null || invitee.email().isBlank()) {
            return;
        }
        byEmail.putIfAbsent(invitee.email().toLowerCase(Locale.ROOT), invitee);
    }
}
