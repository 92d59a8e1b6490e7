package vn.lienthong.app.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.app.support.Browser;
import vn.lienthong.app.support.BrowserExtension;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.IdentitySync;
import vn.lienthong.directory.IdentitySyncReport;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;

/**
 * The whole app in Keycloak mode against a real Keycloak with the project's realm: officials log in on Keycloak's
 * own page, the API takes Keycloak's bearer tokens with their realm roles, and directory changes reach Keycloak.
 * The demo directory is pushed into Keycloak by the re-sync at start-up; passwords are Keycloak's and set here
 * through its admin API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class KeycloakModeTests {

    private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(2);
    private static final String TEST_CLIENT = "lienthong-api-tests";
    private static final Map<String, String> passwords = new ConcurrentHashMap<>();
    private static final ObjectMapper json = new ObjectMapper();
    /** Chosen up front: the OIDC redirect is derived from lienthong.base-url, which must name the real port. */
    private static final int PORT = freePort();
    private static final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    @Autowired
    Directory directory;

    @Autowired
    DirectoryAdministration administration;

    @Autowired
    IdentitySync keycloakSync;

    @DynamicPropertySource
    static void keycloakMode(DynamicPropertyRegistry registry) throws IOException {
        KeycloakServer keycloak = KeycloakServer.shared();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(),
                "keycloak-test-data-");
        registry.add("lienthong.data-dir", data::toString);
        registry.add("server.port", () -> PORT);
        registry.add("lienthong.base-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("lienthong.identity.provider", () -> "keycloak");
        // Login is under test here; the shared web test context already runs the embedded James.
        registry.add("lienthong.mail.enabled", () -> "false");
        registry.add("lienthong.identity.client-id", () -> KeycloakServer.APP_CLIENT);
        registry.add("lienthong.identity.client-secret", keycloak::appClientSecret);
        registry.add("lienthong.identity.keycloak.url", keycloak::url);
        registry.add("lienthong.identity.keycloak.provisioning.enabled", () -> "true");
        registry.add("lienthong.identity.keycloak.provisioning.client-secret", keycloak::provisioningSecret);
        registry.add("lienthong.identity.keycloak.provisioning.resync-on-start", () -> "true");
    }

    @Test
    void officialLogsInOnKeycloaksPageAndSeesTheirName() {
        String password = passwordOf("an.nguyen");
        Official an = directory.findOfficialByUsername("an.nguyen").orElseThrow();

        Browser browser = browsers.open(appUrl());
        browser.open("/");
        browser.waitFor(By.id("kc-login"));
        assertThat(browser.currentUrl())
                .startsWith(keycloak().url() + "/realms/lienthong/protocol/openid-connect/auth");
        browser.type(By.name("username"), "an.nguyen").type(By.name("password"), password).click(By.id("kc-login"));

        browser.waitForUrl(appUrl());
        browser.waitForText(By.id("current-official"), an.fullName());
    }

    @Test
    void apiTakesKeycloakTokensAndChecksTheirRoles() throws Exception {
        String officialToken = token("an.nguyen");
        String adminToken = token("quantri");
        Unit province = directory.findUnitByCode("BL").orElseThrow();
        String newUnit = """
                {"code": "BL-KC-API", "name": "Xã Thử API", "level": "COMMUNE", "parentId": %d}
                """.formatted(province.id());

        assertThat(get("/api/v1/units/" + province.id(), officialToken).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/units/" + province.id(), null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/units/" + province.id(), officialToken + "x").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/units", newUnit, officialToken).statusCode()).isEqualTo(403);
        assertThat(directory.findUnitByCode("BL-KC-API")).isEmpty();
        assertThat(post("/api/v1/units", newUnit, adminToken).statusCode()).isEqualTo(201);
        assertThat(directory.findUnitByCode("BL-KC-API")).isPresent();
    }

    @Test
    void directoryChangesReachKeycloak() {
        Unit vinhLoi = directory.findUnitByCode("BL-VL").orElseThrow();
        Unit commune = administration.createUnit("quantri",
                new UnitDraft("BL-KC-SYNC", "Xã Đồng Bộ", UnitLevel.COMMUNE, vinhLoi.id(), null, null));

        GroupRepresentation group = await("group of the new unit").atMost(SYNC_TIMEOUT)
                .until(() -> unitGroup(commune.id()), Optional::isPresent).orElseThrow();
        assertThat(group.getName()).isEqualTo("Xã Đồng Bộ");
        assertThat(group.getAttributes()).containsEntry("unitCode", List.of("BL-KC-SYNC"));
        assertThat(realm().groups().group(group.getParentId()).toRepresentation().getAttributes())
                .containsEntry("unitId", List.of(Long.toString(vinhLoi.id())));

        Official official = administration.createOfficial("quantri", new OfficialDraft("dong.bo",
                "Trần Thị Đồng Bộ", "Chủ tịch UBND xã", commune.id(), "dong.bo@baclieu.gov.vn", "0291 3000 111",
                Set.of(Role.OFFICIAL, Role.UNIT_ADMIN), commune.id()));

        UserRepresentation user = await("user of the new official").atMost(SYNC_TIMEOUT)
                .until(() -> keycloakUser("dong.bo"), Optional::isPresent).orElseThrow();
        assertThat(user.getLastName()).isEqualTo("Trần");
        assertThat(user.getFirstName()).isEqualTo("Thị Đồng Bộ");
        assertThat(user.getEmail()).isEqualTo("dong.bo@baclieu.gov.vn");
        assertThat(user.isEnabled()).isTrue();
        assertThat(user.getAttributes()).containsEntry("unitCode", List.of("BL-KC-SYNC"))
                .containsEntry("title", List.of("Chủ tịch UBND xã"));
        await("group membership and roles").atMost(SYNC_TIMEOUT).untilAsserted(() -> {
            assertThat(realm().users().get(user.getId()).groups()).extracting(GroupRepresentation::getId)
                    .containsExactly(group.getId());
            assertThat(realm().users().get(user.getId()).roles().realmLevel().listAll())
                    .extracting(RoleRepresentation::getName).contains("unit-admin", "official");
        });

        administration.deactivateOfficial("quantri", official.id());
        await("user disabled").atMost(SYNC_TIMEOUT)
                .until(() -> realm().users().get(user.getId()).toRepresentation().isEnabled(), enabled -> !enabled);
    }

    @Test
    void renamesMovesAndMergesOfUnitsReachKeycloak() {
        Unit vinhLoi = directory.findUnitByCode("BL-VL").orElseThrow();
        Unit dongHai = directory.findUnitByCode("BL-DH").orElseThrow();
        Unit target = administration.createUnit("quantri",
                new UnitDraft("BL-KC-MA", "Xã Sáp Nhập A", UnitLevel.COMMUNE, vinhLoi.id(), null, null));
        Unit source = administration.createUnit("quantri",
                new UnitDraft("BL-KC-MB", "Xã Sáp Nhập B", UnitLevel.COMMUNE, vinhLoi.id(), null, null));
        administration.createOfficial("quantri", new OfficialDraft("sap.nhap", "Phạm Văn Sáp", "Chuyên viên",
                source.id(), "sap.nhap@baclieu.gov.vn", null, Set.of(Role.OFFICIAL), null));
        UserRepresentation user = await("user in the source unit").atMost(SYNC_TIMEOUT)
                .until(() -> keycloakUser("sap.nhap"), Optional::isPresent).orElseThrow();

        administration.updateUnit("quantri", target.id(),
                new UnitDraft("BL-KC-MA", "Xã Sáp Nhập", UnitLevel.COMMUNE, null, null, null));
        administration.moveUnit("quantri", target.id(), dongHai.id());
        administration.mergeUnit("quantri", source.id(), target.id());

        await("renamed, moved and merged in Keycloak").atMost(SYNC_TIMEOUT).untilAsserted(() -> {
            GroupRepresentation group = unitGroup(target.id()).orElseThrow();
            assertThat(group.getName()).isEqualTo("Xã Sáp Nhập");
            assertThat(realm().groups().group(group.getParentId()).toRepresentation().getAttributes())
                    .containsEntry("unitId", List.of(Long.toString(dongHai.id())));
            assertThat(unitGroup(source.id())).isEmpty();
            assertThat(realm().users().get(user.getId()).groups(0, 10, false)).extracting(GroupRepresentation::getId)
                    .containsExactly(group.getId());
            assertThat(realm().users().get(user.getId()).toRepresentation().getAttributes())
                    .containsEntry("unitCode", List.of("BL-KC-MA"));
        });
    }

    @Test
    void fullResyncRepairsAUserDeletedInKeycloakByHand() {
        Unit province = directory.findUnitByCode("BL").orElseThrow();
        administration.createOfficial("quantri", new OfficialDraft("xoa.tay", "Lê Văn Xoá", "Chuyên viên",
                province.id(), "xoa.tay@baclieu.gov.vn", null, Set.of(Role.OFFICIAL), null));
        UserRepresentation user = await("user of the new official").atMost(SYNC_TIMEOUT)
                .until(() -> keycloakUser("xoa.tay"), Optional::isPresent).orElseThrow();
        // Runs after everything already queued (the start-up re-sync included), so nothing repairs it but ours.
        keycloakSync.resyncAll();
        realm().users().delete(user.getId()).close();
        assertThat(keycloakUser("xoa.tay")).isEmpty();

        IdentitySyncReport report = keycloakSync.resyncAll();

        assertThat(report).isEqualTo(new IdentitySyncReport(0, 0, 0, 1, 0, 0, List.of()));
        UserRepresentation restored = keycloakUser("xoa.tay").orElseThrow();
        assertThat(restored.isEnabled()).isTrue();
        assertThat(realm().users().get(restored.getId()).groups(0, 10, false))
                .extracting(GroupRepresentation::getAttributes)
                .anySatisfy(attributes -> assertThat(attributes).containsEntry("unitCode", List.of("BL")));
        IdentitySyncReport again = keycloakSync.resyncAll();
        assertThat(again).isEqualTo(new IdentitySyncReport(0, 0, 0, 0, 0, 0, List.of()));
    }

    // ------------------------------------------------------------------ helpers

    private String appUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    private static KeycloakServer keycloak() {
        return KeycloakServer.shared();
    }

    private static RealmResource realm() {
        return keycloak().admin().realm(KeycloakServer.REALM);
    }

    private static Optional<UserRepresentation> keycloakUser(String username) {
        return realm().users().searchByUsername(username, true).stream().findFirst();
    }

    private static Optional<GroupRepresentation> unitGroup(long unitId) {
        return flatten(realm().groups().query("unitId:" + unitId, true, 0, 10, false)).stream()
                .filter(group -> List.of(Long.toString(unitId)).equals(group.getAttributes().get("unitId")))
                .findFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<GroupRepresentation> flatten(List<GroupRepresentation> groups) {
        return groups.stream().flatMap(group -> Stream.concat(Stream.of(group),
                flatten(group.getSubGroups() == null ? List.of() : group.getSubGroups()).stream())).toList();
    }

    /** The Keycloak password of a demo user, set once through the admin API when the user has been pushed. */
    private static String passwordOf(String username) {
        return passwords.computeIfAbsent(username, name -> {
            UserRepresentation user = await("user " + name + " pushed to Keycloak at start-up").atMost(SYNC_TIMEOUT)
                    .until(() -> keycloakUser(name), Optional::isPresent).orElseThrow();
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            String password = "Kc-" + HexFormat.of().formatHex(bytes);
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            realm().users().get(user.getId()).resetPassword(credential);
            return password;
        });
    }

    /**
     * An access token for a user, from a test-only public client with direct access grants (the production realm
     * has none), whose tokens name the app as audience like the app's own.
     */
    private static String token(String username) throws IOException, InterruptedException {
        String password = passwordOf(username);
        ensureTestClient();
        String form = "grant_type=password&client_id=" + TEST_CLIENT + "&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(keycloak().url() + "/realms/lienthong/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        return body.get("access_token").asText();
    }

    private static synchronized void ensureTestClient() {
        if (!realm().clients().findByClientId(TEST_CLIENT).isEmpty()) {
            return;
        }
        ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
        audience.setName("app audience");
        audience.setProtocol("openid-connect");
        audience.setProtocolMapper("oidc-audience-mapper");
        audience.setConfig(Map.of("included.client.audience", KeycloakServer.APP_CLIENT,
                "access.token.claim", "true", "id.token.claim", "false"));
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(TEST_CLIENT);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setProtocolMappers(List.of(audience));
        realm().clients().create(client).close();
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(appUrl() + path))
                .header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(appUrl() + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
