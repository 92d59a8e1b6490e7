package vn.lienthong.directory.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.Official;

/**
 * One Spring context for every test of the embedded provider: the real web server on a free port (known before
 * start-up, because {@code lienthong.base-url} must name it), a fresh data folder, the real directory with its
 * demo data, {@link TestUsers#INACTIVE} deactivated.
 */
@SpringBootTest(classes = IdentityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
                "spring.datasource.url=jdbc:h2:mem:identity-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.flyway.out-of-order=true",
                "lienthong.demo.enabled=true",
                "lienthong.demo.password=" + TestUsers.PASSWORD,
                "server.address=127.0.0.1",
                "lienthong.identity.provider=embedded"})
abstract class EmbeddedIdentityTestSupport {

    static final int PORT = freePort();
    static final String BASE_URL = "http://127.0.0.1:" + PORT;
    static final String REALM = BASE_URL + "/realms/lienthong";
    static final Path DATA_DIR = dataDir();

    @Autowired
    AppClient appClient;

    @Autowired
    Directory directory;

    @Autowired
    DirectoryAdministration administration;

    @BeforeEach
    void deactivateTheInactiveUser() {
        Official inactive = directory.findOfficialByUsername(TestUsers.INACTIVE).orElseThrow();
        if (inactive.active()) {
            administration.deactivateOfficial(TestUsers.ADMIN, inactive.id());
        }
    }

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("lienthong.base-url", () -> BASE_URL);
        registry.add("lienthong.data-dir", DATA_DIR::toString);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path dataDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "identity-data-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
