package vn.lienthong.directory.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import vn.lienthong.directory.Role;

/**
 * Realm roles in a token to Spring authorities: {@code system-admin} becomes {@code ROLE_SYSTEM_ADMIN}, and so on.
 * Reads Keycloak's nested {@code realm_access.roles} and a flat {@code roles} claim; role names that are not ours
 * (Keycloak's {@code offline_access}, {@code default-roles-lienthong}, ...) are ignored.
 */
final class RealmRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    static final String REALM_ACCESS = "realm_access";
    static final String ROLES = "roles";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return authorities(jwt.getClaims());
    }

    static Set<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (Role role : roles(claims)) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        return authorities;
    }

    static Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = new LinkedHashSet<>();
        if (claims.get(REALM_ACCESS) instanceof Map<?, ?> realmAccess) {
            addRoles(realmAccess.get(ROLES), roles);
        }
        addRoles(claims.get(ROLES), roles);
        return roles;
    }

    private static void addRoles(Object claim, Set<Role> roles) {
        if (claim instanceof Collection<?> names) {
            for (Object name : names) {
                Role role = name == null ? null : Role.fromRealmRole(name.toString());
                if (role != null) {
                    roles.add(role);
                }
            }
        }
    }
}
