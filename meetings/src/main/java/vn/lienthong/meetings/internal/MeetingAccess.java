package vn.lienthong.meetings.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitLevel;
import vn.lienthong.meetings.MeetingException;
import vn.lienthong.meetings.Visibility;

/**
 * Who may do what with a meeting, read from the directory as it is now.
 *
 * <p>An official is present at the endpoint of their unit and, when that unit is an office (DEPARTMENT), at the
 * endpoints of the units above it up to the first that is not one: the staff of "Văn phòng HĐND và UBND huyện" are
 * the district's people at a district endpoint. Conversely an endpoint reaches its unit and the offices inside it.
 *
 * <ul>
 *   <li>managers (edit, cancel): system administrators, those who administer the host unit, the creator;</li>
 *   <li>invitees (see, answer, join): the chair, the named participants and, for a public meeting, everyone
 *       present at one of its endpoints;</li>
 *   <li>moderators in the room: the chair and the unit administrators whose subtree holds the host unit;</li>
 *   <li>recorders (documents, minutes, attendance): managers and the chair.</li>
 * </ul>
 */
@Component
class MeetingAccess {

    private final Directory directory;

    MeetingAccess(Directory directory) {
        this.directory = directory;
    }

    /** The acting official, with what is worked out once per request; unknown or deactivated: refused. */
    Viewer viewer(String username) {
        Official official = directory.findOfficialByUsername(username == null ? "" : username)
                .filter(Official::active)
                .orElseThrow(() -> new MeetingException(MeetingException.Reason.FORBIDDEN,
                        "Tài khoản không tồn tại hoặc đã ngừng hoạt động."));
        return new Viewer(official, Set.copyOf(endpointUnitsOf(official)));
    }

    Optional<Official> findOfficial(String username) {
        return directory.findOfficialByUsername(username);
    }

    /** The endpoint units an official is present at: their unit, and above it while it is an office. */
    List<Long> endpointUnitsOf(Official official) {
        List<Long> units = new ArrayList<>();
        Unit unit = directory.findUnit(official.unitId()).orElse(null);
        while (unit != null) {
            units.add(unit.id());
            if (unit.level() != UnitLevel.DEPARTMENT || unit.parentId() == null) {
                break;
            }
            unit = directory.findUnit(unit.parentId()).orElse(null);
        }
        return units;
    }

    /** The units an endpoint reaches: itself and the active offices (DEPARTMENT) inside it, recursively. */
    List<Unit> reach(long endpointUnitId) {
        List<Unit> units = new ArrayList<>();
        Unit root = directory.findUnit(endpointUnitId).orElse(null);
        if (root == null) {
            return units;
        }
        Deque<Unit> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Unit unit = todo.poll();
            units.add(unit);
            for (Unit child : directory.children(unit.id())) {
                if (child.level() == UnitLevel.DEPARTMENT) {
                    todo.add(child);
                }
            }
        }
        return units;
    }

    /** Active officials present at these endpoints (a public meeting's unit invitees), in endpoint order. */
    Set<Official> officialsOfEndpoints(List<Long> endpointUnitIds) {
        Set<Official> officials = new LinkedHashSet<>();
        for (long unitId : endpointUnitIds) {
            for (Unit unit : reach(unitId)) {
                officials.addAll(directory.officialsOf(unit.id(), false));
            }
        }
        return officials;
    }

    /** Whether an official (not necessarily the viewer) is invited. */
    boolean isInvited(Official official, Meeting meeting) {
        if (meeting.named(official.username())) {
            return true;
        }
        return meeting.record().visibility() == Visibility.PUBLIC_TO_UNITS
                && endpointUnitsOf(official).stream().anyMatch(meeting.endpointUnitIds()::contains);
    }

    Directory directory() {
        return directory;
    }

    /**
     * The acting official with their endpoint units and a cache of the directory's answers about host units, so a
     * calendar of hundreds of meetings asks the directory once per host unit, not once per meeting.
     */
    final class Viewer {

        private final Official official;
        private final Set<Long> endpointUnits;
        private final Map<Long, Boolean> administers = new HashMap<>();
        private final Map<Long, Boolean> hostAdmin = new HashMap<>();

        private Viewer(Official official, Set<Long> endpointUnits) {
            this.official = official;
            this.endpointUnits = endpointUnits;
        }

        Official official() {
            return official;
        }

        String username() {
            return official.username();
        }

        Set<Long> endpointUnits() {
            return endpointUnits;
        }

        boolean systemAdmin() {
            return official.hasRole(Role.SYSTEM_ADMIN);
        }

        /** May administer the unit (system administrator, or unit administrator of a subtree holding it). */
        boolean administers(long unitId) {
            return administers.computeIfAbsent(unitId, id -> directory.canAdminister(official.username(), id));
        }

        boolean manager(MeetingRecord meeting) {
            return systemAdmin() || meeting.createdBy().equals(official.username())
                    || administers(meeting.hostUnitId());
        }

        boolean chair(MeetingRecord meeting) {
            return meeting.chair().equals(official.username());
        }

        /** A unit administrator whose managed subtree holds the host unit. */
        boolean hostAdmin(MeetingRecord meeting) {
            if (!official.hasRole(Role.UNIT_ADMIN) || official.managedUnitId() == null) {
                return false;
            }
            return hostAdmin.computeIfAbsent(meeting.hostUnitId(), id -> directory.findUnit(id)
                    .map(host -> host.path().contains(official.managedUnitId()))
                    .orElse(false));
        }

        boolean invited(Meeting meeting) {
            if (meeting.named(official.username())) {
                return true;
            }
            return meeting.record().isPublic()
                    && meeting.endpointUnitIds().stream().anyMatch(endpointUnits::contains);
        }

        boolean canSee(Meeting meeting) {
            return invited(meeting) || manager(meeting.record());
        }

        boolean canJoin(Meeting meeting) {
            return invited(meeting) || hostAdmin(meeting.record());
        }

        boolean moderator(MeetingRecord meeting) {
            return chair(meeting) || hostAdmin(meeting);
        }

        boolean recorder(MeetingRecord meeting) {
            return chair(meeting) || manager(meeting);
        }

        /** The meeting if the viewer may see it; otherwise "not found", as for a meeting that does not exist. */
        Meeting visible(Optional<Meeting> meeting) {
            return meeting.filter(this::canSee).orElseThrow(MeetingException::notFound);
        }
    }
}
