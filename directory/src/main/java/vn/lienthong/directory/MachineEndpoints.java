package vn.lienthong.directory;

import java.util.List;

/**
 * Paths that programs, not signed-in people, call with a credential of their own: Jitsi's Prosody hooks with a shared
 * secret, a calendar application with a private feed token. A module declares them as a bean; the security
 * configuration serves them in a chain of their own with no login, no session and no CSRF token, so the endpoint
 * itself <em>must</em> authenticate every request and answer 401/404 when the credential is wrong.
 *
 * @param patterns Ant-style path patterns, e.g. {@code /api/v1/meetings/jitsi/**}
 */
public record MachineEndpoints(List<String> patterns) {

    public MachineEndpoints {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("no patterns");
        }
        for (String pattern : patterns) {
            if (!pattern.startsWith("/") || pattern.equals("/**") || pattern.startsWith("/api/**")) {
                throw new IllegalArgumentException("too broad or not a path: " + pattern);
            }
        }
    }

    public static MachineEndpoints of(String... patterns) {
        return new MachineEndpoints(List.of(patterns));
    }
}
