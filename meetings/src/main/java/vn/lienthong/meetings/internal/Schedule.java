package vn.lienthong.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The occurrences of a meeting in a window: the rule's starts, with the series' exceptions applied (an occurrence
 * cancelled alone stays listed as cancelled; one moved alone is listed at its new time, under its original id).
 */
final class Schedule {

    /** No query expands more than this many occurrences. */
    static final int MAX_OCCURRENCES = 1000;

    private Schedule() {
    }

    /**
     * One occurrence.
     *
     * @param key           '' for a single meeting, else the RECURRENCE-ID in UTC
     * @param originalStart where the rule put it
     * @param cancelled     cancelled alone, or the whole meeting is cancelled
     */
    record Slot(String key, Instant originalStart, Instant start, Instant end, boolean cancelled, boolean moved) {

        boolean overlaps(Instant from, Instant to) {
            return start.isBefore(to) && end.isAfter(from);
        }

        boolean single() {
            return key.isEmpty();
        }
    }

    /** Occurrences that overlap {@code [from, to)}, by start. */
    static List<Slot> overlapping(MeetingRecord meeting, List<OccurrenceRecord> exceptions, Instant from, Instant to) {
        return slots(meeting, exceptions, from, to, MAX_OCCURRENCES, true);
    }

    /** Occurrences starting in {@code [from, to)}, by start. */
    static List<Slot> starting(MeetingRecord meeting, List<OccurrenceRecord> exceptions, Instant from, Instant to,
                               int max) {
        return slots(meeting, exceptions, from, to, max, false);
    }

    /** The occurrence with this id (its current times), if the rule has it. */
    static Slot find(MeetingRecord meeting, List<OccurrenceRecord> exceptions, String key) {
        if (meeting.recurrence() == null) {
            return key == null || key.isEmpty() ? single(meeting) : null;
        }
        Instant original = Timestamps.parseKey(key);
        if (original == null) {
            return null;
        }
        List<ZonedDateTime> starts = Recurrence.starts(meeting.recurrence(), meeting.zonedStart(), original,
                original.plusSeconds(1), 1);
        if (starts.isEmpty()) {
            return null;
        }
        OccurrenceRecord exception = exceptions.stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
        return slot(meeting, original, exception);
    }

    private static List<Slot> slots(MeetingRecord meeting, List<OccurrenceRecord> exceptions, Instant from,
                                    Instant to, int max, boolean overlap) {
        if (meeting.recurrence() == null) {
            Slot slot = single(meeting);
            boolean in = overlap ? slot.overlaps(from, to)
                    : !slot.start().isBefore(from) && slot.start().isBefore(to);
            return in ? List.of(slot) : List.of();
        }
        Duration duration = meeting.duration();
        Map<String, OccurrenceRecord> byKey = new HashMap<>();
        exceptions.forEach(e -> byKey.put(e.key(), e));
        List<Slot> slots = new ArrayList<>();
        Instant ruleFrom = overlap ? from.minus(duration) : from;
        for (ZonedDateTime start : Recurrence.starts(meeting.recurrence(), meeting.zonedStart(), ruleFrom, to,
                max + byKey.size())) {
            Instant original = start.toInstant();
            OccurrenceRecord exception = byKey.get(Timestamps.key(original));
            if (exception != null && exception.moved() && !exception.cancelled()) {
                continue; // listed at its new time below
            }
            Slot slot = slot(meeting, original, exception);
            if (!overlap || slot.overlaps(from, to)) {
                slots.add(slot);
            }
        }
        for (OccurrenceRecord exception : exceptions) {
            if (exception.moved() && !exception.cancelled()) {
                Slot slot = slot(meeting, exception.originalStart(), exception);
                boolean in = overlap ? slot.overlaps(from, to)
                        : !slot.start().isBefore(from) && slot.start().isBefore(to);
                if (in) {
                    slots.add(slot);
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::start).thenComparing(Slot::key));
        return slots.size() > max ? List.copyOf(slots.subList(0, max)) : slots;
    }

    private static Slot single(MeetingRecord meeting) {
        return new Slot("", meeting.startAt(), meeting.startAt(), meeting.endAt(), meeting.cancelled(), false);
    }

    private static Slot slot(MeetingRecord meeting, Instant original, OccurrenceRecord exception) {
        String key = Timestamps.key(original);
        boolean cancelled = meeting.cancelled() || (exception != null && exception.cancelled());
        if (exception != null && exception.moved()) {
            return new Slot(key, original, exception.startAt(), exception.endAt(), cancelled, true);
        }
        return new Slot(key, original, original, original.plus(meeting.duration()), cancelled, false);
    }
}
