package vn.lienthong.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The production Compose file says what the app and the engines really accept: it parses, references only what it
 * declares, publishes only what it should, sets only settings the app has, and gives Keycloak, Jitsi, James and
 * RabbitMQ the values the app expects of them.
 */
class ComposeFileTests {

    private final Compose compose = Compose.load();
    private final AppProperties app = AppProperties.load();

    /** Services that run once and stop; everything else is long-running. */
    private static final Set<String> ONE_SHOT = Set.of("james-init");

    @Test
    void isAComposeSpecificationFileWithoutAVersionKey() {
        assertThat(compose.root).doesNotContainKey("version");
        assertThat(compose.root.keySet()).allSatisfy(key -> assertThat(key)
                .matches("name|services|networks|volumes|secrets|configs|x-[a-z-]+"));
        assertThat(compose.services()).containsKeys("caddy", "app-1", "app-2", "postgres", "keycloak", "james",
                "rabbitmq", "zookeeper", "solr-1", "solr-2", "jitsi-web", "jitsi-prosody", "jitsi-jicofo", "jitsi-jvb");
    }

    @Test
    void referencesOnlyServicesVolumesNetworksSecretsAndConfigsItDeclares() {
        Set<String> usedVolumes = new TreeSet<>();
        compose.services().forEach((name, value) -> {
            Map<String, Object> service = Compose.map(value);
            assertThat(Compose.dependsOn(service)).as(name + " depends_on").isSubsetOf(compose.services().keySet());
            assertThat(Compose.networks(service)).as(name + " networks").isNotEmpty()
                    .isSubsetOf(compose.declared("networks"));
            assertThat(Compose.references(service, "secrets")).as(name + " secrets")
                    .isSubsetOf(compose.declared("secrets"));
            assertThat(Compose.references(service, "configs")).as(name + " configs")
                    .isSubsetOf(compose.declared("configs"));
            for (String[] volume : Compose.volumes(service)) {
                assertThat(volume.length).as(name + " volume " + String.join(":", volume)).isBetween(2, 3);
                if (!volume[0].startsWith(".") && !volume[0].startsWith("/")) {
                    assertThat(compose.declared("volumes")).as(name + " volume " + volume[0]).contains(volume[0]);
                    usedVolumes.add(volume[0]);
                }
            }
        });
        assertThat(compose.declared("volumes")).as("declared volumes no service uses").isSubsetOf(usedVolumes);
    }

    @Test
    void mountsAndBuildsFilesThatExistInTheRepository() {
        compose.services().forEach((name, value) -> {
            Map<String, Object> service = Compose.map(value);
            for (String[] volume : Compose.volumes(service)) {
                if (volume[0].startsWith(".")) {
                    assertThat(Compose.FOLDER.resolve(volume[0])).as(name + " mounts " + volume[0]).exists();
                }
            }
            Map<String, Object> build = Compose.map(service.get("build"));
            if (!build.isEmpty()) {
                Path context = Compose.FOLDER.resolve(String.valueOf(build.get("context")));
                assertThat(context.resolve(String.valueOf(build.get("dockerfile")))).as(name + " dockerfile")
                        .isRegularFile();
            }
        });
        // The secrets are made on the server by make-secrets.sh, and are the files it writes.
        Compose.map(compose.root.get("secrets")).values().forEach(secret ->
                assertThat(String.valueOf(Compose.map(secret).get("file"))).startsWith("./secrets/"));
    }

    @Test
    void everyLongRunningServiceRestartsAndChecksItsHealth() {
        compose.services().forEach((name, value) -> {
            Map<String, Object> service = Compose.map(value);
            if (ONE_SHOT.contains(name)) {
                assertThat(service.get("restart")).as(name).isEqualTo("no");
                return;
            }
            assertThat(service.get("restart")).as(name + " restart").isEqualTo("unless-stopped");
            Map<String, Object> healthcheck = Compose.map(service.get("healthcheck"));
            assertThat(healthcheck.get("test")).as(name + " healthcheck").isNotNull();
            assertThat(healthcheck).as(name + " healthcheck").doesNotContainKey("disable");
        });
    }

    @Test
    void publishesOnLoopbackOnlyExceptTheProxyAndTheVideoBridge() {
        List<String> public_ = new ArrayList<>();
        compose.services().forEach((name, value) -> {
            for (Object port : Compose.list(Compose.map(value).get("ports"))) {
                String mapping = String.valueOf(port);
                if (!mapping.startsWith("127.0.0.1:")) {
                    public_.add(name + " " + mapping);
                }
            }
        });
        assertThat(public_).containsExactlyInAnyOrder("caddy 80:80", "caddy 443:443", "caddy 443:443/udp",
                "jitsi-jvb 10000:10000/udp");
    }

