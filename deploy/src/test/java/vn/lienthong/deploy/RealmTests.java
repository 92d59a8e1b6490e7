package vn.lienthong.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import vn.lienthong.directory.Role;

/** The realm the Compose file imports is the one the app expects: its roles, its clients, its redirect. */
class RealmTests {

    static final Path REALM = Path.of("keycloak/lienthong-realm.json");

    private final JsonNode realm = read();
    private final AppProperties app = AppProperties.load();

    @Test
    void definesARealmRoleForEveryRoleOfTheDirectory() {
        List<String> roles = names(realm.path("roles").path("realm"), "name");
        assertThat(roles).contains("system-admin", "unit-admin", "official")
                .containsAll(Arrays.stream(Role.values()).map(Role::realmRole).toList());
    }

    @Test
    void givesEveryUserTheOfficialRole() {
        JsonNode defaults = find(realm.path("roles").path("realm"), "name", "default-roles-lienthong");
        assertThat(names(defaults.path("composites").path("realm"), null)).contains(Role.OFFICIAL.realmRole());
        assertThat(realm.path("defaultRole").path("name").asText()).isEqualTo("default-roles-lienthong");
    }

    @Test
    void definesTheClientTheKeycloakProfileLogsInWith() {
        // application-keycloak.yml: client-id ${LIENTHONG_IDENTITY_CLIENT_ID:lienthong-app}
        String clientId = String.valueOf(app.profileValues().get("keycloak").get("lienthong.identity.client-id"))
                .replaceAll("^\\$\\{[A-Z_]+:(.*)}$", "$1");
        assertThat(clientId).isEqualTo("lienthong-app");
        JsonNode client = find(realm.path("clients"), "clientId", clientId);
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("secret").asText()).isEqualTo("${LIENTHONG_KEYCLOAK_CLIENT_SECRET}");
        // Spring's redirect for the registration "lienthong" under the public base URL.
        assertThat(names(client.path("redirectUris"), null))
                .contains("${LIENTHONG_BASE_URL}/login/oauth2/code/lienthong");
    }

    @Test
    void definesTheProvisioningServiceAccountTheDirectoryUses() {
        String clientId = app.find("lienthong.identity.keycloak.provisioning.client-id")
                .flatMap(AppProperties.Property::defaultValue).orElseThrow();
        JsonNode client = find(realm.path("clients"), "clientId", clientId);
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("secret").asText()).isEqualTo("${LIENTHONG_KEYCLOAK_PROVISIONING_SECRET}");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in the realm");
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(field == null ? node.asText() : node.path(field).asText()));
        return names;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(REALM.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
