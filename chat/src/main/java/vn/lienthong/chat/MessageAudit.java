package vn.lienthong.chat;

import java.time.Instant;

/**
 * One entry of a message's audit trail: the text as it was before an edit or a deletion. Kept for good; shown to
 * administrators and the channel's moderators only.
 *
 * @param action       {@code EDITED} or {@code DELETED}
 * @param actor        who edited or deleted it
 * @param previousText the text before the change
 */
public record MessageAudit(long channelId, long sequence, String action, String actor, String previousText,
                           Instant at) {
}
