package vn.lienthong.directory;

/**
 * Keeps an outside identity provider (Keycloak) in step with the directory: units as groups, officials as users,
 * roles as realm roles. Changes follow the directory's events by themselves; {@link #resyncAll()} repairs drift
 * (a user deleted by hand, changes missed while Keycloak was down).
 *
 * <p>A bean of this type exists only when provisioning is switched on ({@code lienthong.identity.provider=keycloak}
 * and {@code lienthong.identity.keycloak.provisioning.enabled=true}); callers look it up with an
 * {@code ObjectProvider}. The embedded identity provider reads the directory directly and needs no sync.
 */
public interface IdentitySync {

    /**
     * Brings the whole realm in line with the directory and returns what changed. Single failures are listed in
     * the report, the rest is still done.
     *
     * @throws IllegalStateException if the identity provider cannot be reached at all
     */
    IdentitySyncReport resyncAll();
}
