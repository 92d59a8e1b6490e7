package vn.lienthong.directory.identity;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How officials log in: through the embedded identity provider (default, single machine) or an outside Keycloak.
 * Either way the app signs users in with OpenID Connect and accepts bearer tokens on its API; switching is
 * configuration only.
 *
 * <pre>
 * lienthong.identity.provider: embedded | keycloak
 * lienthong.identity.realm: lienthong
 * lienthong.identity.client-id: lienthong
 * lienthong.identity.client-secret: ...          # embedded: optional (generated once, kept in the data folder)
 * lienthong.identity.keycloak.url: https://sso.example.gov.vn   # keycloak only; the realm is appended
 * </pre>
 *
 * @param provider     which identity provider signs officials in
 * @param realm        the realm name; also the path segment of the embedded provider ({@code /realms/<realm>})
 * @param clientId     the app's own OIDC client
 * @param clientSecret the app's client secret; required for Keycloak, optional for the embedded provider
 * @param keycloak     where Keycloak is (provider {@code keycloak} only)
 */
@Validated
@ConfigurationProperties("lienthong.identity")
record IdentitySettings(
        @NotNull(message = "lienthong.identity.provider phải là EMBEDDED hoặc KEYCLOAK (must be EMBEDDED or KEYCLOAK)")
        @DefaultValue("embedded") Provider provider,
        @NotBlank(message = "lienthong.identity.realm không được để trống (must not be blank)")
        @Pattern(regexp = "[A-Za-z0-9._-]+",
                message = "lienthong.identity.realm chỉ gồm chữ, số, '.', '_' và '-' (letters, digits, '.', '_', '-' only)")
        @DefaultValue("lienthong") String realm,
        @NotBlank(message = "lienthong.identity.client-id không được để trống (must not be blank)")
        @DefaultValue("lienthong") String clientId,
        String clientSecret,
        @Valid @DefaultValue Keycloak keycloak) {

    enum Provider {
        /** The in-process, Keycloak-shaped provider with users from the directory. */
        EMBEDDED,
        /** An outside Keycloak server; the directory is pushed to it by the provisioning. */
        KEYCLOAK
    }

    /**
     * Where Keycloak is. Endpoints are derived from {@code url} and the realm the way Keycloak lays them out; set
     * any of them only when a proxy puts them elsewhere. No discovery call is made, so the app starts while
     * Keycloak is down.
     *
     * @param url              public base URL of Keycloak as browsers see it, e.g. {@code https://sso.baclieu.gov.vn}
     * @param authorizationUri browser-facing authorization endpoint
     * @param tokenUri         token endpoint (back channel)
     * @param jwkSetUri        signing keys (back channel)
     * @param userInfoUri      user info (back channel)
     * @param endSessionUri    RP-initiated logout (browser-facing)
     */
    record Keycloak(URI url, URI authorizationUri, URI tokenUri, URI jwkSetUri, URI userInfoUri,
                    URI endSessionUri) {
    }

    boolean embedded() {
        return provider == Provider.EMBEDDED;
    }

    boolean hasClientSecret() {
        return clientSecret != null && !clientSecret.isBlank();
    }

    @AssertTrue(message = "lienthong.identity.keycloak.url là bắt buộc khi provider=KEYCLOAK, dạng http(s)://máy-chủ "
            + "(required with provider=KEYCLOAK, an absolute http(s) URL such as https://sso.baclieu.gov.vn)")
    boolean isKeycloakUrlValid() {
        if (provider != Provider.KEYCLOAK) {
            return true;
        }
        URI url = keycloak == null ? null : keycloak.url();
        return url != null && url.isAbsolute() && url.getHost() != null
                && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()));
    }

    @AssertTrue(message = "lienthong.identity.client-secret là bắt buộc khi provider=KEYCLOAK: lấy từ Keycloak, "
            + "tab Credentials của client (required with provider=KEYCLOAK: the client's secret in Keycloak)")
    boolean isClientSecretPresentForKeycloak() {
        return provider != Provider.KEYCLOAK || hasClientSecret();
    }
}
