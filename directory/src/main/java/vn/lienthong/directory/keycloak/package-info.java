/**
 * Keycloak provisioning: keeps an outside Keycloak realm in step with the directory, so that officials log in
 * there with the same usernames, units and roles.
 *
 * <p>Active only with {@code lienthong.identity.provider=KEYCLOAK} and
 * {@code lienthong.identity.keycloak.provisioning.enabled=true}. Units become a group tree (one group per unit,
 * attributes {@code unitId} and {@code unitCode}), officials become users (attributes {@code officialId},
 * {@code fullName}, {@code unitCode}, {@code title}, {@code phone}; enabled while active; member of their unit's
 * group), roles become realm role mappings. Passwords are never pushed: Keycloak owns credentials.
 *
 * <p>Events in: UnitCreated, UnitChanged, UnitMoved, UnitDeactivated, UnitMerged, OfficialCreated,
 * OfficialChanged, OfficialMoved, OfficialDeactivated. Each is applied after commit, one at a time and in order,
 * by reading the current state through {@link vn.lienthong.directory.Directory}; a failure (Keycloak down) is
 * logged and repaired by {@link vn.lienthong.directory.keycloak.KeycloakSync#resyncAll()}. Events out: none.
 */
package vn.lienthong.directory.keycloak;
