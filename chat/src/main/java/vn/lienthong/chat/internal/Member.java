package vn.lienthong.chat.internal;

import java.time.Instant;

/** A stored membership (row of chat_member) with its read mark. */
record Member(long channelId, String username, boolean moderator, boolean canPost, long lastReadSeq,
              Instant lastReadAt) {
}
