package vn.lienthong.chat.internal;

import java.security.Principal;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

import vn.lienthong.chat.Chat;
import vn.lienthong.chat.ChatError;
import vn.lienthong.chat.ChatException;
import vn.lienthong.chat.ChatMessage;
import vn.lienthong.chat.HistoryPage;
import vn.lienthong.chat.NewMessage;

/**
 * The STOMP application destinations ({@code /app/channels/{id}/...}, {@code /app/presence}). The author is always the connection's user;
 * an {@code author} field or header sent by the client is ignored. Replies go to the sending connection only.
 */
@Controller
class ChatStompController {

    private final Chat chat;
    private final PresenceTracker presence;

    ChatStompController(Chat chat, PresenceTracker presence) {
        this.chat = chat;
        this.presence = presence;
    }

    /** The page says this connection is away (hidden tab, idle) or active again: {@code {"state":"away"}}. */
    @MessageMapping("/presence")
    void presence(@Payload PresenceFrame frame, @Header("simpSessionId") String sessionId, Principal user) {
        String state = frame.state() == null ? "" : frame.state().strip().toLowerCase(java.util.Locale.ROOT);
        switch (state) {
            case "away" -> presence.setAway(sessionId, user.getName(), true);
            case "active", "online" -> presence.setAway(sessionId, user.getName(), false);
            default -> throw new ChatException(ChatException.Reason.INVALID,
                    "Trạng thái không hợp lệ: chỉ \"away\" hoặc \"active\".");
        }
    }

    /** Stores the message; the acknowledgement (the stored message) goes to {@code /user/queue/acks}. */
    @MessageMapping("/channels/{channelId}/messages")
    @SendToUser(destinations = "/queue/acks", broadcast = false)
    ChatMessage post(@DestinationVariable long channelId, @Payload PostFrame frame, Principal user) {
        try {
            return chat.post(user.getName(), channelId,
                    new NewMessage(frame.text(), frame.replyTo(), frame.clientMessageId()));
        }
        catch (ChatException ex) {
            throw new RefusedFrame(ex, channelId, frame.clientMessageId());
        }
    }

    @MessageMapping("/channels/{channelId}/read")
    void read(@DestinationVariable long channelId, @Payload SequenceFrame frame, Principal user) {
        chat.markRead(user.getName(), channelId, frame.sequence());
    }

    @MessageMapping("/channels/{channelId}/typing")
    void typing(@DestinationVariable long channelId, Principal user) {
        chat.typing(user.getName(), channelId);
    }

    /** "Messages after N" (or before N) for a client catching up; the page goes to {@code /user/queue/history}. */
    @MessageMapping("/channels/{channelId}/history")
    @SendToUser(destinations = "/queue/history", broadcast = false)
    HistoryPage history(@DestinationVariable long channelId, @Payload HistoryFrame frame, Principal user) {
        int limit = frame.limit() == null ? 0 : frame.limit();
        if (frame.before() != null) {
            return chat.before(user.getName(), channelId, frame.before(), limit);
        }
        return chat.after(user.getName(), channelId, frame.after() == null ? 0 : frame.after(), limit);
    }

    @MessageMapping("/channels/{channelId}/reactions")
    void react(@DestinationVariable long channelId, @Payload ReactionFrame frame, Principal user) {
        chat.react(user.getName(), channelId, frame.sequence(), frame.emoji(), frame.add() == null || frame.add());
    }

    @MessageMapping("/channels/{channelId}/edit")
    void edit(@DestinationVariable long channelId, @Payload EditFrame frame, Principal user) {
        chat.edit(user.getName(), channelId, frame.sequence(), frame.text());
    }

    @MessageMapping("/channels/{channelId}/delete")
    void delete(@DestinationVariable long channelId, @Payload SequenceFrame frame, Principal user) {
        chat.delete(user.getName(), channelId, frame.sequence());
    }

    @MessageExceptionHandler
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ChatError refused(RefusedFrame refused) {
        return error(refused.refusal, refused.channelId, refused.clientMessageId);
    }

    @MessageExceptionHandler
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ChatError refused(ChatException refusal) {
        return error(refusal, null, null);
    }

    private static ChatError error(ChatException refusal, Long channelId, String clientMessageId) {
        Long retryAfter = refusal.retryAfter() == null ? null
                : Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
        return new ChatError(refusal.reason().name(), refusal.getMessage(), channelId, clientMessageId, retryAfter);
    }

    record PostFrame(String text, Long replyTo, String clientMessageId) {
    }

    record SequenceFrame(long sequence) {
    }

    record PresenceFrame(String state) {
    }

    record HistoryFrame(Long after, Long before, Integer limit) {
    }

    record ReactionFrame(long sequence, String emoji, Boolean add) {
    }

    record EditFrame(long sequence, String text) {
    }

    /** A refused post, with what the client needs to tell which of its messages it was. */
    static final class RefusedFrame extends RuntimeException {

        private final transient ChatException refusal;
        private final Long channelId;
        private final String clientMessageId;

        RefusedFrame(ChatException refusal, long channelId, String clientMessageId) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
            this.channelId = channelId;
            this.clientMessageId = clientMessageId;
        }
    }
}
