package vn.lienthong.directory;

import java.util.Set;

/**
 * What an administrator enters for an official. {@code email} may be blank: it is then derived from the
 * username and the unit's mail domain. {@code unitId} is only read by createOfficial; use moveOfficial to change it.
 */
public record OfficialDraft(String username, String fullName, String title, Long unitId, String email,
                            String phone, Set<Role> roles, Long managedUnitId) {

    public OfficialDraft {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
