package vn.lienthong.directory;

/**
 * What an official may do. The names are the realm roles in Keycloak (and in the embedded identity provider);
 * Spring Security sees them as authorities {@code ROLE_SYSTEM_ADMIN}, {@code ROLE_UNIT_ADMIN}, {@code ROLE_OFFICIAL}.
 */
public enum Role {
    /** Quản trị hệ thống: manages the whole directory. */
    SYSTEM_ADMIN("system-admin"),
    /** Quản trị đơn vị: manages the subtree of the unit named in {@link Official#managedUnitId()}. */
    UNIT_ADMIN("unit-admin"),
    /** Cán bộ: every active official has this role. */
    OFFICIAL("official");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    /** The realm role name, as Keycloak and the tokens spell it ({@code system-admin}). */
    public String realmRole() {
        return realmRole;
    }

    /** The Spring Security authority ({@code ROLE_SYSTEM_ADMIN}). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role for a realm role name, or {@code null} if it is not one of ours. */
    public static Role fromRealmRole(String realmRole) {
        for (Role role : values()) {
            if (role.realmRole.equals(realmRole)) {
                return role;
            }
        }
        return null;
    }
}
