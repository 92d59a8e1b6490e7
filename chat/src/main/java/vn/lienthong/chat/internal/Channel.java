package vn.lienthong.chat.internal;

import java.time.Instant;

import vn.lienthong.chat.ChannelKind;

/** A stored channel (row of chat_channel). */
record Channel(long id, ChannelKind kind, String title, Long unitId, String unitCode, Long mergedIntoUnitId,
               String directKey, String externalKey, String createdBy, Instant createdAt, boolean closed,
               long lastSeq, Instant lastMessageAt) {

    static final char DIRECT_SEPARATOR = '|';

    /** The key of the direct channel between two usernames: both sorted, so either order finds it. */
    static String directKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + DIRECT_SEPARATOR + b : b + DIRECT_SEPARATOR + a;
    }

    /** In a direct channel, the other participant; {@code null} otherwise. */
    String peerOf(String username) {
        if (directKey == null) {
            return null;
        }
        int separator = directKey.indexOf(DIRECT_SEPARATOR);
        String first = directKey.substring(0, separator);
        String second = directKey.substring(separator + 1);
        return first.equals(username) ? second : first;
    }
}
