package vn.lienthong.meetings.internal;

import java.time.Instant;

/** A row of {@code meet_occurrence}: one occurrence of a series cancelled or moved alone. */
record OccurrenceRecord(String key, Instant originalStart, boolean cancelled, Instant startAt, Instant endAt,
                        String reason) {

    boolean moved() {
        return startAt != null;
    }
}
