package vn.lienthong.chat.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * A token bucket per user: {@code capacity} messages at once, then {@code perSecond}. Kept in memory on each
 * instance (with several instances behind a relay, a user spread over two of them gets twice the rate).
 */
@Component
class RateLimiter {

    private final int capacity;
    private final double perNano;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(ChatSettings settings) {
        this.capacity = settings.rateLimit().capacity();
        this.perNano = settings.rateLimit().perSecond() / 1_000_000_000d;
    }

    /** Takes one token; answers {@code null} if there was one, otherwise how long until there is. */
    Duration tryAcquire(String username) {
        return buckets.computeIfAbsent(username, name -> new Bucket(capacity, System.nanoTime()))
                .tryTake(capacity, perNano, System.nanoTime());
    }

    private static final class Bucket {

        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Duration tryTake(int capacity, double perNano, long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return null;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }
    }
}
