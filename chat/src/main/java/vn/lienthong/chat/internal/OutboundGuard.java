package vn.lienthong.chat.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * The last check before a frame leaves for a browser ({@code clientOutboundChannel}, whichever broker delivered it):
 * a channel's event only to a connection whose official is still a member, and nothing at all to a connection whose
 * web session has ended. See {@link LiveConnections}.
 */
@Component
class OutboundGuard implements ChannelInterceptor {

    private static final Pattern CHANNEL_TOPIC = Pattern.compile("/topic/channels\\.(\\d{1,18})");

    private final LiveConnections live;

    OutboundGuard(LiveConnections live) {
        this.live = live;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageHeaderAccessor headers = MessageHeaderAccessor.getAccessor(message, SimpMessageHeaderAccessor.class);
        if (headers == null || headers.getMessageType() != SimpMessageType.MESSAGE) {
            return message;
        }
        String connection = headers.getSessionId();
        String destination = headers.getDestination();
        Matcher topic = destination == null ? null : CHANNEL_TOPIC.matcher(destination);
        if (topic != null && topic.matches()) {
            return live.mayReceive(connection, Long.parseLong(topic.group(1))) ? message : null;
        }
        // Refusals still go out (the page learns from them that its session has ended); nothing else does.
        // (The in-process broker hands over the resolved name of the user queue, "/queue/errors-user<connection>".)
        boolean refusal = destination != null && (destination.startsWith("/queue/errors-user")
                || destination.equals("/user/queue/errors"));
        return refusal || live.webSessionAlive(connection) ? message : null;
    }
}
