package vn.lienthong.meetings.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;
import vn.lienthong.meetings.AttendanceReport;
import vn.lienthong.meetings.AttendanceStatus;
import vn.lienthong.meetings.MeetingAttendance;
import vn.lienthong.meetings.MeetingException;
import vn.lienthong.meetings.UnitRef;

/**
 * {@link MeetingAttendance}: the stays of one occurrence, from the webhooks when any webhook reported on it (they are
 * authoritative), else from the meeting page's IFrame events. A stay is matched to an invitee by the token's user id
 * (our username), else by e-mail. Someone is present when their first join is at most {@code late-after} after the
 * start, late after that, absent without a join; an endpoint takes the status of the first of its people to join.
 */
@Service
class MeetingAttendanceService implements MeetingAttendance {

    private final MeetingAccess access;
    private final MeetingRepository meetings;
    private final MeetingPresenceRepository presence;
    private final Directory directory;
    private final MeetingsSettings settings;
    private final MeetingClock clock;

    MeetingAttendanceService(MeetingAccess access, MeetingRepository meetings, MeetingPresenceRepository presence, Directory directory,
                      MeetingsSettings settings, MeetingClock clock) {
        this.access = access;
        this.meetings = meetings;
        this.presence = presence;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public AttendanceReport report(String actor, long meetingId, String occurrenceId) {
        MeetingAccess.Viewer viewer = access.viewer(actor);
        Meeting meeting = viewer.visible(meetings.load(meetingId));
        if (!viewer.recorder(meeting.record())) {
            throw new MeetingException(MeetingException.Reason.FORBIDDEN,
                    "Chỉ người chủ trì và người tổ chức mới xem được điểm danh.");
        }
        Schedule.Slot slot = slot(meeting, occurrenceId);
        MeetingRecord m = meeting.record();
        ZoneId zone = m.zone();
        Instant start = slot.start();
        Instant deadline = start.plus(settings.lateAfter());
        Instant closes = slot.end().plus(settings.jitsi().overtime());
        Instant now = clock.now();
        Instant openEnd = now.isBefore(closes) ? now : closes;

        List<MeetingPresenceRepository.Presence> stays = presence.presence(m.id(), slot.key());
        boolean fromWebhooks = stays.stream().anyMatch(s -> MeetingPresenceRepository.WEBHOOK.equals(s.source()));
        String source = fromWebhooks ? MeetingPresenceRepository.WEBHOOK : stays.isEmpty() ? "NONE"
                : MeetingPresenceRepository.CLIENT;
        List<MeetingPresenceRepository.Presence> used = stays.stream()
                .filter(s -> s.source().equals(fromWebhooks ? MeetingPresenceRepository.WEBHOOK : MeetingPresenceRepository.CLIENT))
                .toList();

        // The people expected, keyed by username or guest address, each with the endpoint they belong to.
        Map<String, Expected> expected = new LinkedHashMap<>();
        Map<String, String> byEmail = new HashMap<>();
        for (Meeting.Participant participant : meeting.participants()) {
            directory.findOfficialByUsername(participant.username()).ifPresent(o -> expect(expected, byEmail, o,
                    endpointOf(o, meeting)));
        }
        if (m.isPublic()) {
            for (long unitId : meeting.endpointUnitIds()) {
                for (Unit unit : access.reach(unitId)) {
                    for (Official official : directory.officialsOf(unit.id(), false)) {
                        expect(expected, byEmail, official, unitId);
                    }
                }
            }
        }
        for (Meeting.GuestRow guest : meeting.guests()) {
            String key = "mailto:" + guest.email();
            expected.putIfAbsent(key, new Expected(guest.email(), guest.name().isBlank() ? guest.email()
                    : guest.name(), guest.email(), "Khách mời", null));
            byEmail.putIfAbsent(guest.email(), key);
        }

        Map<String, List<MeetingPresenceRepository.Presence>> staysOf = new LinkedHashMap<>();
        Map<String, Expected> strangers = new LinkedHashMap<>();
        for (MeetingPresenceRepository.Presence stay : used) {
            String key = null;
            if (!stay.userId().isBlank() && expected.containsKey(stay.userId())) {
                key = stay.userId();
            }
            else if (!stay.email().isBlank()) {
                key = byEmail.get(stay.email().toLowerCase(Locale.ROOT));
            }
            if (key == null) {
                key = "?" + (!stay.userId().isBlank() ? stay.userId() : !stay.email().isBlank() ? stay.email()
                        : stay.name());
                String id = key.substring(1);
                strangers.putIfAbsent(key, new Expected(id, stay.name().isBlank() ? id : stay.name(), stay.email(),
                        "", null));
            }
            staysOf.computeIfAbsent(key, k -> new ArrayList<>()).add(stay);
        }

        Map<Long, UnitRef> units = new HashMap<>();
        List<AttendanceReport.PersonAttendance> people = new ArrayList<>();
        for (Map.Entry<String, Expected> entry : expected.entrySet()) {
            people.add(person(entry.getValue(), staysOf.getOrDefault(entry.getKey(), List.of()), deadline, openEnd,
                    zone, units));
        }
        List<AttendanceReport.PersonAttendance> others = new ArrayList<>();
        for (Map.Entry<String, Expected> entry : strangers.entrySet()) {
            others.add(person(entry.getValue(), staysOf.get(entry.getKey()), deadline, openEnd, zone, units));
        }

        List<AttendanceReport.EndpointAttendance> endpoints = new ArrayList<>();
        for (long unitId : meeting.endpointUnitIds()) {
            UnitRef unit = unitRef(unitId, units);
            ZonedDateTime first = null;
            int present = 0;
            for (AttendanceReport.PersonAttendance person : people) {
                if (person.endpoint() == null || person.endpoint().id() != unitId || person.firstJoined() == null) {
                    continue;
                }
                present++;
                first = first == null || person.firstJoined().isBefore(first) ? person.firstJoined() : first;
            }
            endpoints.add(new AttendanceReport.EndpointAttendance(unit, status(first, deadline), first, present));
        }

        AttendanceReport.Summary summary = new AttendanceReport.Summary(
                count(endpoints.stream().map(AttendanceReport.EndpointAttendance::status).toList(),
                        AttendanceStatus.PRESENT),
                count(endpoints.stream().map(AttendanceReport.EndpointAttendance::status).toList(),
                        AttendanceStatus.LATE),
                count(endpoints.stream().map(AttendanceReport.EndpointAttendance::status).toList(),
                        AttendanceStatus.ABSENT),
                count(people.stream().map(AttendanceReport.PersonAttendance::status).toList(), AttendanceStatus.PRESENT),
                count(people.stream().map(AttendanceReport.PersonAttendance::status).toList(), AttendanceStatus.LATE),
                count(people.stream().map(AttendanceReport.PersonAttendance::status).toList(), AttendanceStatus.ABSENT));
        return new AttendanceReport(m.id(), slot.single() ? null : slot.key(), m.title(), start.atZone(zone),
                slot.end().atZone(zone), source, settings.lateAfter(), endpoints, people, others, summary);
    }

    /** The report as CSV (UTF-8 with BOM, so spreadsheet programs read the Vietnamese right), per person or endpoint. */
    static void csv(AttendanceReport report, boolean byEndpoint, Writer out) {
        try {
            out.write('\uFEFF');
            // Not closed here: the writer belongs to the caller.
            CSVPrinter csv;
            if (byEndpoint) {
                csv = CSVFormat.DEFAULT.builder().setHeader("Điểm cầu", "Mã đơn vị", "Trạng thái", "Vào sớm nhất",
                        "Số người tham dự").get().print(out);
                for (AttendanceReport.EndpointAttendance endpoint : report.endpoints()) {
                    csv.printRecord(endpoint.unit().name(), endpoint.unit().code(), label(endpoint.status()),
                            time(endpoint.firstJoined()), endpoint.peoplePresent());
                }
            }
            else {
                csv = CSVFormat.DEFAULT.builder().setHeader("Điểm cầu", "Mã đơn vị", "Họ và tên", "Tài khoản",
                        "Thư điện tử", "Đơn vị công tác", "Trạng thái", "Vào lúc", "Rời lúc", "Số phút").get()
                        .print(out);
                List<AttendanceReport.PersonAttendance> all = new ArrayList<>(report.people());
                all.addAll(report.others());
                for (AttendanceReport.PersonAttendance person : all) {
                    csv.printRecord(person.endpoint() == null ? "" : person.endpoint().name(),
                            person.endpoint() == null ? "" : person.endpoint().code(), person.name(), person.id(),
                            person.email(), person.unitName(), label(person.status()), time(person.firstJoined()),
                            time(person.lastLeft()), person.minutes());
                }
            }
            csv.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String label(AttendanceStatus status) {
        return switch (status) {
            case PRESENT -> "Có mặt";
            case LATE -> "Đến muộn";
            case ABSENT -> "Vắng";
        };
    }

    private static String time(ZonedDateTime time) {
        return time == null ? "" : Formats.DATE_TIME.format(time);
    }

    private record Expected(String id, String name, String email, String unitName, Long endpointUnitId) {
    }

    private void expect(Map<String, Expected> expected, Map<String, String> byEmail, Official official,
                        Long endpointUnitId) {
        String unitName = directory.findUnit(official.unitId()).map(Unit::name).orElse("");
        Expected existing = expected.get(official.username());
        if (existing == null || (existing.endpointUnitId() == null && endpointUnitId != null)) {
            expected.put(official.username(), new Expected(official.username(), official.fullName(),
                    official.email(), unitName, endpointUnitId));
        }
        if (official.email() != null) {
            byEmail.putIfAbsent(official.email().toLowerCase(Locale.ROOT), official.username());
        }
    }

    private Long endpointOf(Official official, Meeting meeting) {
        return access.endpointUnitsOf(official).stream().filter(meeting.endpointUnitIds()::contains).findFirst()
                .orElse(null);
    }

    private AttendanceReport.PersonAttendance person(Expected who, List<MeetingPresenceRepository.Presence> stays,
                                                     Instant deadline, Instant openEnd, ZoneId zone,
                                                     Map<Long, UnitRef> units) {
        Instant first = null;
        Instant last = null;
        long seconds = 0;
        for (MeetingPresenceRepository.Presence stay : stays) {
            Instant left = stay.leftAt() != null ? stay.leftAt() : openEnd;
            first = first == null || stay.joinedAt().isBefore(first) ? stay.joinedAt() : first;
            last = last == null || left.isAfter(last) ? left : last;
            if (left.isAfter(stay.joinedAt())) {
                seconds += Duration.between(stay.joinedAt(), left).toSeconds();
            }
        }
        ZonedDateTime firstJoined = first == null ? null : first.atZone(zone);
        return new AttendanceReport.PersonAttendance(who.id(), who.name(), who.email(), who.unitName(),
                who.endpointUnitId() == null ? null : unitRef(who.endpointUnitId(), units),
                status(firstJoined, deadline), firstJoined, last == null ? null : last.atZone(zone),
                (seconds + 30) / 60);
    }

    private static AttendanceStatus status(ZonedDateTime firstJoined, Instant deadline) {
        if (firstJoined == null) {
            return AttendanceStatus.ABSENT;
        }
        return firstJoined.toInstant().isAfter(deadline) ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
    }

    private UnitRef unitRef(long unitId, Map<Long, UnitRef> units) {
        return units.computeIfAbsent(unitId, id -> directory.findUnit(id).map(MeetingViews::unitRef)
                .orElse(new UnitRef(id, "", "#" + id, null)));
    }

    private static int count(List<AttendanceStatus> statuses, AttendanceStatus wanted) {
        return (int) statuses.stream().filter(s -> s == wanted).count();
    }

    private Schedule.Slot slot(Meeting meeting, String occurrenceId) {
        boolean given = occurrenceId != null && !occurrenceId.isBlank();
        if (!meeting.record().recurring()) {
            return Schedule.find(meeting.record(), meeting.exceptions(), "");
        }
        if (!given) {
            throw MeetingException.invalid("occurrenceId", "Chọn buổi họp của chuỗi (occurrenceId).");
        }
        Schedule.Slot slot = Schedule.find(meeting.record(), meeting.exceptions(), occurrenceId.strip());
        if (slot == null) {
            throw new MeetingException(MeetingException.Reason.NOT_FOUND, "Không có buổi họp này trong chuỗi.");
        }
        return slot;
    }
}
