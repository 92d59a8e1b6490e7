package vn.lienthong.chat;

/**
 * A member of a channel.
 *
 * @param lastReadSequence the member's read mark: they have read every message up to this sequence
 */
public record ChatMember(String username, String fullName, boolean moderator, boolean canPost,
                         long lastReadSequence) {
}
