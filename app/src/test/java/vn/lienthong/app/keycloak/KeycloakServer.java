package vn.lienthong.app.keycloak;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * The real Keycloak server for the tests: the distribution Maven unpacks into {@code target/keycloak}, started once
 * per test JVM in dev mode on free ports of 127.0.0.1, with the project's realm ({@code deploy/keycloak}) imported
 * and random secrets. Its database lives in a fresh folder {@code target/keycloak-run-*} (with its log), so runs do
 * not see each other's users. It is stopped, and its database deleted, when the JVM exits.
 *
 * <pre>{@code
 * KeycloakServer keycloak = KeycloakServer.shared();
 * keycloak.url();                 // http://127.0.0.1:<port>
 * keycloak.admin().realm("lienthong").users().count();
 * }</pre>
 */
final class KeycloakServer {

    static final String REALM = "lienthong";
    static final String APP_CLIENT = "lienthong-app";
    static final String PROVISIONING_CLIENT = "lienthong-provisioning";
    static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private static KeycloakServer shared;

    private final String url;
    private final String adminUser;
    private final String adminPassword;
    private final String appClientSecret;
    private final String provisioningSecret;
    private final Path logFile;
    private final Duration startTime;
    private Keycloak admin;

    private KeycloakServer(String url, String adminUser, String adminPassword, String appClientSecret,
                           String provisioningSecret, Path logFile, Duration startTime) {
        this.url = url;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.appClientSecret = appClientSecret;
        this.provisioningSecret = provisioningSecret;
        this.logFile = logFile;
        this.startTime = startTime;
    }

    /** The one server of this JVM, started on first use (about a minute the first time on two cores). */
    static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}; the realm's issuer is {@code <url>/realms/lienthong}. */
    String url() {
        return url;
    }

    String appClientSecret() {
        return appClientSecret;
    }

    String provisioningSecret() {
        return provisioningSecret;
    }

    Duration startTime() {
        return startTime;
    }

    Path logFile() {
        return logFile;
    }

    /** An admin client as the bootstrap administrator (master realm), for what the tests set up by hand. */
    synchronized Keycloak admin() {
        if (admin == null) {
            admin = KeycloakBuilder.builder().serverUrl(url).realm("master").clientId("admin-cli")
                    .username(adminUser).password(adminPassword).grantType("password").build();
        }
        return admin;
    }

    private static KeycloakServer start() {
        Path home = distribution();
        long started = System.nanoTime();
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(),
                    "keycloak-run-");
            // --import-realm reads <home>/data/import; the database goes to the temporary folder.
            Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
            Path realm = imports.resolve("lienthong-realm.json");
            try (Stream<Path> old = Files.list(imports)) {
                List<Path> others = old.filter(file -> file.toString().endsWith(".json") && !file.equals(realm))
                        .toList();
                for (Path file : others) {
                    Files.deleteIfExists(file);
                }
            }
            // Atomically, so that another test JVM starting at the same moment never reads half a file.
            Path copy = Files.createTempFile(imports, "realm-", ".tmp");
            Files.copy(realmFile(), copy, StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, realm, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path kcSh = home.resolve("bin").resolve("kc.sh");
            kcSh.toFile().setExecutable(true);

            int httpPort = freePort();
            int managementPort = freePort();
            String url = "http://127.0.0.1:" + httpPort;
            String adminUser = "admin-" + random(4);
            String adminPassword = random(16);
            String appSecret = random(24);
            String provisioningSecret = random(24);

            List<String> command = new ArrayList<>(List.of(kcSh.toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort,
                    "--hostname=" + url, "--health-enabled=true", "--import-realm",
                    "--db-url=jdbc:h2:file:" + work.resolve("db").resolve("keycloakdb") + ";NON_KEYWORDS=VALUE",
                    "--log-level=WARN,org.keycloak.services:INFO,io.quarkus:INFO"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("keycloak.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // Resolved by the realm import: "secret": "${LIENTHONG_KEYCLOAK_CLIENT_SECRET}", ...
            env.put("LIENTHONG_KEYCLOAK_CLIENT_SECRET", appSecret);
            env.put("LIENTHONG_KEYCLOAK_PROVISIONING_SECRET", provisioningSecret);
            env.put("LIENTHONG_BASE_URL", "https://lienthong.invalid");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop(process);
                deleteQuietly(work.resolve("db"));
            }, "keycloak-stop"));

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
            Path log = work.resolve("keycloak.log");
            await("Keycloak ready at " + ready + " (log: " + log + ")")
                    .atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                                    + "; its log: " + log + "\n" + tail(log));
                        }
                        return http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
            Duration startTime = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("Keycloak started in " + startTime.toSeconds() + " s at " + url + " (log: " + log + ")");
            return new KeycloakServer(url, adminUser, adminPassword, appSecret, provisioningSecret, log, startTime);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, ex);
        }
    }

    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | UncheckedIOException ex) {
            // Left in target/, which the next clean removes.
        }
    }

    /** The unpacked distribution, {@code target/keycloak/keycloak-<version>} of the app module. */
    private static Path distribution() {
        Path unpacked = Path.of("target", "keycloak");
        if (Files.isDirectory(unpacked)) {
            try (Stream<Path> dirs = Files.list(unpacked)) {
                List<Path> homes = dirs.filter(dir -> Files.isRegularFile(dir.resolve("bin").resolve("kc.sh")))
                        .toList();
                if (homes.size() == 1) {
                    return homes.get(0).toAbsolutePath();
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        throw new IllegalStateException("No Keycloak distribution under " + unpacked.toAbsolutePath()
                + ": Maven unpacks it at process-test-resources (./mvnw -pl app process-test-resources)");
    }

    /** The realm the project keeps for production, {@code deploy/keycloak/lienthong-realm.json}. */
    private static Path realmFile() {
        for (Path candidate : List.of(Path.of("..", "deploy", "keycloak", "lienthong-realm.json"),
                Path.of("deploy", "keycloak", "lienthong-realm.json"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/keycloak/lienthong-realm.json not found from "
                + Path.of("").toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException ex) {
            return "(log unreadable: " + ex.getMessage() + ")";
        }
    }
}
