package vn.lienthong.meetings.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;
import vn.lienthong.meetings.CalendarEntry;
import vn.lienthong.meetings.CalendarPage;
import vn.lienthong.meetings.CalendarView;
import vn.lienthong.meetings.MeetingStatus;
import vn.lienthong.meetings.ResponseStatus;
import vn.lienthong.meetings.UnitRef;

/** Calendar views: the days a view covers, and the entries of the meetings found for it. */
@Component
class MeetingCalendarQueries {

    static final String BUSY = "Bận";

    private final MeetingRepository meetings;
    private final Directory directory;
    private final MeetingsSettings settings;

    MeetingCalendarQueries(MeetingRepository meetings, Directory directory, MeetingsSettings settings) {
        this.meetings = meetings;
        this.directory = directory;
        this.settings = settings;
    }

    /** First day and the day after the last day of a view (weeks from Monday). */
    record Days(LocalDate from, LocalDate to) {

        Instant start(ZoneId zone) {
            return from.atStartOfDay(zone).toInstant();
        }

        Instant end(ZoneId zone) {
            return to.atStartOfDay(zone).toInstant();
        }
    }

    Days days(CalendarView view, LocalDate date) {
        return switch (view) {
            case DAY -> new Days(date, date.plusDays(1));
            case WEEK -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Days(monday, monday.plusWeeks(1));
            }
            case MONTH -> {
                LocalDate first = date.withDayOfMonth(1);
                LocalDate last = date.with(TemporalAdjusters.lastDayOfMonth());
                yield new Days(first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                        last.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusDays(1));
            }
            case LIST -> new Days(date, date.plusDays(settings.listDays()));
        };
    }

    /** The calendar of an official: what they chair, are named in or are invited to through their unit. */
    CalendarPage ofOfficial(MeetingAccess.Viewer viewer, MeetingAccess.Viewer owner, CalendarView view,
                            LocalDate date) {
        ZoneId zone = settings.timeZone();
        Days days = days(view, date);
        Instant from = days.start(zone);
        Instant to = days.end(zone);
        Set<Long> units = new HashSet<>(owner.endpointUnits());
        units.addAll(viewer.endpointUnits());
        Map<Long, Set<Long>> endpoints = meetings.endpointLinks(units, from, to, settings.maxDuration());
        Map<Long, Set<String>> people = meetings.participantLinks(new HashSet<>(List.of(owner.username(),
                viewer.username())), from, to, settings.maxDuration());
        Set<Long> ids = new LinkedHashSet<>();
        people.forEach((id, who) -> {
            if (who.contains(owner.username())) {
                ids.add(id);
            }
        });
        endpoints.forEach((id, where) -> {
            if (where.stream().anyMatch(owner.endpointUnits()::contains)) {
                ids.add(id);
            }
        });
        Map<Long, Meeting> found = meetings.loadPartial(ids, endpoints, people);
        List<CalendarEntry> entries = entries(viewer, owner.official(), found.values(), owner::invited, owner::invited,
                from, to);
        return new CalendarPage(view, date, days.from(), days.to(), zone.getId(), entries);
    }

    /** The calendar of a unit's room: meetings with the unit as an endpoint. */
    CalendarPage ofUnit(MeetingAccess.Viewer viewer, long unitId, CalendarView view, LocalDate date) {
        ZoneId zone = settings.timeZone();
        Days days = days(view, date);
        Instant from = days.start(zone);
        Instant to = days.end(zone);
        Set<Long> units = new HashSet<>(viewer.endpointUnits());
        units.add(unitId);
        Map<Long, Set<Long>> endpoints = meetings.endpointLinks(units, from, to, settings.maxDuration());
        Set<Long> ids = new LinkedHashSet<>();
        endpoints.forEach((id, where) -> {
            if (where.contains(unitId)) {
                ids.add(id);
            }
        });
        Map<Long, Set<String>> people = meetings.participantLinks(List.of(viewer.username()), from, to,
                settings.maxDuration());
        Map<Long, Meeting> found = meetings.loadPartial(ids, endpoints, people);
        List<CalendarEntry> entries = entries(viewer, viewer.official(), found.values(), m -> true, viewer::invited,
                from, to);
        return new CalendarPage(view, date, days.from(), days.to(), zone.getId(), entries);
    }

    /**
     * One entry per occurrence overlapping {@code [from, to)} of each meeting {@code include} keeps; what the viewer
     * may not see shows as busy only. Answers are the {@code owner}'s.
     */
    private List<CalendarEntry> entries(MeetingAccess.Viewer viewer, Official owner, Collection<Meeting> found,
                                        Predicate<Meeting> include, Predicate<Meeting> ownerInvited, Instant from,
                                        Instant to) {
        List<Meeting> kept = found.stream().filter(include).toList();
        List<Long> keptIds = kept.stream().map(Meeting::id).toList();
        Map<Long, List<MeetingRepository.Response>> ownerAnswers = meetings.responsesOf(owner.username(), keptIds);
        Map<Long, Integer> endpointCounts = meetings.endpointCounts(keptIds);
        Map<Long, UnitRef> hosts = new HashMap<>();
        Map<String, String> chairNames = new HashMap<>();
        List<CalendarEntry> entries = new ArrayList<>();
        for (Meeting meeting : kept) {
            MeetingRecord m = meeting.record();
            boolean hidden = !viewer.canSee(meeting);
            boolean answers = !hidden && ownerInvited.test(meeting);
            UnitRef host = hidden ? null : hosts.computeIfAbsent(m.hostUnitId(), id -> directory.findUnit(id)
                    .map(MeetingViews::unitRef).orElse(null));
            String chair = hidden ? null : chairNames.computeIfAbsent(m.chair(), u -> directory
                    .findOfficialByUsername(u).map(Official::fullName).orElse(u));
            List<MeetingRepository.Response> mine = ownerAnswers.getOrDefault(m.id(), List.of());
            for (Schedule.Slot slot : Schedule.overlapping(m, meeting.exceptions(), from, to)) {
                ResponseStatus response = null;
                if (answers) {
                    response = answer(mine, slot.key(), m.chair().equals(owner.username()));
                }
                entries.add(new CalendarEntry(m.id(), slot.single() ? null : slot.key(),
                        hidden ? BUSY : m.title(), hidden, slot.start().atZone(m.zone()), slot.end().atZone(m.zone()),
                        slot.cancelled() ? MeetingStatus.CANCELLED : MeetingStatus.SCHEDULED, m.recurring(),
                        hidden ? null : m.visibility(), host, chair, response,
                        hidden ? 0 : endpointCounts.getOrDefault(m.id(), 0)));
            }
        }
        entries.sort(Comparator.comparing(CalendarEntry::start).thenComparing(CalendarEntry::meetingId));
        return entries;
    }

    private static ResponseStatus answer(List<MeetingRepository.Response> answers, String key, boolean chair) {
        ResponseStatus series = null;
        for (MeetingRepository.Response answer : answers) {
            if (!key.isEmpty() && answer.occurrenceKey().equals(key)) {
                return answer.status();
            }
            if (answer.occurrenceKey().isEmpty()) {
                series = answer.status();
            }
        }
        return series != null ? series : chair ? ResponseStatus.ACCEPTED : ResponseStatus.NEEDS_ACTION;
    }

    /** Whether the viewer may look at the unit's calendar: its officials (subtree) and those who administer it. */
    boolean mayViewUnit(MeetingAccess.Viewer viewer, Unit unit) {
        if (viewer.administers(unit.id())) {
            return true;
        }
        return directory.findUnit(viewer.official().unitId()).map(own -> own.path().contains(unit.id()))
                .orElse(false);
    }
}
