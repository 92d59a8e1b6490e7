package vn.lienthong.chat.internal;

import java.security.Principal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.lienthong.chat.ChatError;

/**
 * Authorises every SUBSCRIBE and SEND by destination, before any handler or broker sees it:
 * <ul>
 *   <li>SUBSCRIBE {@code /topic/channels.{id}}: members of the channel only. The older name
 *       {@code /topic/channels/{id}} is accepted too and rewritten to the dotted one, which is what the broker
 *       carries (RabbitMQ's STOMP plugin refuses a '/' inside a topic name);</li>
 *   <li>SUBSCRIBE {@code /user/queue/{notifications|acks|errors|history|presence}}: one's own queues (the user
 *       part is always the connection's user); any other destination, such as another user's resolved queue
 *       {@code /queue/notifications-user...} or {@code /user/<someone>/queue/...}, is refused;</li>
 *   <li>SEND {@code /app/channels/{id}/{action}}: members only; {@code messages} also needs the poster right;
 *       SEND {@code /app/presence}: anyone signed in (it only touches their own connection);
 *       SEND anywhere else (straight to {@code /topic/...}, which would skip storage) is refused.</li>
 * </ul>
 * A refused frame is dropped (nothing reaches a handler or the broker) and the sending connection alone gets a
 * {@link ChatError} with code {@code FORBIDDEN} on {@code /user/queue/errors}; the connection stays open, so one
 * stale subscription in a page does not cut its other channels. It runs before Spring Security's interceptors,
 * which stay behind it as a second line.
 */
@Component
class ChannelGuard implements ChannelInterceptor {

    // The same words whether the channel exists or not: a refusal must not tell a stranger that a DM id is real.
    private static final String NO_SUCH_CHANNEL = "Không tìm thấy cuộc trò chuyện này.";

    private static final Pattern CHANNEL_TOPIC = Pattern.compile("/topic/channels([./])(\\d{1,18})");
    private static final Set<String> OWN_QUEUES = Set.of("/user/queue/notifications", "/user/queue/acks",
            "/user/queue/errors", "/user/queue/history", "/user/queue/presence");
    private static final String PRESENCE = "/app/presence";
    private static final Pattern CHANNEL_ACTION = Pattern.compile(
            "/app/channels/(\\d{1,18})/(messages|read|typing|history|reactions|edit|delete)");

    static final String SESSION_ENDED = "phiên đăng nhập đã kết thúc, hãy đăng nhập lại (the web session has ended)";

    private static final Logger log = LoggerFactory.getLogger(ChannelGuard.class);

    private static final Pattern ANY_CHANNEL = Pattern.compile("/(?:topic|app)/channels[./](\\d{1,18})(?:/.*)?");

    private final ChannelRepository channels;
    private final LiveConnections live;
    // Lazily: the broker's template is built from the configuration that registers this guard.
    private final ObjectProvider<SimpMessageSendingOperations> broker;

    ChannelGuard(ChannelRepository channels, LiveConnections live, ObjectProvider<SimpMessageSendingOperations> broker) {
        this.channels = channels;
        this.live = live;
        this.broker = broker;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        try {
            if ((command == StompCommand.SUBSCRIBE || command == StompCommand.SEND)
                    && !live.webSessionAlive(stomp.getSessionId())) {
                // Told on the errors queue, the one thing such a connection still receives (OutboundGuard):
                // the page then finds its session gone and signs in again.
                throw refused(SESSION_ENDED);
            }
            if (command == StompCommand.SUBSCRIBE) {
                String destination = checkSubscribe(username(stomp), stomp.getDestination());
                if (!destination.equals(stomp.getDestination())) {
                    StompHeaderAccessor renamed = StompHeaderAccessor.wrap(message);
                    renamed.setDestination(destination);
                    return MessageBuilder.createMessage(message.getPayload(), renamed.getMessageHeaders());
                }
            }
            else if (command == StompCommand.SEND) {
                checkSend(username(stomp), stomp.getDestination());
            }
            return message;
        }
        catch (AccessDeniedException refusal) {
            log.debug("Refused {} {} of {}: {}", command, stomp.getDestination(), stomp.getUser(), refusal.getMessage());
            tell(stomp, refusal.getMessage());
            return null;
        }
    }

    private void tell(StompHeaderAccessor stomp, String why) {
        if (stomp.getUser() == null || stomp.getSessionId() == null) {
            return;
        }
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(stomp.getSessionId());
        headers.setLeaveMutable(true);
        Matcher channel = stomp.getDestination() == null ? null : ANY_CHANNEL.matcher(stomp.getDestination());
        Long channelId = channel != null && channel.matches() ? Long.valueOf(channel.group(1)) : null;
        broker.getObject().convertAndSendToUser(stomp.getUser().getName(), "/queue/errors",
                new ChatError("FORBIDDEN", why, channelId, null, null), headers.getMessageHeaders());
    }

    /** Answers the destination to subscribe to: the one asked for, or its dotted name. */
    private String checkSubscribe(String username, String destination) {
        if (destination == null) {
            throw refused("thiếu đích đăng ký (no destination)");
        }
        if (OWN_QUEUES.contains(destination)) {
            return destination;
        }
        Matcher topic = CHANNEL_TOPIC.matcher(destination);
        if (topic.matches()) {
            if (channels.member(Long.parseLong(topic.group(2)), username).isEmpty()) {
                throw refused(NO_SUCH_CHANNEL);
            }
            return ChatBroadcaster.CHANNEL_TOPIC + topic.group(2);
        }
        throw refused("không được đăng ký nhận " + destination + " (subscription not allowed)");
    }

    private void checkSend(String username, String destination) {
        if (PRESENCE.equals(destination)) {
            return;
        }
        Matcher action = destination == null ? null : CHANNEL_ACTION.matcher(destination);
        if (action == null || !action.matches()) {
            throw refused("không được gửi tới " + destination + " (destination not allowed)");
        }
        long channelId = Long.parseLong(action.group(1));
        Member member = channels.member(channelId, username).orElseThrow(() -> refused(NO_SUCH_CHANNEL));
        if (action.group(2).equals("messages") && !member.canPost()) {
            throw refused("bạn không có quyền đăng tin trong kênh này (no right to post in this channel)");
        }
    }

    private static String username(StompHeaderAccessor stomp) {
        Principal user = stomp.getUser();
        if (user == null || user.getName() == null) {
            throw refused("chưa đăng nhập (not signed in)");
        }
        return user.getName();
    }

    private static AccessDeniedException refused(String why) {
        return new AccessDeniedException("Từ chối: " + why);
    }
}
