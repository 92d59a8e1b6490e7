package vn.lienthong.chat.internal;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * What a live STOMP connection may still receive. Subscriptions are checked once, when they are made; this keeps
 * them honest afterwards:
 * <ul>
 *   <li>an official who left a channel (or was taken out of it) stops receiving its events, although the old
 *       subscription is still open in their tab;</li>
 *   <li>a connection whose web session ended (logout on any instance, expiry) receives nothing more and may send
 *       nothing more: the web session is read from the shared session store.</li>
 * </ul>
 * Both answers are kept for a few seconds ({@link #MEMBERSHIP_TTL}, {@link #SESSION_TTL}), so a busy channel costs
 * one membership probe per member per few seconds, not one per message; {@link #forget} makes a leave immediate on
 * this instance. Other instances follow within those few seconds.
 */
@Component
class LiveConnections {

    static final Duration MEMBERSHIP_TTL = Duration.ofSeconds(3);
    static final Duration SESSION_TTL = Duration.ofSeconds(15);

    private record Connection(String username, String webSession) {
    }

    private record Answer(boolean yes, long until) {
    }

    private final ChannelRepository channels;
    private final ObjectProvider<SessionRepository<?>> sessions;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, Answer> memberships = new ConcurrentHashMap<>();
    private final Map<String, Answer> webSessions = new ConcurrentHashMap<>();

    LiveConnections(ChannelRepository channels, ObjectProvider<SessionRepository<?>> sessions) {
        this.channels = channels;
        this.sessions = sessions;
    }

    @EventListener
    void connected(SessionConnectEvent event) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(event.getMessage());
        Principal user = event.getUser();
        if (headers.getSessionId() == null || user == null) {
            return;
        }
        Map<String, Object> attributes = headers.getSessionAttributes();
        Object webSession = attributes == null ? null : attributes.get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME);
        connections.put(headers.getSessionId(), new Connection(user.getName(), (String) webSession));
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        connections.remove(event.getSessionId());
    }

    /** A logout through this instance ends the official's connections here at once (other instances: SESSION_TTL). */
    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        String username = event.getAuthentication() == null ? null : event.getAuthentication().getName();
        connections.values().stream().filter(connection -> connection.username().equals(username)
                && connection.webSession() != null).forEach(connection -> webSessions.remove(connection.webSession()));
    }

    /** Whether the connection may get an event of the channel now. Unknown connections get nothing. */
    boolean mayReceive(String connectionId, long channelId) {
        Connection connection = connectionId == null ? null : connections.get(connectionId);
        return connection != null && webSessionAlive(connection) && isMember(connection.username(), channelId);
    }

    /** Whether the connection's web session still exists (true when it was opened without one, e.g. by a token). */
    boolean webSessionAlive(String connectionId) {
        Connection connection = connectionId == null ? null : connections.get(connectionId);
        return connection == null || webSessionAlive(connection);
    }

    /** Forgets what is known of the official's membership of the channel (after they left it). */
    void forget(long channelId, String username) {
        memberships.remove(channelId + "/" + username);
    }

    private boolean isMember(String username, long channelId) {
        return cached(memberships, channelId + "/" + username, MEMBERSHIP_TTL,
                () -> channels.member(channelId, username).isPresent());
    }

    private boolean webSessionAlive(Connection connection) {
        SessionRepository<?> store = sessions.getIfAvailable();
        if (connection.webSession() == null || store == null) {
            return true;
        }
        return cached(webSessions, connection.webSession(), SESSION_TTL,
                () -> store.findById(connection.webSession()) != null);
    }

    private static boolean cached(Map<String, Answer> cache, String key, Duration ttl,
                                  java.util.function.BooleanSupplier lookup) {
        long now = System.nanoTime();
        Answer answer = cache.get(key);
        if (answer == null || now - answer.until() > 0) {
            answer = new Answer(lookup.getAsBoolean(), now + ttl.toNanos());
            cache.put(key, answer);
            if (cache.size() > 100_000) {
                cache.entrySet().removeIf(entry -> now - entry.getValue().until() > 0);
            }
        }
        return answer.yes();
    }
}
