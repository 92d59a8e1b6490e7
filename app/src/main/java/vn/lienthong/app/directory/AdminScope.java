package vn.lienthong.app.directory;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import vn.lienthong.app.shell.NotFoundException;
import vn.lienthong.app.shell.SignedIn;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;

/**
 * What an administrator may act on: a system administrator every unit, a unit administrator their subtree
 * ({@link Directory#canAdminister}). Pages use it to offer only what will be allowed and to refuse a typed URL
 * with 403 before showing a form; the directory checks again on every change.
 */
@Component
public class AdminScope {

    private final Directory directory;

    AdminScope(Directory directory) {
        this.directory = directory;
    }

    /** Refuses anyone who is neither a system nor a unit administrator. */
    public static void requireAdministrator(Authentication authentication) {
        if (!SignedIn.isAdministrator(authentication)) {
            throw new AccessDeniedException("Not an administrator");
        }
    }

    public static boolean isSystemAdministrator(Authentication authentication) {
        return SignedIn.hasRole(authentication, Role.SYSTEM_ADMIN);
    }

    public boolean canAdminister(Authentication authentication, long unitId) {
        return SignedIn.isAdministrator(authentication) && directory.canAdminister(authentication.getName(), unitId);
    }

    /** The unit, if it exists (else 404) and the administrator may act on it (else 403). */
    public Unit unit(Authentication authentication, long unitId) {
        Unit unit = directory.findUnit(unitId).orElseThrow(() -> new NotFoundException("unit " + unitId));
        if (!canAdminister(authentication, unitId)) {
            throw new AccessDeniedException("Unit " + unitId + " is outside the administrator's scope");
        }
        return unit;
    }

    /** The official, if they exist (else 404) and their unit is in the administrator's scope (else 403). */
    public Official official(Authentication authentication, long officialId) {
        Official official = directory.findOfficial(officialId)
                .orElseThrow(() -> new NotFoundException("official " + officialId));
        if (!canAdminister(authentication, official.unitId())) {
            throw new AccessDeniedException("Official " + officialId + " is outside the administrator's scope");
        }
        return official;
    }

    /** Every unit (active or not) the administrator may act on, in tree order. */
    public List<Unit> units(Authentication authentication) {
        if (!SignedIn.isAdministrator(authentication)) {
            return List.of();
        }
        String username = authentication.getName();
        return directory.allUnits().stream().filter(unit -> directory.canAdminister(username, unit.id())).toList();
    }

    /** The active units the administrator may act on, in tree order: choices for a parent or a target. */
    public List<Unit> activeUnits(Authentication authentication) {
        return units(authentication).stream().filter(Unit::active).toList();
    }
}
