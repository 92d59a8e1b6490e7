package vn.lienthong.directory.identity;

import java.util.Locale;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.internal.PasswordStore;

/**
 * Officials as login accounts of the embedded identity provider: the username from the directory, the BCrypt hash
 * from the password store. A deactivated official is a disabled account; one without a password cannot log in.
 */
final class DirectoryUserDetailsService implements UserDetailsService {

    private final Directory directory;
    private final PasswordStore passwords;

    DirectoryUserDetailsService(Directory directory, PasswordStore passwords) {
        this.directory = directory;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalised = normalise(username);
        Official official = directory.findOfficialByUsername(normalised)
                .orElseThrow(() -> new UsernameNotFoundException("no such official"));
        String hash = passwords.passwordHash(official.id())
                .filter(h -> !h.isBlank())
                .map(DirectoryUserDetailsService::delegatingForm)
                .orElseThrow(() -> new UsernameNotFoundException("official has no password"));
        return User.withUsername(official.username())
                .password(hash)
                .disabled(!official.active())
                .authorities(official.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }

    /** Usernames are lower case; people type them with stray spaces and capitals. */
    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** A bare BCrypt hash ({@code $2a$...}) gets the {@code {bcrypt}} prefix the delegating encoder expects. */
    private static String delegatingForm(String hash) {
        return hash.startsWith("$2") ? "{bcrypt}" + hash : hash;
    }
}