    @Test
    void everyLienthongVariableGivenToTheAppBindsToOneOfItsSettings() {
        assertThat(compose.appServices()).containsExactly("app-1", "app-2");
        for (String name : compose.appServices()) {
            Map<String, String> environment = Compose.environment(compose.service(name));
            assertThat(environment.keySet()).filteredOn(key -> key.startsWith("LIENTHONG_")).isNotEmpty()
                    .allSatisfy(key -> assertThat(app.binds(key)).as(name + ": " + key + " is no setting of the app")
                            .isTrue());
        }
    }

    @Test
    void appInstancesRunTheProductionProfileWithKeycloakAndPostgres() {
        Map<String, String> environment = Compose.environment(compose.service("app-1"));
        assertThat(environment.get("SPRING_PROFILES_ACTIVE").split(",")).contains("prod", "keycloak")
                .doesNotContain("demo");
        assertThat(environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(environment.get("LIENTHONG_BASE_URL")).startsWith("https://");
        assertThat(environment.get("LIENTHONG_MAIL_MODE")).isEqualTo("external");
        assertThat(environment.get("LIENTHONG_CHAT_RELAY_HOST")).isEqualTo("rabbitmq");
        // The readiness probe the health checks and the proxy use exists only with probes on.
        assertThat(environment.get("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")).isEqualTo("true");
    }

    @Test
    void appInstancesShareDocumentsAndTheMailSpoolButKeepTheirOwnDataFolder() {
        Map<String, String> environment = Compose.environment(compose.service("app-1"));
        Set<String> dataVolumes = new TreeSet<>();
        for (String name : compose.appServices()) {
            Map<String, String> mounts = mounts(compose.service(name));
            dataVolumes.add(mounts.get("/srv/lienthong/data"));
            assertThat(mounts).as(name)
                    .containsEntry(environment.get("LIENTHONG_MEETINGS_DOCUMENTS_DIRECTORY"), "meetings-documents")
                    .containsEntry(environment.get("LIENTHONG_MAIL_ARCHIVE_SPOOL_DIR"), "mail-spool");
        }
        assertThat(dataVolumes).as("each instance its own data folder (its search index)")
                .hasSameSizeAs(compose.appServices());
        Map<String, String> james = Compose.environment(compose.service("james"));
        assertThat(mounts(compose.service("james"))).containsEntry(james.get("JAMES_SPOOL_DIR"), "mail-spool");
    }

    @Test
    void keycloakImportsTheRealmWithEveryVariableTheRealmReads() throws IOException {
        Map<String, Object> keycloak = compose.service("keycloak");
        assertThat(Compose.list(keycloak.get("command"))).contains("--import-realm");
        assertThat(mounts(keycloak)).containsEntry("/opt/keycloak/data/import/lienthong-realm.json",
                "../keycloak/lienthong-realm.json");
        Set<String> realmVariables = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{(LIENTHONG_[A-Z0-9_]+)}")
                .matcher(Files.readString(RealmTests.REALM, StandardCharsets.UTF_8));
        while (matcher.find()) {
            realmVariables.add(matcher.group(1));
        }
        Map<String, String> environment = Compose.environment(keycloak);
        assertThat(environment.keySet()).filteredOn(key -> key.startsWith("LIENTHONG_"))
                .containsExactlyInAnyOrderElementsOf(realmVariables);
        // The app gets the same secrets the realm import writes into the clients.
        Map<String, String> app1 = Compose.environment(compose.service("app-1"));
        for (String variable : realmVariables) {
            assertThat(secretVariable(app1.get(variable))).as(variable)
                    .isEqualTo(secretVariable(environment.get(variable))).isNotEmpty();
        }
    }

    @Test
    void jitsiAcceptsTheRoomTokensTheAppSigns() {
        Map<String, String> app1 = Compose.environment(compose.service("app-1"));
        Map<String, String> prosody = Compose.environment(compose.service("jitsi-prosody"));
        String appId = app1.getOrDefault("LIENTHONG_MEETINGS_JITSI_APP_ID", defaultOf("lienthong.meetings.jitsi.app-id"));
        String audience = app1.getOrDefault("LIENTHONG_MEETINGS_JITSI_AUDIENCE",
                defaultOf("lienthong.meetings.jitsi.audience"));
        assertThat(prosody).containsEntry("ENABLE_AUTH", "1").containsEntry("AUTH_TYPE", "jwt")
                .containsEntry("ENABLE_GUESTS", "0").containsEntry("JWT_ALLOW_EMPTY", "0")
                .containsEntry("JWT_APP_ID", appId);
        assertThat(prosody.get("JWT_ACCEPTED_ISSUERS").split(",")).contains(appId);
        assertThat(prosody.get("JWT_ACCEPTED_AUDIENCES").split(",")).contains(audience);
        assertThat(secretVariable(prosody.get("JWT_APP_SECRET")))
                .isEqualTo(secretVariable(app1.get("LIENTHONG_MEETINGS_JITSI_SECRET"))).isNotEmpty();
        // Only the token's owners moderate: Jicofo grants nothing by itself.
        assertThat(prosody.get("XMPP_MUC_MODULES").split(",")).contains("token_affiliation");
        assertThat(Compose.environment(compose.service("jitsi-jicofo")))
                .containsEntry("JICOFO_ENABLE_AUTH", "0").containsEntry("ENABLE_AUTO_OWNER", "0");
        assertThat(app1.get("LIENTHONG_MEETINGS_JITSI_DOMAIN")).isEqualTo("${MEET_HOST:?set MEET_HOST in .env}");
        assertThat(prosody.get("PUBLIC_URL")).isEqualTo("https://${MEET_HOST}");
    }

    @Test
    void prosodyHooksReachTheMeetingsHookEndpointsWithTheSharedSecret() throws Exception {
        Class<?> controller = Class.forName("vn.lienthong.meetings.internal.JitsiHookController");
        String path = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class).path()[0];
        String header = defaultOf("lienthong.meetings.jitsi.hook-header");
        Map<String, String> app1 = Compose.environment(compose.service("app-1"));
        String secret = "${" + secretVariable(app1.get("LIENTHONG_MEETINGS_JITSI_HOOK_SECRET")) + "}";
        String headers = "{ [\"" + header + "\"] = \"" + secret + "\" }";

        Map<String, String> prosody = Compose.environment(compose.service("jitsi-prosody"));
        assertThat(prosody.get("PROSODY_RESERVATION_ENABLED")).isEqualTo("true");
        assertThat(prosody.get("PROSODY_RESERVATION_REST_BASE_URL")).isEqualTo("http://caddy:8081" + path);
        assertThat(prosody.get("XMPP_CONFIGURATION")).contains("reservations_api_headers = " + headers);
        String eventSync = String.valueOf(Compose.map(Compose.map(compose.root.get("configs"))
                .get("prosody_event_sync")).get("content"));
        assertThat(eventSync).contains("\"event_sync_component\"")
                .contains("api_prefix = \"http://caddy:8081" + path + "\"")
                .contains("api_headers = " + headers);
        // The proxy serves the hooks on its internal listener only, and refuses them on the public address.
        String caddyfile = Files.readString(Compose.FOLDER.resolve("Caddyfile"), StandardCharsets.UTF_8);
        assertThat(caddyfile).contains("http://:8081 {").contains("handle " + path + "/* {")
                .contains("@jitsiHooks path " + path + " " + path + "/*").contains("respond @jitsiHooks 404");
        assertThat(Compose.list(compose.service("caddy").get("ports"))).noneMatch(port -> port.toString()
                .contains("8081"));
    }

