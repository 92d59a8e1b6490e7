package vn.lienthong.directory.identity;

import java.util.List;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * The authorization server's session registry, knowing no session: ID tokens then carry no {@code sid} claim and
 * logout checks none. The embedded provider shares the servlet session with the app, and the app's login changes
 * the session id, so a {@code sid} naming the provider's session at authorization time would no longer match at
 * logout; and the sessions live in the database for every instance, where an in-memory registry would never learn
 * that they ended (the database store sends no session events) and would grow without bound. {@code sid} is only
 * needed for front- and back-channel logout, which the app does not use.
 */
final class NoSessionRegistry implements SessionRegistry {

    @Override
    public List<Object> getAllPrincipals() {
        return List.of();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return List.of();
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        return null;
    }

    @Override
    public void refreshLastRequest(String sessionId) {
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
    }

    @Override
    public void removeSessionInformation(String sessionId) {
    }
}
