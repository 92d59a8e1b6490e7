package vn.lienthong.chat.internal;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Chat settings.
 *
 * <pre>
 * lienthong.chat.max-text-length: 4000        # characters per message
 * lienthong.chat.history-limit: 200           # most messages one history request returns
 * lienthong.chat.rate-limit.capacity: 20      # burst: messages a user may send at once
 * lienthong.chat.rate-limit.per-second: 1.0   # then this many per second (token bucket per user)
 * lienthong.chat.allowed-origins: []          # WebSocket origins besides the app's own (same origin only by default)
 * lienthong.chat.max-file-size: 20MB         # largest file in a message
 * lienthong.chat.presence.heartbeat: 15s      # how often an instance says it is alive
 * lienthong.chat.presence.expiry: 60s         # an instance silent this long: its connections count as gone
 * lienthong.chat.relay.host: ...              # set to use a STOMP broker (RabbitMQ, Artemis) instead of the in-process one
 * </pre>
 */
@Validated
@ConfigurationProperties("lienthong.chat")
record ChatSettings(
        @Min(value = 1, message = "lienthong.chat.max-text-length phải từ 1 đến 20000 (must be 1..20000)")
        @Max(value = 20000, message = "lienthong.chat.max-text-length phải từ 1 đến 20000 (must be 1..20000)")
        @DefaultValue("4000") int maxTextLength,
        @Min(value = 1, message = "lienthong.chat.history-limit phải từ 1 đến 1000 (must be 1..1000)")
        @Max(value = 1000, message = "lienthong.chat.history-limit phải từ 1 đến 1000 (must be 1..1000)")
        @DefaultValue("200") int historyLimit,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @DefaultValue List<String> allowedOrigins,
        @NotNull @DefaultValue("20MB") DataSize maxFileSize,
        @Valid @NotNull @DefaultValue Presence presence,
        @Valid @NotNull @DefaultValue Relay relay) {

    ChatSettings {
        if (maxFileSize != null && (maxFileSize.toBytes() < 1 || maxFileSize.toGigabytes() >= 1)) {
            throw new IllegalArgumentException("lienthong.chat.max-file-size phải từ 1 byte đến dưới 1GB "
                    + "(must be at least 1 byte and under 1GB): " + maxFileSize);
        }
    }

    /**
     * Presence across instances: each instance writes a heartbeat every {@code heartbeat}; the connections of an
     * instance whose heartbeat is older than {@code expiry} (it crashed, or lost the database) count as closed.
     */
    record Presence(@NotNull @DefaultValue("15s") Duration heartbeat,
                    @NotNull @DefaultValue("60s") Duration expiry) {

        Presence {
            if (heartbeat != null && expiry != null
                    && (heartbeat.toMillis() < 100 || expiry.compareTo(heartbeat.multipliedBy(2)) < 0)) {
                throw new IllegalArgumentException("lienthong.chat.presence: heartbeat phải ít nhất 100ms và expiry "
                        + "ít nhất gấp đôi heartbeat (heartbeat at least 100ms, expiry at least twice the heartbeat)");
            }
        }
    }

    /**
     * Token bucket per user: {@code capacity} messages at once, refilled at {@code perSecond}.
     */
    record RateLimit(
            @Min(value = 1, message = "lienthong.chat.rate-limit.capacity phải ít nhất 1 (must be at least 1)")
            @DefaultValue("20") int capacity,
            @DecimalMin(value = "0.01", message = "lienthong.chat.rate-limit.per-second phải ít nhất 0.01 (must be at least 0.01)")
            @DefaultValue("1.0") double perSecond) {
    }

    /**
     * The STOMP broker relay (RabbitMQ with its STOMP plugin, ActiveMQ Artemis): several app instances then share
     * channels. Empty {@code host}: the in-process simple broker (one instance). {@code tls}: connect with TLS,
     * checking the broker's certificate against the JVM's trust store ({@code javax.net.ssl.trustStore}).
     */
    record Relay(String host,
                 @Min(value = 1, message = "lienthong.chat.relay.port phải từ 1 đến 65535 (must be 1..65535)")
                 @Max(value = 65535, message = "lienthong.chat.relay.port phải từ 1 đến 65535 (must be 1..65535)")
                 @DefaultValue("61613") int port,
                 @DefaultValue("guest") String clientLogin,
                 @DefaultValue("guest") String clientPasscode,
                 @DefaultValue("guest") String systemLogin,
                 @DefaultValue("guest") String systemPasscode,
                 String virtualHost,
                 @DefaultValue("false") boolean tls) {

        boolean enabled() {
            return host != null && !host.isBlank();
        }
    }
}