    @Test
    void theProxyBalancesOverEveryAppInstanceByTheirReadinessProbe() throws IOException {
        String caddyfile = Files.readString(Compose.FOLDER.resolve("Caddyfile"), StandardCharsets.UTF_8);
        String upstreams = String.join(" ", compose.appServices().stream().map(name -> name + ":8080").toList());
        assertThat(caddyfile).contains("reverse_proxy " + upstreams + " {")
                .contains("health_uri /actuator/health/readiness").contains("lb_policy cookie");
        for (String name : compose.appServices()) {
            assertThat(String.valueOf(Compose.map(compose.service(name).get("healthcheck")).get("test")))
                    .contains("/actuator/health/readiness");
        }
    }

    @Test
    void chatRelaysThroughRabbitMqSetUpAsDeployRabbitmqDescribes() throws IOException {
        Map<String, Object> rabbitmq = compose.service("rabbitmq");
        Map<String, String> mounts = mounts(rabbitmq);
        assertThat(mounts).containsEntry("/etc/rabbitmq/enabled_plugins", "../rabbitmq/enabled_plugins");
        assertThat(Files.readString(Path.of("rabbitmq/enabled_plugins"))).contains("rabbitmq_stomp");
        Map<String, String> app1 = Compose.environment(compose.service("app-1"));
        Map<String, String> broker = Compose.environment(rabbitmq);
        assertThat(Files.readString(Compose.FOLDER.resolve("rabbitmq/20-lienthong.conf")))
                .contains("stomp.listeners.tcp.1 = " + app1.get("LIENTHONG_CHAT_RELAY_PORT"));
        assertThat(broker.get("RABBITMQ_DEFAULT_VHOST")).isEqualTo(app1.get("LIENTHONG_CHAT_RELAY_VIRTUAL_HOST"));
        assertThat(broker.get("RABBITMQ_DEFAULT_USER")).isEqualTo(app1.get("LIENTHONG_CHAT_RELAY_CLIENT_LOGIN"))
                .isEqualTo(app1.get("LIENTHONG_CHAT_RELAY_SYSTEM_LOGIN"));
        assertThat(secretVariable(broker.get("RABBITMQ_DEFAULT_PASS")))
                .isEqualTo(secretVariable(app1.get("LIENTHONG_CHAT_RELAY_CLIENT_PASSCODE")));
        // The policy that expires a closed tab's queues: the very one deploy/rabbitmq/README.md sets by hand.
        Matcher readme = Pattern.compile("set_policy -p lienthong --apply-to queues chat-session-queues ('[^']+') "
                + "('[^']+')").matcher(Files.readString(Path.of("rabbitmq/README.md")));
        assertThat(readme.find()).as("the policy in deploy/rabbitmq/README.md").isTrue();
        assertThat(Files.readString(Compose.FOLDER.resolve("rabbitmq/lienthong-rabbitmq.sh")))
                .contains("chat-session-queues " + readme.group(1) + " " + readme.group(2));
    }

