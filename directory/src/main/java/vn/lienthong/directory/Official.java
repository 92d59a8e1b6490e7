package vn.lienthong.directory;

import java.util.Set;

/**
 * An official (cán bộ, công chức) of a unit.
 *
 * @param id            database id
 * @param username      login name, lower case, e.g. {@code an.nguyen}; also the mailbox's local part by default
 * @param fullName      full name in NFC, family name first: "Nguyễn Văn An"
 * @param title         position (chức vụ), e.g. "Chánh Văn phòng"; may be empty
 * @param unitId        the unit the official works in
 * @param email         official mail address, e.g. {@code an.nguyen@baclieu.gov.vn}
 * @param phone         phone number as entered, may be empty
 * @param active        {@code false} once deactivated: cannot log in, receives no new mail, history is kept
 * @param roles         roles; every active official has {@link Role#OFFICIAL}
 * @param managedUnitId for a {@link Role#UNIT_ADMIN}, the root of the subtree they manage; otherwise {@code null}
 */
public record Official(long id, String username, String fullName, String title, long unitId, String email,
                       String phone, boolean active, Set<Role> roles, Long managedUnitId) {

    public Official {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The given name, the last word of the full name, by which Vietnamese lists are sorted ("An"). */
    public String givenName() {
        String trimmed = fullName.strip();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(space + 1);
    }
}
