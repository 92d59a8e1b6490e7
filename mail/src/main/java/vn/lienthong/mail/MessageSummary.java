package vn.lienthong.mail;

import java.time.Instant;
import java.util.List;

/**
 * One line of a folder's list: the envelope and flags, nothing of the body.
 *
 * @param threadId the conversation this message belongs to: the first id of its References, else its In-Reply-To,
 *                 else its own Message-ID, normalised (no angle brackets, lower case); {@code null} when the message
 *                 has none of them. Messages with the same thread id form one conversation
 *                 ({@link Mailboxes#thread}).
 * @param folder   the folder the UID belongs to (a thread mixes Hộp thư đến and Đã gửi); {@code null} only from the
 *                 short constructor
 */
public record MessageSummary(long uid, String from, List<String> to, String subject, Instant date, long size,
                             boolean seen, boolean flagged, boolean answered, String threadId, String folder) {

    public MessageSummary {
        to = List.copyOf(to);
    }

    /** A summary whose thread is not known. */
    public MessageSummary(long uid, String from, List<String> to, String subject, Instant date, long size,
                          boolean seen, boolean flagged, boolean answered) {
        this(uid, from, to, subject, date, size, seen, flagged, answered, null, null);
    }
}
