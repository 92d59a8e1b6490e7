package vn.lienthong.app.directory.api;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.lienthong.directory.Official;
import vn.lienthong.directory.Role;

/**
 * An official as the API shows them. Roles and the managed unit are only shown to an administrator of the
 * official's unit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OfficialResource(long id, String username, String fullName, String title, long unitId, String unitName,
                        String email, String phone, boolean active, Set<String> roles, Long managedUnitId) {

    static OfficialResource of(Official official, String unitName, boolean forAdministrator) {
        Set<String> roles = null;
        if (forAdministrator) {
            roles = new TreeSet<>();
            for (Role role : official.roles()) {
                roles.add(role.realmRole());
            }
        }
        return new OfficialResource(official.id(), official.username(), official.fullName(), official.title(),
                official.unitId(), unitName, official.email(), official.phone(), official.active(), roles,
                forAdministrator ? official.managedUnitId() : null);
    }
}
