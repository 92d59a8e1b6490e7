package vn.lienthong.directory.identity;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings say clearly what is missing, and Keycloak's endpoints follow from its address. */
class IdentitySettingsTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(SettingsOnly.class);

    @Test
    void embeddedIsTheDefault() {
        contexts.run(context -> {
            IdentitySettings settings = context.getBean(IdentitySettings.class);
            assertThat(settings.provider()).isEqualTo(IdentitySettings.Provider.EMBEDDED);
            assertThat(settings.realm()).isEqualTo("lienthong");
            assertThat(settings.clientId()).isEqualTo("lienthong");
        });
    }

    @Test
    void keycloakNeedsItsAddressAndTheClientSecret() {
        contexts.withPropertyValues("lienthong.identity.provider=keycloak").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message()
                    .contains("lienthong.identity.keycloak.url là bắt buộc")
                    .contains("lienthong.identity.client-secret là bắt buộc");
        });
    }

    @Test
    void unknownProviderIsRefused() {
        contexts.withPropertyValues("lienthong.identity.provider=ldap").run(context ->
                assertThat(context).hasFailed());
    }

    @Test
    void keycloakEndpointsAreDerivedFromItsAddressUnlessSetExplicitly() {
        contexts.withPropertyValues("lienthong.identity.provider=KEYCLOAK",
                        "lienthong.identity.client-secret=s3cr3t-from-keycloak",
                        "lienthong.identity.keycloak.url=https://sso.baclieu.gov.vn/",
                        "lienthong.identity.keycloak.token-uri=http://10.0.0.5:8080/realms/lienthong/protocol/openid-connect/token")
                .run(context -> {
                    IdentityEndpoints endpoints = IdentityEndpoints.of(context.getBean(IdentitySettings.class),
                            "http://127.0.0.1:8080");
                    assertThat(endpoints.issuer()).isEqualTo("https://sso.baclieu.gov.vn/realms/lienthong");
                    assertThat(endpoints.authorizationUri())
                            .isEqualTo("https://sso.baclieu.gov.vn/realms/lienthong/protocol/openid-connect/auth");
                    assertThat(endpoints.tokenUri())
                            .isEqualTo("http://10.0.0.5:8080/realms/lienthong/protocol/openid-connect/token");
                    assertThat(endpoints.jwkSetUri())
                            .isEqualTo("https://sso.baclieu.gov.vn/realms/lienthong/protocol/openid-connect/certs");
                    assertThat(endpoints.endSessionUri())
                            .isEqualTo("https://sso.baclieu.gov.vn/realms/lienthong/protocol/openid-connect/logout");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IdentitySettings.class)
    static class SettingsOnly {
    }
}