    @Test
    void bothInstancesShareOneSolrCloudCollectionWhoseNodesCarryTheArchivesSolrJar() throws IOException {
        compose.services().forEach((name, service) -> assertThat(Compose.map(service)).as(name)
                .doesNotContainKey("profiles"));
        for (String app : List.of("app-1", "app-2")) {
            Map<String, String> environment = Compose.environment(compose.service(app));
            assertThat(environment).as(app).containsEntry("LIENTHONG_ARCHIVE_ENGINE", "solr")
                    .containsEntry("LIENTHONG_ARCHIVE_SOLR_ZK_HOSTS", "zookeeper:2181");
            // Two copies of each shard on two nodes: the archive survives the loss of one.
            assertThat(Integer.parseInt(environment.get("LIENTHONG_ARCHIVE_SOLR_REPLICATION_FACTOR"))).isEqualTo(2);
            assertThat(Compose.dependsOn(compose.service(app))).contains("solr-1", "solr-2");
        }
        for (String node : List.of("solr-1", "solr-2")) {
            Map<String, Object> service = compose.service(node);
            assertThat(Compose.map(service.get("build")).get("dockerfile")).isEqualTo("deploy/docker/solr.Dockerfile");
            assertThat(Compose.environment(service)).containsEntry("ZK_HOST", "zookeeper:2181");
            assertThat(Compose.dependsOn(service)).contains("zookeeper");
        }
        // The image: the Solr line whose Lucene is ours, and the jar the archive module builds for Solr nodes.
        String dockerfile = Files.readString(Path.of("docker/solr.Dockerfile"));
        assertThat(dockerfile).contains("FROM solr:9.10").contains("COPY archive/target/lienthong-archive-*-solr.jar")
                .contains("-Dsolr.sharedLib=");
        assertThat(Files.readString(Path.of("../archive/pom.xml"))).contains("<classifier>solr</classifier>");
        assertThat(Files.readString(Path.of("docker/solr.Dockerfile.dockerignore")))
                .contains("!archive/target/lienthong-archive-*-solr.jar");
    }

    @Test
    void everySecretAndNameComesFromTheEnvironmentFile() throws IOException {
        Map<String, String> example = Compose.environmentFile(Compose.FOLDER.resolve(".env.example"), false);
        assertThat(compose.interpolatedVariables(false)).isSubsetOf(example.keySet());
        assertThat(example.keySet()).as("variables .env.example offers that nothing reads")
                .isSubsetOf(compose.interpolatedVariables(false));
        example.forEach((key, value) -> {
            if (key.matches(".*(PASSWORD|SECRET)$")) {
                assertThat(value).as(key + " in .env.example").isEqualTo("CHANGE_ME");
            }
        });
        // No secret is written in the Compose file itself.
        assertThat(compose.text).doesNotContainPattern("(?i)(password|secret|passcode)[A-Z_]*: *[A-Za-z0-9]{8,}\\s");
        String ignored = Files.readString(Compose.FOLDER.resolve(".gitignore"));
        assertThat(ignored.lines()).contains(".env", "secrets/");
        assertThat(Files.readString(AppProperties.REPOSITORY.resolve(".gitignore")).lines()).contains(".env");
    }

    private String defaultOf(String property) {
        return app.find(property).flatMap(AppProperties.Property::defaultValue).orElseThrow();
    }

    /** {@code ${NAME:?message}} or {@code ${NAME}} → NAME. */
    private static String secretVariable(String value) {
        Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(value);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** Short-syntax volumes of a service as target → source. */
    private static Map<String, String> mounts(Map<String, Object> service) {
        Map<String, String> mounts = new java.util.LinkedHashMap<>();
        for (String[] volume : Compose.volumes(service)) {
            mounts.put(volume[1], volume[0]);
        }
        return mounts;
    }
}
