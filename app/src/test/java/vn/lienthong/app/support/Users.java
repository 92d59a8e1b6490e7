package vn.lienthong.app.support;

import java.util.Arrays;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.lienthong.directory.Role;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/**
 * The demo users as MockMvc sees them: a browser session after OIDC login ({@link #session}) or a bearer token
 * ({@link #bearer}), named by username and carrying the realm roles as authorities, as the real login does.
 */
public enum Users {

    ANONYMOUS(null),
    OFFICIAL("an.nguyen", Role.OFFICIAL),
    /** An official of another unit than {@link #OFFICIAL} (Văn phòng of Huyện Vĩnh Lợi). */
    OTHER_OFFICIAL("binh.tran", Role.OFFICIAL),
    UNIT_ADMIN_VINH_LOI("admin.vinhloi", Role.UNIT_ADMIN, Role.OFFICIAL),
    SYSTEM_ADMIN("quantri", Role.SYSTEM_ADMIN, Role.OFFICIAL);

    private final String username;
    private final Role[] roles;

    Users(String username, Role... roles) {
        this.username = username;
        this.roles = roles;
    }

    public String username() {
        return username;
    }

    public RequestPostProcessor session() {
        if (this == ANONYMOUS) {
            return request -> request;
        }
        return oidcLogin()
                .idToken(token -> token.subject(username).claim("preferred_username", username))
                .authorities(authorities());
    }

    public RequestPostProcessor bearer() {
        if (this == ANONYMOUS) {
            return request -> request;
        }
        return jwt().jwt(token -> token.subject(username).claim("preferred_username", username))
                .authorities(authorities());
    }

    private SimpleGrantedAuthority[] authorities() {
        return Arrays.stream(roles).map(role -> new SimpleGrantedAuthority(role.authority()))
                .toArray(SimpleGrantedAuthority[]::new);
    }
}
