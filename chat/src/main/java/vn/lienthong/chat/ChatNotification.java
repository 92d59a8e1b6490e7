package vn.lienthong.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an official receives on {@code /user/queue/notifications}, as JSON.
 * <ul>
 *   <li>{@code UNREAD}: the unread count of {@code channelId} changed to {@code unread} (newest {@code sequence});</li>
 *   <li>{@code MENTION}: {@code author} mentioned the official in message {@code sequence}; {@code excerpt} is the
 *       start of the text (plain text).</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatNotification(Type type, long channelId, long sequence, Long unread, String author,
                               String authorName, String excerpt) {

    public enum Type { UNREAD, MENTION }
}
