package vn.lienthong.directory.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class RealmRolesTests {

    @Test
    void readsKeycloaksNestedRealmRolesAndIgnoresForeignOnes() {
        Map<String, Object> claims = Map.of("realm_access",
                Map.of("roles", List.of("offline_access", "unit-admin", "default-roles-lienthong", "official")));

        assertThat(RealmRoles.authorities(claims)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_UNIT_ADMIN", "ROLE_OFFICIAL");
    }

    @Test
    void readsAFlatRolesClaimToo() {
        assertThat(RealmRoles.authorities(Map.of("roles", List.of("system-admin"))))
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_SYSTEM_ADMIN");
    }

    @Test
    void noRolesClaimMeansNoAuthorities() {
        assertThat(RealmRoles.authorities(Map.of("sub", "x", "roles", "system-admin"))).isEmpty();
    }
}
