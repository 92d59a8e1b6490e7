package vn.lienthong.chat;

import java.time.Instant;

/**
 * A channel as one member sees it.
 *
 * @param id               channel id, used in every destination and URL
 * @param kind             what the channel is for
 * @param title            shown name; for {@link ChannelKind#DIRECT} the other official's full name
 * @param unitId           the directory unit of a {@link ChannelKind#UNIT} channel, otherwise {@code null}
 * @param peer             the other official's username in a {@link ChannelKind#DIRECT} channel, otherwise {@code null}
 * @param closed           read-only: the unit was deactivated or merged, or the meeting channel was closed
 * @param canPost          whether this member may post now (poster right, channel open)
 * @param moderator        whether this member may delete others' messages and read the audit trail
 * @param lastSequence     sequence number of the newest message (0 when empty)
 * @param lastReadSequence the member's read mark
 * @param unread           messages after the read mark written by others and not deleted
 * @param lastMessageAt    when the newest message was written, or {@code null}
 */
public record ChannelSummary(long id, ChannelKind kind, String title, Long unitId, String peer, boolean closed,
                             boolean canPost, boolean moderator, long lastSequence, long lastReadSequence,
                             long unread, Instant lastMessageAt) {
}
