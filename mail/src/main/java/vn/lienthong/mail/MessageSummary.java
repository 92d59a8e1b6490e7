package vn.lienthong.mail;

import java.time.Instant;
import java.util.List;

/** One line of a folder's list: the envelope and flags, nothing of the body. */
public record MessageSummary(long uid, String from, List<String> to, String subject, Instant date, long size,
                             boolean seen, boolean flagged, boolean answered) {

    public MessageSummary {
        to = List.copyOf(to);
    }
}
