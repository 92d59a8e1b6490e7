package vn.lienthong.meetings;

import java.time.Instant;

/**
 * The minutes (biên bản) of a meeting or of one occurrence of a series; plain text.
 *
 * @param occurrenceId the occurrence of a series, or {@code null} for a single meeting
 * @param updatedBy    who saved the text last, {@code null} while there are none
 */
public record Minutes(long meetingId, String occurrenceId, String text, String updatedBy, Instant updatedAt) {
}
