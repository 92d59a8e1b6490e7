package vn.lienthong.chat.internal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompReactorNettyCodec;
import org.springframework.messaging.tcp.reactor.ReactorNettyTcpClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over WebSocket at {@value #ENDPOINT} (no SockJS). The handshake is an ordinary request of the pages'
 * filter chain, so only a signed-in official gets a connection and the connection's user is the session's.
 *
 * <p>Three layers guard every frame coming in: our {@link ChannelGuard} (membership for each channel destination,
 * poster rights, no other user's queue, no unknown destination), then Spring Security's message authorization (an
 * official's role for anything, a CSRF token in CONNECT so another site cannot open a connection with the browser's
 * cookie), then the handlers, which take the author from the session only.
 *
 * <p>Broker: in-process by default; a STOMP broker relay (RabbitMQ's STOMP plugin, ActiveMQ Artemis) when
 * {@code lienthong.chat.relay.host} is set, so that several instances share channels and user queues.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE + 99) // our guard before Spring Security's interceptors (HIGHEST_PRECEDENCE + 100)
@EnableWebSocketMessageBroker
@EnableWebSocketSecurity
@EnableConfigurationProperties(ChatSettings.class)
class ChatWebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String ENDPOINT = "/ws";
    static final String USER_DESTINATION_BROADCAST = "/topic/lienthong.unresolved-user";
    static final String USER_REGISTRY_BROADCAST = "/topic/lienthong.user-registry";
    static final String[] OFFICIAL_ROLES = {"SYSTEM_ADMIN", "UNIT_ADMIN", "OFFICIAL"};
    /** Largest frame accepted: the longest text (20 000 characters of up to 4 bytes) with room for JSON and headers. */
    static final int MAX_FRAME_BYTES = 96 * 1024;

    private final ChatSettings settings;
    private final ChannelGuard guard;
    private final OutboundGuard outboundGuard;
    private TaskScheduler heartbeats;

    ChatWebSocketConfiguration(ChatSettings settings, ChannelGuard guard, OutboundGuard outboundGuard) {
        this.settings = settings;
        this.guard = guard;
        this.outboundGuard = outboundGuard;
    }

    @Autowired
    void setHeartbeats(@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeats) {
        this.heartbeats = heartbeats;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // The web session's id goes with the connection, so that a logout anywhere ends it (LiveConnections).
        var endpoint = registry.addEndpoint(ENDPOINT).addInterceptors(new HttpSessionHandshakeInterceptor());
        if (!settings.allowedOrigins().isEmpty()) {
            endpoint.setAllowedOriginPatterns(settings.allowedOrigins().toArray(String[]::new));
        }
        // Handle one connection's frames in the order they were sent (a post, then the read mark after it).
        registry.setPreserveReceiveOrder(true);
        registry.setErrorHandler(new ChatStompErrors());
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        registry.setPreservePublishOrder(true);
        ChatSettings.Relay relay = settings.relay();
        if (relay.enabled()) {
            var broker = registry.enableStompBrokerRelay("/topic", "/queue")
                    .setRelayHost(relay.host())
                    .setRelayPort(relay.port())
                    .setClientLogin(relay.clientLogin())
                    .setClientPasscode(relay.clientPasscode())
                    .setSystemLogin(relay.systemLogin())
                    .setSystemPasscode(relay.systemPasscode());
            if (relay.virtualHost() != null && !relay.virtualHost().isBlank()) {
                broker.setVirtualHost(relay.virtualHost());
            }
            if (relay.tls()) {
                broker.setTcpClient(new ReactorNettyTcpClient<>(
                        tcp -> tcp.host(relay.host()).port(relay.port()).secure(), new StompReactorNettyCodec()));
            }
            // User queues and the registry of connected users, shared by all instances through the broker. One
            // segment each after /topic/ (RabbitMQ takes no '/' inside a topic name; a dot is fine for both).
            broker.setUserDestinationBroadcast(USER_DESTINATION_BROADCAST)
                    .setUserRegistryBroadcast(USER_REGISTRY_BROADCAST);
        }
        else {
            registry.enableSimpleBroker("/topic", "/queue")
                    .setTaskScheduler(heartbeats)
                    .setHeartbeatValue(new long[] {10_000, 10_000});
        }
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(guard);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(outboundGuard);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(MAX_FRAME_BYTES)
                .setSendBufferSizeLimit(1024 * 1024)
                .setSendTimeLimit(15_000);
    }

    /**
     * Spring Security's view of incoming frames: an official's role for everything, client frames only to our
     * prefixes. The finer rules (which channel, whose queue) are {@link ChannelGuard}'s.
     */
    @Bean
    AuthorizationManager<Message<?>> messageAuthorizationManager(
            MessageMatcherDelegatingAuthorizationManager.Builder messages) {
        return messages
                .simpTypeMatchers(SimpMessageType.DISCONNECT, SimpMessageType.UNSUBSCRIBE, SimpMessageType.HEARTBEAT)
                .permitAll()
                .simpTypeMatchers(SimpMessageType.CONNECT).hasAnyRole(OFFICIAL_ROLES)
                .simpSubscribeDestMatchers("/topic/channels.*", "/user/queue/**").hasAnyRole(OFFICIAL_ROLES)
                .simpMessageDestMatchers("/app/**").hasAnyRole(OFFICIAL_ROLES)
                .anyMessage().denyAll()
                .build();
    }
}
