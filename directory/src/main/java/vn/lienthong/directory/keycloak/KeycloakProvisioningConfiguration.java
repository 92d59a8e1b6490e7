package vn.lienthong.directory.keycloak;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.client.Client;

import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import vn.lienthong.directory.ClusterTasks;
import vn.lienthong.directory.Directory;

/**
 * Wires the provisioning in Keycloak mode when it is switched on. Nothing here calls Keycloak at start-up: the
 * admin client fetches its service-account token on first use, so the app starts while Keycloak is down.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "lienthong.identity", name = "provider", havingValue = "keycloak")
@ConditionalOnBooleanProperty("lienthong.identity.keycloak.provisioning.enabled")
@EnableConfigurationProperties(KeycloakProvisioningSettings.class)
class KeycloakProvisioningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeycloakProvisioningConfiguration.class);

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdminClient(KeycloakProvisioningSettings settings, Environment environment) {
        String serverUrl = settings.serverUrl() != null ? settings.serverUrl().toString()
                : environment.getProperty("lienthong.identity.keycloak.url");
        if (serverUrl == null || serverUrl.isBlank() || !URI.create(serverUrl).isAbsolute()) {
            throw new IllegalStateException("lienthong.identity.keycloak.provisioning.server-url (hoặc "
                    + "lienthong.identity.keycloak.url) là bắt buộc để đồng bộ Keycloak (Keycloak's base URL is "
                    + "required for provisioning)");
        }
        String realm = realm(settings, environment);
        Client http = ResteasyClientClassicProvider.createClientBuilder()
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Ignores fields a newer server adds to its representations.
                .register(JacksonProvider.class, 100)
                .build();
        log.info("Keycloak provisioning: realm {} at {} as client {}", realm, serverUrl, settings.clientId());
        return KeycloakBuilder.builder()
                .serverUrl(serverUrl)
                .realm(realm)
                .grantType("client_credentials")
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .resteasyClient(http)
                .build();
    }

    @Bean
    KeycloakSync keycloakSync(Keycloak keycloakAdminClient, KeycloakProvisioningSettings settings,
                              Environment environment, Directory directory, ClusterTasks cluster) {
        KeycloakRealmWriter writer = new KeycloakRealmWriter(
                keycloakAdminClient.realm(realm(settings, environment)), directory, settings.sendSetupEmail());
        return new KeycloakSync(directory, writer, cluster);
    }

    @Bean
    DirectoryChangeListener keycloakDirectoryChangeListener(KeycloakSync keycloakSync,
                                                            KeycloakProvisioningSettings settings) {
        return new DirectoryChangeListener(keycloakSync, settings.resyncOnStart());
    }

    private static String realm(KeycloakProvisioningSettings settings, Environment environment) {
        if (settings.realm() != null && !settings.realm().isBlank()) {
            return settings.realm();
        }
        return environment.getProperty("lienthong.identity.realm", "lienthong");
    }
}
