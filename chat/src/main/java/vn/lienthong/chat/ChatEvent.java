package vn.lienthong.chat;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What subscribers of {@code /topic/channels/{id}} receive, as JSON. Fields not used by a type are left out.
 *
 * <ul>
 *   <li>{@code MESSAGE}: a new message ({@code message});</li>
 *   <li>{@code EDITED}, {@code DELETED}, {@code REACTION}: the message as it is now ({@code message});</li>
 *   <li>{@code READ}: {@code username} has read up to {@code sequence} (read receipts);</li>
 *   <li>{@code TYPING}: {@code username} ({@code fullName}) is typing.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatEvent(Type type, long channelId, ChatMessage message, String username, String fullName,
                        Long sequence, Instant at) {

    public enum Type { MESSAGE, EDITED, DELETED, REACTION, READ, TYPING }

    public static ChatEvent of(Type type, ChatMessage message) {
        return new ChatEvent(type, message.channelId(), message, null, null, message.sequence(), Instant.now());
    }

    public static ChatEvent read(long channelId, String username, long sequence) {
        return new ChatEvent(Type.READ, channelId, null, username, null, sequence, Instant.now());
    }

    public static ChatEvent typing(long channelId, String username, String fullName) {
        return new ChatEvent(Type.TYPING, channelId, null, username, fullName, null, Instant.now());
    }
}
