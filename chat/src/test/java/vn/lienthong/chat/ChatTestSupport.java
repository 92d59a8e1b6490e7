package vn.lienthong.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.archive.Archive;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;

import static org.awaitility.Awaitility.await;

/**
 * The one Spring context of every chat test: {@link ChatTestApplication} on a real port of 127.0.0.1 (chosen up
 * front, because the identity provider's issuer and redirects name it), H2 in memory, the demo directory, a fresh
 * data folder for the archive and the signing keys. Rate limit, text and file limits are set low enough to be
 * tested; the presence heartbeat is short so that a silent instance is noticed within a second.
 */
@SpringBootTest(classes = ChatTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
                "spring.datasource.url=jdbc:h2:mem:chat-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.flyway.out-of-order=true",
                "lienthong.demo.enabled=true",
                "lienthong.demo.password=" + ChatTestSupport.PASSWORD,
                "lienthong.identity.provider=embedded",
                "lienthong.chat.max-text-length=500",
                "lienthong.chat.rate-limit.capacity=30",
                "lienthong.chat.rate-limit.per-second=5",
                "lienthong.chat.max-file-size=1MB",
                "lienthong.chat.presence.heartbeat=1s",
                "lienthong.chat.presence.expiry=10s",
                "spring.servlet.multipart.max-file-size=5MB",
                "spring.servlet.multipart.max-request-size=6MB",
                "server.address=127.0.0.1"})
abstract class ChatTestSupport {

    static final String PASSWORD = "Mat-khau-tro-chuyen-2025";
    static final String ADMIN = "quantri";
    static final Duration WAIT = Duration.ofSeconds(10);

    static final int PORT = freePort();
    static final String BASE_URL = "http://127.0.0.1:" + PORT;
    static final String REALM = BASE_URL + "/realms/lienthong";
    private static final Path DATA_DIR = dataDir();
    private static final AtomicInteger NEXT_OFFICIAL = new AtomicInteger();

    @Autowired
    Directory directory;

    @Autowired
    DirectoryAdministration administration;

    @Autowired
    Chat chat;

    @Autowired
    ChatAdministration chatAdministration;

    @Autowired
    Archive archive;

    @Autowired
    ObjectMapper json;

    private final java.util.List<ChatClient> clients = new java.util.ArrayList<>();

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("lienthong.base-url", () -> BASE_URL);
        registry.add("lienthong.data-dir", DATA_DIR::toString);
    }

    @AfterEach
    void disconnectClients() {
        clients.forEach(ChatClient::close);
        clients.clear();
    }

    /** Logs the official in through the identity provider's form and opens a STOMP connection with the session. */
    ChatClient connect(String username) {
        ChatClient client = ChatClient.connect(BASE_URL, username, PASSWORD, json);
        clients.add(client);
        return client;
    }

    /** A fresh official of the unit (so that tests do not share rate limits or channels), with the test password. */
    Official newOfficial(String unitCode, Role... roles) {
        Unit unit = unit(unitCode);
        String username = "kiemthu" + NEXT_OFFICIAL.incrementAndGet() + "." + System.nanoTime() % 100000;
        Official official = administration.createOfficial(ADMIN, new OfficialDraft(username,
                "Cán Bộ Kiểm Thử " + NEXT_OFFICIAL.get(), "Chuyên viên", unit.id(), null, null,
                roles.length == 0 ? Set.of(Role.OFFICIAL) : Set.of(roles), null));
        administration.setPassword(ADMIN, official.id(), PASSWORD);
        return official;
    }

    Unit unit(String code) {
        return directory.findUnitByCode(code).orElseThrow(() -> new AssertionError("no unit " + code));
    }

    /** The unit's channel, once the directory sync has made it. */
    ChannelSummary unitChannel(String username, String unitCode) {
        long unitId = unit(unitCode).id();
        return await().atMost(WAIT).until(() -> chat.channelsOf(username).stream()
                        .filter(c -> c.kind() == ChannelKind.UNIT && Long.valueOf(unitId).equals(c.unitId()))
                        .findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path dataDir() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target.toAbsolutePath(), "chat-data-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
