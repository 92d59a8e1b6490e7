package vn.lienthong.directory.identity;

import java.net.URI;

import org.springframework.util.Assert;

/**
 * The identity provider's addresses, resolved once from the settings: Keycloak's layout
 * ({@code <base>/realms/<realm>/protocol/openid-connect/...}) for both providers. For the embedded provider the base
 * is {@code lienthong.base-url}, for Keycloak {@code lienthong.identity.keycloak.url}; explicit Keycloak endpoints
 * win over derived ones.
 */
record IdentityEndpoints(String issuer, String authorizationUri, String tokenUri, String jwkSetUri,
                         String userInfoUri, String endSessionUri) {

    /** Keycloak's endpoint paths below the issuer; the embedded provider serves the same ones. */
    static final String AUTHORIZATION_PATH = "/protocol/openid-connect/auth";
    static final String TOKEN_PATH = "/protocol/openid-connect/token";
    static final String JWK_SET_PATH = "/protocol/openid-connect/certs";
    static final String USER_INFO_PATH = "/protocol/openid-connect/userinfo";
    static final String END_SESSION_PATH = "/protocol/openid-connect/logout";
    static final String REVOCATION_PATH = "/protocol/openid-connect/revoke";
    static final String INTROSPECTION_PATH = "/protocol/openid-connect/token/introspect";

    static IdentityEndpoints of(IdentitySettings settings, String appBaseUrl) {
        if (settings.embedded()) {
            return derived(requireHttpUrl(appBaseUrl, "lienthong.base-url"), settings.realm());
        }
        IdentitySettings.Keycloak kc = settings.keycloak();
        IdentityEndpoints derived = derived(requireHttpUrl(kc.url().toString(), "lienthong.identity.keycloak.url"),
                settings.realm());
        return new IdentityEndpoints(derived.issuer(),
                orElse(kc.authorizationUri(), derived.authorizationUri()),
                orElse(kc.tokenUri(), derived.tokenUri()),
                orElse(kc.jwkSetUri(), derived.jwkSetUri()),
                orElse(kc.userInfoUri(), derived.userInfoUri()),
                orElse(kc.endSessionUri(), derived.endSessionUri()));
    }

    /** The path of the realm below the base URL, e.g. {@code /realms/lienthong}. */
    static String realmPath(String realm) {
        return "/realms/" + realm;
    }

    private static IdentityEndpoints derived(String base, String realm) {
        String issuer = base + realmPath(realm);
        return new IdentityEndpoints(issuer, issuer + AUTHORIZATION_PATH, issuer + TOKEN_PATH,
                issuer + JWK_SET_PATH, issuer + USER_INFO_PATH, issuer + END_SESSION_PATH);
    }

    /** An absolute http(s) URL without a trailing slash, or a start-up failure naming the setting. */
    static String requireHttpUrl(String value, String setting) {
        Assert.hasText(value, () -> setting + " không được để trống (must be set to the public address, e.g. "
                + "https://lienthong.baclieu.gov.vn)");
        URI uri;
        try {
            uri = URI.create(value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(setting + " không phải là địa chỉ hợp lệ (is not a valid URL): " + value);
        }
        Assert.isTrue(uri.isAbsolute() && uri.getHost() != null
                        && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        && uri.getQuery() == null && uri.getFragment() == null,
                () -> setting + " phải là địa chỉ http(s) đầy đủ, không có ?query (must be an absolute http(s) URL): "
                        + value);
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static String orElse(URI explicit, String derived) {
        return explicit == null ? derived : explicit.toString();
    }
}
