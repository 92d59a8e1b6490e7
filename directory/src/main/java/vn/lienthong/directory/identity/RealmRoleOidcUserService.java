package vn.lienthong.directory.identity;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The browser login's user: ID token and user info as usual, named by {@code preferred_username}, with the realm
 * roles as authorities. Keycloak puts realm roles into the access token, not the ID token, so they are read from
 * the access token (verified with the same decoder as the API's bearer tokens), plus any in the ID token.
 */
final class RealmRoleOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String USERNAME_CLAIM = "preferred_username";

    private final OidcUserService delegate = new OidcUserService();
    private final JwtDecoder accessTokens;

    RealmRoleOidcUserService(JwtDecoder accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Jwt accessToken;
        try {
            accessToken = accessTokens.decode(request.getAccessToken().getTokenValue());
        }
        catch (JwtException ex) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "The access token from the identity provider was rejected: " + ex.getMessage(), null), ex);
        }
        if (user.getClaimAsString(USERNAME_CLAIM) == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "The identity provider sent no preferred_username", null));
        }
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        authorities.addAll(RealmRoles.authorities(accessToken.getClaims()));
        authorities.addAll(RealmRoles.authorities(user.getClaims()));
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), USERNAME_CLAIM);
    }
}
