package vn.lienthong.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import vn.lienthong.meetings.MeetingStatus;
import vn.lienthong.meetings.Visibility;

/** A row of {@code meet_meeting}. */
record MeetingRecord(long id, String uid, String title, String agenda, Instant startAt, Instant endAt, ZoneId zone,
                     String recurrence, Instant rangeStart, Instant rangeEnd, long hostUnitId, String chair,
                     Visibility visibility, MeetingStatus status, int sequence, String room, boolean lobby,
                     Integer maxOccupants, String createdBy, Instant createdAt, Instant updatedAt,
                     Instant cancelledAt, String cancelReason) {

    Duration duration() {
        return Duration.between(startAt, endAt);
    }

    ZonedDateTime zonedStart() {
        return startAt.atZone(zone);
    }

    boolean cancelled() {
        return status == MeetingStatus.CANCELLED;
    }

    boolean recurring() {
        return recurrence != null;
    }

    boolean isPublic() {
        return visibility == Visibility.PUBLIC_TO_UNITS;
    }
}
