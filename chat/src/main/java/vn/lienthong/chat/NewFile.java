package vn.lienthong.chat;

import org.springframework.core.io.InputStreamSource;

/**
 * What a client sends to post a file. Like {@link NewMessage} there is no author.
 *
 * @param name            the file name (a folder part is dropped), 1 to 255 characters
 * @param contentType     the declared media type, or {@code null}
 * @param size            the size in bytes as declared by the upload; checked against
 *                        {@code lienthong.chat.max-file-size} before anything is read, and again while reading
 * @param content         the bytes (read once)
 * @param text            an optional caption, plain text like a message's; may be {@code null} or empty
 * @param replyTo         the sequence of the message answered, or {@code null}
 * @param clientMessageId as in {@link NewMessage}: a retry with the same id stores nothing twice
 */
public record NewFile(String name, String contentType, long size, InputStreamSource content, String text,
                      Long replyTo, String clientMessageId) {
}
