/**
 * Login and access control for the whole suite (internal to the directory module).
 *
 * <p>One OIDC path, two identity providers, chosen by {@code lienthong.identity.provider}: the embedded,
 * Keycloak-shaped provider ({@link vn.lienthong.directory.identity.EmbeddedIdentityProvider}; users from the
 * directory, signing key in {@code <lienthong.data-dir>/identity/}) or an outside Keycloak. The app always logs
 * users in with {@code oauth2Login} (registration {@code lienthong}) and accepts bearer tokens on {@code /api/**};
 * {@link vn.lienthong.directory.identity.SecurityConfiguration} holds every filter chain. Realm roles become
 * {@code ROLE_SYSTEM_ADMIN}, {@code ROLE_UNIT_ADMIN}, {@code ROLE_OFFICIAL}; the principal's name is the
 * official's username ({@code preferred_username}). Profile {@code prod} refuses unsafe settings
 * ({@link vn.lienthong.directory.identity.ProductionGuard}).
 *
 * <p>Boot's authorization-server auto-configuration is excluded by the application
 * ({@code spring.autoconfigure.exclude}); every bean it would make is defined here.
 *
 * <p>Events in: none. Events out: none.
 */
package vn.lienthong.directory.identity;
