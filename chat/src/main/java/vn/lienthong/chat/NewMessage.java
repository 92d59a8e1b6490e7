package vn.lienthong.chat;

/**
 * What a client sends to post a message. There is no author: the author is always the signed-in sender.
 *
 * @param text            plain text, 1 to {@code lienthong.chat.max-text-length} characters after trimming
 * @param replyTo         the sequence of the message answered, or {@code null}
 * @param clientMessageId an id the client picks (a UUID, up to 64 characters) so that a retry after a lost
 *                        acknowledgement returns the stored message instead of posting it twice; may be {@code null}
 */
public record NewMessage(String text, Long replyTo, String clientMessageId) {
}
