package vn.lienthong.meetings;

import java.time.Instant;

/**
 * The state of an official's private calendar feed. The address itself is shown only once, when it is made.
 *
 * @param active     whether a feed address exists
 * @param createdAt  when the current address was made
 * @param lastUsedAt when a calendar program last fetched it
 */
public record FeedStatus(boolean active, Instant createdAt, Instant lastUsedAt) {
}
