package vn.lienthong.app.shell;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;

/**
 * Who is signed in, as the pages need it. The principal's name is the official's username, both for a browser
 * session (OIDC login) and for a bearer token.
 */
@Component
public class SignedIn {

    private final Directory directory;

    SignedIn(Directory directory) {
        this.directory = directory;
    }

    public static boolean isAuthenticated(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    public static boolean hasRole(Authentication authentication, Role role) {
        return isAuthenticated(authentication) && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(role.authority()::equals);
    }

    /** A system or unit administrator (their scope is a separate question: {@link Directory#canAdminister}). */
    public static boolean isAdministrator(Authentication authentication) {
        return hasRole(authentication, Role.SYSTEM_ADMIN) || hasRole(authentication, Role.UNIT_ADMIN);
    }

    public Optional<Official> official(Authentication authentication) {
        if (!isAuthenticated(authentication)) {
            return Optional.empty();
        }
        return directory.findOfficialByUsername(authentication.getName());
    }

    /** The signed-in official with their unit, for the top bar and the home page. */
    public Optional<Profile> profile(Authentication authentication) {
        return official(authentication).map(official -> new Profile(official,
                directory.findUnit(official.unitId()).orElse(null)));
    }

    /** An official and their unit ({@code null} if the unit is unknown). */
    public record Profile(Official official, Unit unit) {

        public String unitName() {
            return unit == null ? "" : unit.name();
        }
    }
}
