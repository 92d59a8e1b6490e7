package vn.lienthong.chat;

import java.time.Instant;

/**
 * A member who has read a message: their read mark is at or after its sequence.
 *
 * @param lastReadSequence the member's read mark
 * @param readAt           when the read mark was last moved
 */
public record ReadReceipt(String username, String fullName, long lastReadSequence, Instant readAt) {
}
