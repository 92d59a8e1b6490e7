package vn.lienthong.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;

/**
 * The one application context of the app's web tests: the whole suite with the demo directory, the embedded
 * identity provider, a fresh data folder and a real HTTP port on 127.0.0.1, plus MockMvc over the same context.
 * Every test class extends this without adding configuration of its own, so Spring's test context cache starts
 * the suite once per test run.
 *
 * <p>The port is chosen up front (instead of port 0) because the identity provider's issuer and the OIDC
 * redirect are derived from {@code lienthong.base-url}, which must name the port browsers use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@AutoConfigureMockMvc
public abstract class WebTestSupport {

    /** The demo users' password in these tests. */
    public static final String DEMO_PASSWORD = "demo-test-password";

    private static final Path DATA_DIR = createDataDir();
    private static final int PORT = freePort();
    private static final int SMTP_PORT = freePort();
    private static final int IMAP_PORT = freePort();
    private static final int WEBADMIN_PORT = freePort();
    private static final int TLS_IMAP_PORT = freePort();
    private static final int TLS_SMTP_PORT = freePort();

    /** The Jitsi server the meeting pages load the IFrame API from: one stand-in for the whole run. */
    protected static final JitsiStandIn JITSI = JitsiStandIn.start(DATA_DIR);

    /** The HS256 secret the suite signs Jitsi room tokens with in these tests. */
    protected static final String JITSI_SECRET = "web-tests-jitsi-secret-0123456789abcdef";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Directory directory;

    @DynamicPropertySource
    static void suiteProperties(DynamicPropertyRegistry registry) {
        registry.add("lienthong.data-dir", DATA_DIR::toString);
        registry.add("server.port", () -> PORT);
        registry.add("lienthong.base-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("lienthong.demo.password", () -> DEMO_PASSWORD);
        // The suite's own embedded James, on free ports so a developer's running instance does not collide.
        registry.add("lienthong.mail.smtp-port", () -> SMTP_PORT);
        registry.add("lienthong.mail.imap-port", () -> IMAP_PORT);
        registry.add("lienthong.mail.webadmin-port", () -> WEBADMIN_PORT);
        registry.add("lienthong.mail.tls.imap-port", () -> TLS_IMAP_PORT);
        registry.add("lienthong.mail.tls.smtp-port", () -> TLS_SMTP_PORT);
        registry.add("lienthong.meetings.jitsi.domain", JITSI::domain);
        registry.add("lienthong.meetings.jitsi.secret", () -> JITSI_SECRET);
    }

    /** The running suite's address, e.g. {@code http://127.0.0.1:40123}. */
    protected static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    protected Unit unit(String code) {
        return directory.findUnitByCode(code).orElseThrow(() -> new AssertionError("No demo unit " + code));
    }

    protected Official official(String username) {
        return directory.findOfficialByUsername(username)
                .orElseThrow(() -> new AssertionError("No demo official " + username));
    }

    private static Path createDataDir() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target.toAbsolutePath(), "test-data-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
