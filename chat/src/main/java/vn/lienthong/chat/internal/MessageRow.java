package vn.lienthong.chat.internal;

import java.time.Instant;

/** A stored message (row of chat_message). */
record MessageRow(long id, long channelId, long seq, String author, String body, Long replyToSeq,
                  String clientMessageId, Instant createdAt, Instant editedAt, Instant deletedAt) {

    boolean deleted() {
        return deletedAt != null;
    }
}
