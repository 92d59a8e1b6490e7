package vn.lienthong.app.search;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import vn.lienthong.app.shell.SignedIn;
import vn.lienthong.archive.Reader;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;

/**
 * Who may read what: turns the signed-in caller into the archive principals a search is trimmed to.
 * <p>
 * An item is readable by the caller when its readers share one of these principals:
 * <ul>
 *   <li>{@code official:<username>}: items addressed to the official by name;</li>
 *   <li>{@code unit:<code>} of the official's own unit: <b>unit readers are the officials whose unit is exactly
 *       that unit</b>. Neither the officials of its sub-units nor those of its parent read it; an item meant for a
 *       whole district lists each unit it is meant for;</li>
 *   <li>{@code role:<ROLE>} for each role the login carries ({@code role:SYSTEM_ADMIN}, {@code role:UNIT_ADMIN},
 *       {@code role:OFFICIAL}), taken from the authorities {@code ROLE_*} of the session or token;</li>
 *   <li>{@code everyone}: every signed-in official.</li>
 * </ul>
 * Nobody signed in, or an official the directory knows as deactivated (a token issued before the deactivation),
 * gets no principal and so sees nothing. A caller the directory does not know (a service account's token) reads
 * as {@code official:<name>}, its roles and {@code everyone}, without a unit.
 */
@Component
public class ArchivePrincipals {

    private static final String ROLE_PREFIX = "ROLE_";

    private final Directory directory;

    ArchivePrincipals(Directory directory) {
        this.directory = directory;
    }

    /** The caller's principals; empty when nobody (or a deactivated official) is signed in. */
    public Set<Reader> of(Authentication authentication) {
        if (!SignedIn.isAuthenticated(authentication) || authentication.getName() == null
                || authentication.getName().isBlank()) {
            return Set.of();
        }
        String username = authentication.getName();
        Official official = directory.findOfficialByUsername(username).orElse(null);
        if (official != null && !official.active()) {
            return Set.of();
        }
        Set<Reader> principals = new LinkedHashSet<>();
        principals.add(Reader.official(username));
        if (official != null) {
            directory.findUnit(official.unitId()).map(Unit::code).map(Reader::unit).ifPresent(principals::add);
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(ROLE_PREFIX) && name.length() > ROLE_PREFIX.length()) {
                principals.add(Reader.role(name.substring(ROLE_PREFIX.length())));
            }
        }
        principals.add(Reader.everyone());
        return Set.copyOf(principals);
    }
}
