package vn.lienthong.app.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.lienthong.mail.MessageSummary;

/**
 * One line of the message list: a message, or in conversation view the messages of one page that share a thread
 * id ({@link MessageSummary#threadId()}), shown as their newest message with a count. A conversation is unread
 * while any of its messages is, flagged while any is.
 *
 * @param latest   the newest message, which the line shows and opens
 * @param messages all of the page's messages of the conversation, newest first
 */
public record Conversation(MessageSummary latest, List<MessageSummary> messages) {

    public Conversation {
        messages = List.copyOf(messages);
    }

    public int count() {
        return messages.size();
    }

    public boolean unread() {
        return messages.stream().anyMatch(message -> !message.seen());
    }

    public boolean flagged() {
        return messages.stream().anyMatch(MessageSummary::flagged);
    }

    /** The page's messages (newest first), each alone. */
    static List<Conversation> single(List<MessageSummary> messages) {
        return messages.stream().map(message -> new Conversation(message, List.of(message))).toList();
    }

    /**
     * The page's messages (newest first) grouped by thread id, in the order of each conversation's newest message.
     * Messages without a thread id stay alone.
     */
    static List<Conversation> grouped(List<MessageSummary> messages) {
        Map<Object, List<MessageSummary>> groups = new LinkedHashMap<>();
        for (MessageSummary message : messages) {
            Object key = message.threadId() == null || message.threadId().isBlank() ? message.uid()
                    : message.threadId();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
        }
        return groups.values().stream().map(group -> new Conversation(group.get(0), group)).toList();
    }
}
