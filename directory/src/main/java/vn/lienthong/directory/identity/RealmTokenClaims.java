package vn.lienthong.directory.identity;

import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Role;

/**
 * Gives the embedded provider's tokens Keycloak's claims, read fresh from the directory at every issue (so a
 * refresh picks up role changes, and a deactivated official cannot refresh): {@code preferred_username},
 * {@code name}, {@code email}, {@code realm_access.roles}, a flat {@code roles}, and {@code azp}. Access and ID
 * tokens carry the same user claims. The issuer is pinned to the configured one, whatever host name the request
 * came through.
 */
final class RealmTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Directory directory;
    private final String issuer;

    RealmTokenClaims(Directory directory, String issuer) {
        this.directory = directory;
        this.issuer = issuer;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        context.getClaims().issuer(issuer);
        if (accessToken) {
            context.getClaims().claim("azp", context.getRegisteredClient().getClientId());
        }
        if (!(context.getPrincipal() instanceof AbstractAuthenticationToken user)
                || user instanceof OAuth2ClientAuthenticationToken) {
            return; // client_credentials: the client itself, no user claims
        }
        Official official = directory.findOfficialByUsername(user.getName())
                .filter(Official::active)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "Tài khoản không còn hoạt động (the account is no longer active)", null)));
        List<String> roles = official.roles().stream().map(Role::realmRole).sorted().toList();
        context.getClaims().claims(claims -> {
            claims.put("preferred_username", official.username());
            claims.put("name", official.fullName());
            if (official.email() != null && !official.email().isBlank()) {
                claims.put("email", official.email());
            }
            claims.put(RealmRoles.REALM_ACCESS, Map.of(RealmRoles.ROLES, roles));
            claims.put(RealmRoles.ROLES, roles);
        });
    }
}
