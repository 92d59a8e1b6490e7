package vn.lienthong.meetings.internal;

import java.time.Clock;
import java.time.Instant;

/** The time the meetings run by; a bean so that tests can move it. */
class MeetingClock {

    private volatile Clock clock;

    MeetingClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    /** Tests only. */
    void set(Clock clock) {
        this.clock = clock;
    }
}
