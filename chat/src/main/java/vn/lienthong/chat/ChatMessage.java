package vn.lienthong.chat;

import java.time.Instant;
import java.util.List;

/**
 * A message. The text is plain text exactly as written (NFC): whoever renders it escapes it; it never carries
 * trusted HTML. A deleted message keeps its place (sequence) with an empty text. A file message carries
 * {@link #file()}; its text is the caption and may be empty.
 *
 * @param channelId       the channel
 * @param sequence        position in the channel, 1, 2, 3... assigned when it was stored; never reused
 * @param author          the author's username (always the signed-in sender, never taken from the client)
 * @param authorName      the author's full name as the directory has it now
 * @param text            plain text; empty when deleted
 * @param replyTo         the sequence of the message this one answers, or {@code null}
 * @param mentions        usernames mentioned with {@code @username} who are members of the channel
 * @param reactions       emoji with who reacted, in the order first used
 * @param createdAt       when it was stored
 * @param editedAt        when it was last edited, or {@code null}
 * @param deleted         whether it was deleted
 * @param clientMessageId the id the sending client gave it (for idempotent retries), or {@code null}
 * @param file            the file sent with this message ({@code text} is then its caption, possibly empty), or
 *                        {@code null}; {@code null} too once the message is deleted
 */
public record ChatMessage(long channelId, long sequence, String author, String authorName, String text,
                          Long replyTo, List<String> mentions, List<Reaction> reactions, Instant createdAt,
                          Instant editedAt, boolean deleted, String clientMessageId, ChatFile file) {

    public ChatMessage {
        mentions = List.copyOf(mentions);
        reactions = List.copyOf(reactions);
    }

    /** One emoji and the usernames who reacted with it. */
    public record Reaction(String emoji, List<String> usernames) {

        public Reaction {
            usernames = List.copyOf(usernames);
        }
    }
}
