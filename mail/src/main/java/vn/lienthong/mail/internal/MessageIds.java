package vn.lienthong.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs as the suite compares them: without angle brackets, trimmed, lower case
 * ({@code <A1.B2@Host>} → {@code a1.b2@host}). Used as the archive id of a mail, so that the sender's copy and every
 * recipient's copy are one item, and as the thread id of a conversation.
 */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");

    private MessageIds() {
    }

    /** The normalised id, or {@code null} for a missing or blank one. */
    static String normalise(String messageId) {
        if (messageId == null) {
            return null;
        }
        String id = messageId.strip();
        Matcher bracketed = BRACKETED.matcher(id);
        if (bracketed.find()) {
            id = bracketed.group(1);
        }
        id = id.replaceAll("[<>\\s]", "");
        return id.isEmpty() ? null : id.toLowerCase(Locale.ROOT);
    }

    /** Every id of a References or In-Reply-To header, in order, normalised. */
    static List<String> all(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        Matcher bracketed = BRACKETED.matcher(header);
        while (bracketed.find()) {
            ids.add(bracketed.group(1).toLowerCase(Locale.ROOT));
        }
        if (ids.isEmpty()) {
            for (String word : header.trim().split("\\s+")) {
                String id = normalise(word);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * The conversation a message belongs to: the first of its References (the thread's root), else its In-Reply-To,
     * else its own Message-ID; {@code null} when it has none.
     */
    static String threadId(String messageId, String inReplyTo, String references) {
        List<String> refs = all(references);
        if (!refs.isEmpty()) {
            return refs.get(0);
        }
        List<String> replyTo = all(inReplyTo);
        if (!replyTo.isEmpty()) {
            return replyTo.get(0);
        }
        return normalise(messageId);
    }

    /** The id in the form headers and IMAP searches use: {@code <id>}. */
    static String bracketed(String normalisedId) {
        return "<" + normalisedId + ">";
    }
}
