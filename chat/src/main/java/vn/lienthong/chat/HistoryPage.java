package vn.lienthong.chat;

import java.util.List;

/**
 * Messages of a channel in ascending sequence order.
 *
 * @param more         whether there are more messages in the direction asked (older for "before", newer for "after")
 * @param lastSequence the channel's newest sequence when the page was read
 */
public record HistoryPage(long channelId, List<ChatMessage> messages, boolean more, long lastSequence) {

    public HistoryPage {
        messages = List.copyOf(messages);
    }
}
