package vn.lienthong.meetings.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Unit;
import vn.lienthong.meetings.ConflictWarning;
import vn.lienthong.meetings.MeetingStatus;

/**
 * Double bookings: the chair chairs or is named in another meeting at the same time, or a unit's room is an
 * endpoint of another meeting then. Warnings only; looked for over the first {@value #HORIZON_OCCURRENCES}
 * occurrences within a year. Another meeting the scheduler may not see is named without its title.
 */
@Component
class MeetingConflicts {

    static final int HORIZON_OCCURRENCES = 200;
    static final int MAX_WARNINGS = 50;

    private final MeetingRepository meetings;
    private final Directory directory;
    private final MeetingsSettings settings;

    MeetingConflicts(MeetingRepository meetings, Directory directory, MeetingsSettings settings) {
        this.meetings = meetings;
        this.directory = directory;
        this.settings = settings;
    }

    /**
     * The warnings for {@code candidate} (a meeting as it would be; its id is ignored) against every other
     * scheduled meeting but {@code exceptId}.
     */
    List<ConflictWarning> find(MeetingAccess.Viewer viewer, Meeting candidate, Long exceptId) {
        MeetingRecord record = candidate.record();
        if (record.cancelled()) {
            return List.of();
        }
        Instant from = record.rangeStart();
        Instant horizon = record.startAt().atZone(record.zone()).plusYears(1).toInstant();
        Instant to = record.rangeEnd() == null || record.rangeEnd().isAfter(horizon) ? horizon : record.rangeEnd();
        List<Schedule.Slot> mine = Schedule.overlapping(record, candidate.exceptions(), from, to).stream()
                .filter(slot -> !slot.cancelled())
                .limit(HORIZON_OCCURRENCES)
                .toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        Instant first = mine.get(0).start();
        Instant last = mine.stream().map(Schedule.Slot::end).max(Instant::compareTo).orElse(to);

        Set<Long> mineUnits = new HashSet<>(candidate.endpointUnitIds());
        Set<Long> units = new HashSet<>(mineUnits);
        units.addAll(viewer.endpointUnits());
        Map<Long, Set<Long>> endpoints = meetings.endpointLinks(units, first, last, settings.maxDuration());
        Map<Long, Set<String>> people = meetings.participantLinks(new HashSet<>(List.of(record.chair(),
                viewer.username())), first, last, settings.maxDuration());
        Set<Long> ids = new LinkedHashSet<>();
        endpoints.forEach((id, where) -> {
            if (where.stream().anyMatch(mineUnits::contains)) {
                ids.add(id);
            }
        });
        people.forEach((id, who) -> {
            if (who.contains(record.chair())) {
                ids.add(id);
            }
        });
        if (exceptId != null) {
            ids.remove(exceptId);
        }
        Map<Long, Meeting> others = meetings.loadPartial(ids, endpoints, people);
        List<ConflictWarning> warnings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ZoneId zone = record.zone();
        for (Meeting other : others.values()) {
            if (other.record().status() == MeetingStatus.CANCELLED) {
                continue;
            }
            boolean chairBooked = other.named(record.chair());
            List<Long> sharedUnits = other.endpointUnitIds().stream().filter(mineUnits::contains).toList();
            if (!chairBooked && sharedUnits.isEmpty()) {
                continue;
            }
            for (Schedule.Slot theirs : Schedule.overlapping(other.record(), other.exceptions(), first, last)) {
                if (theirs.cancelled() || mine.stream().noneMatch(s -> s.overlaps(theirs.start(), theirs.end()))) {
                    continue;
                }
                String title = viewer.canSee(other) ? other.record().title() : null;
                String when = Formats.span(theirs.start(), theirs.end(), zone);
                String about = title == null ? "một cuộc họp khác" : "cuộc họp \"" + title + "\"";
                if (chairBooked && seen.add("chair:" + other.id())) {
                    String name = directory.findOfficialByUsername(record.chair()).map(o -> o.fullName())
                            .orElse(record.chair());
                    warnings.add(new ConflictWarning(ConflictWarning.Kind.CHAIR, record.chair(), null, other.id(),
                            title, theirs.start().atZone(zone), theirs.end().atZone(zone),
                            "Người chủ trì " + name + " đã có " + about + " lúc " + when + "."));
                }
                for (long unitId : sharedUnits) {
                    if (seen.add("unit:" + unitId + ":" + other.id())) {
                        String unitName = directory.findUnit(unitId).map(Unit::name).orElse("#" + unitId);
                        warnings.add(new ConflictWarning(ConflictWarning.Kind.ENDPOINT, null, unitId, other.id(),
                                title, theirs.start().atZone(zone), theirs.end().atZone(zone),
                                "Điểm cầu " + unitName + " đã được đặt cho " + about + " lúc " + when + "."));
                    }
                }
                if (warnings.size() >= MAX_WARNINGS) {
                    return warnings;
                }
            }
        }
        return warnings;
    }
}
