package vn.lienthong.directory.keycloak;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provisioning of the directory into Keycloak, through a service account (client credentials).
 *
 * <pre>
 * lienthong.identity.keycloak.provisioning.enabled: true
 * lienthong.identity.keycloak.provisioning.client-secret: ${LIENTHONG_KEYCLOAK_PROVISIONING_SECRET}
 * lienthong.identity.keycloak.provisioning.resync-on-start: true
 * </pre>
 *
 * @param enabled          push directory changes to Keycloak (needs {@code lienthong.identity.provider=KEYCLOAK})
 * @param serverUrl        Keycloak's base URL for the admin API; empty: {@code lienthong.identity.keycloak.url}
 *                         (set it when the app reaches Keycloak on an internal address)
 * @param realm            the realm to provision; empty: {@code lienthong.identity.realm}
 * @param clientId         the service-account client
 * @param clientSecret     its secret (Keycloak, client {@code lienthong-provisioning}, tab Credentials)
 * @param resyncOnStart    run a full re-sync in the background once the app has started
 * @param sendSetupEmail   ask Keycloak to mail new users a link to set their password (needs SMTP in the realm)
 * @param connectTimeout   how long to wait for a connection to Keycloak
 * @param readTimeout      how long to wait for an answer from Keycloak
 */
@ConfigurationProperties("lienthong.identity.keycloak.provisioning")
record KeycloakProvisioningSettings(
        @DefaultValue("false") boolean enabled,
        URI serverUrl,
        String realm,
        @DefaultValue("lienthong-provisioning") String clientId,
        String clientSecret,
        @DefaultValue("false") boolean resyncOnStart,
        @DefaultValue("false") boolean sendSetupEmail,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    KeycloakProvisioningSettings {
        // Checked only when switched on, so the embedded default needs none of this.
        if (enabled) {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("lienthong.identity.keycloak.provisioning.client-id không được "
                        + "để trống (must not be blank)");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("lienthong.identity.keycloak.provisioning.client-secret là bắt "
                        + "buộc khi bật đồng bộ Keycloak: lấy từ Keycloak, client lienthong-provisioning, tab "
                        + "Credentials (required when provisioning is enabled: the service account's secret)");
            }
            if (serverUrl != null && (!serverUrl.isAbsolute() || serverUrl.getHost() == null)) {
                throw new IllegalArgumentException("lienthong.identity.keycloak.provisioning.server-url phải là địa "
                        + "chỉ http(s) đầy đủ (must be an absolute http(s) URL), not " + serverUrl);
            }
        }
    }

    @Override
    public String toString() {
        return "KeycloakProvisioningSettings[enabled=" + enabled + ", serverUrl=" + serverUrl + ", realm=" + realm
                + ", clientId=" + clientId + ", clientSecret=***, resyncOnStart=" + resyncOnStart + "]";
    }
}
