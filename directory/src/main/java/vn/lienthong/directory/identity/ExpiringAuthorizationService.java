package vn.lienthong.directory.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The embedded provider's authorizations (codes, tokens) in memory, forgotten a while after their last token
 * expired. The plain in-memory service keeps every completed login forever; this one stays bounded by the logins
 * of about a day. The grace period keeps an ID token usable as a logout hint after a long working session.
 */
final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

    private static final Duration PENDING = Duration.ofMinutes(10);
    private static final int PURGE_EVERY = 50;

    private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();
    private final Map<String, Instant> forgetAt = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();
    private final Duration grace;
    private final Clock clock;

    ExpiringAuthorizationService(Duration grace, Clock clock) {
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        delegate.save(authorization);
        forgetAt.put(authorization.getId(), lastExpiry(authorization).plus(grace));
        if (saves.incrementAndGet() % PURGE_EVERY == 0) {
            purge();
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
        forgetAt.remove(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }

    /** Forgets every authorization past its time; returns how many. */
    int purge() {
        Instant now = clock.instant();
        int removed = 0;
        for (Map.Entry<String, Instant> entry : forgetAt.entrySet()) {
            if (entry.getValue().isBefore(now)) {
                OAuth2Authorization authorization = delegate.findById(entry.getKey());
                if (authorization != null) {
                    delegate.remove(authorization);
                }
                forgetAt.remove(entry.getKey());
                removed++;
            }
        }
        return removed;
    }

    int size() {
        return forgetAt.size();
    }

    private Instant lastExpiry(OAuth2Authorization authorization) {
        return Stream.of(authorization.getToken(OAuth2AuthorizationCode.class), authorization.getAccessToken(),
                        authorization.getRefreshToken(), authorization.getToken(OidcIdToken.class))
                .filter(java.util.Objects::nonNull)
                .map(OAuth2Authorization.Token::getToken)
                .map(OAuth2Token::getExpiresAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElseGet(() -> clock.instant().plus(PENDING));
    }
}
