package vn.lienthong.meetings;

import java.time.LocalDateTime;

/** Moves one occurrence of a series (wall-clock times in the suite's time zone). */
public record OccurrenceChange(LocalDateTime start, LocalDateTime end) {
}
