package vn.lienthong.chat.internal;

import java.time.Instant;

/** A stored message (row of chat_message); {@code fileId} when it carries a file. */
record MessageRow(long id, long channelId, long seq, String author, String body, Long replyToSeq,
                  String clientMessageId, Instant createdAt, Instant editedAt, Instant deletedAt, String fileId) {

    boolean deleted() {
        return deletedAt != null;
    }
}
