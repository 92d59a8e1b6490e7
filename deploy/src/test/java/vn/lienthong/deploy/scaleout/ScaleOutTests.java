package vn.lienthong.deploy.scaleout;

import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import vn.lienthong.directory.testsupport.LocalPostgres;
import vn.lienthong.mail.internal.JamesServer;
import vn.lienthong.mail.testsupport.TestJames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Liên Thông scaled out, on this machine: two instances of the real jar (two JVMs, two ports) over one PostgreSQL,
 * one James (external mode), one ActiveMQ Artemis broker for the chat (STOMP relay) and a two-node SolrCloud for
 * the archive, each instance configured only by environment variables as in deploy/compose. What a user of a
 * province behind the load balancer relies on:
 * <ul>
 *   <li>signing in on one instance and going on with the same session on the other (Spring Session JDBC);</li>
 *   <li>a chat message posted through one instance reaching a colleague connected to the other (broker relay);</li>
 *   <li>a mail sent through one instance found by search through the other (James's archive spool drained by one
 *       instance at a time, into the shared SolrCloud collection), also after a Solr node is lost;</li>
 *   <li>a meeting's reminder sent exactly once although both instances look for due reminders every second.</li>
 * </ul>
 * Only Jitsi is absent (not needed here). Demo data comes from the first instance; the second starts after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTests {

    private static final String PASSWORD = "lienthong-demo";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Path work;
    private JamesServer james;
    private EmbeddedActiveMQ broker;
    private MiniSolrCloudCluster solr;
    private AppInstance first;
    private AppInstance second;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    void startTheEnginesThenTwoInstances() throws Exception {
        work = Files.createTempDirectory("lienthong-scale-out");
        LocalPostgres postgres = LocalPostgres.get();

        james = TestJames.start(work.resolve("james"));
        broker = artemis(work.resolve("artemis"));
        solr = new MiniSolrCloudCluster.Builder(2, work.resolve("solr")).withTraceIdGenerationDisabled().build();

        int stompPort = broker.getActiveMQServer().getConfiguration().getAcceptorConfigurations().stream()
                .filter(acceptor -> "stomp".equals(acceptor.getName()))
                .mapToInt(acceptor -> Integer.parseInt(String.valueOf(acceptor.getParams().get("port")))).findFirst()
                .orElseThrow();
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "demo");
        environment.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        environment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", postgres.username());
        environment.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        // Mail: the one James, external to both instances; the archive spool it writes is shared.
        environment.put("LIENTHONG_MAIL_MODE", "external");
        environment.put("LIENTHONG_MAIL_DEFAULT_DOMAIN", TestJames.DOMAIN);
        environment.put("LIENTHONG_MAIL_HOST", james.connection().host());
        environment.put("LIENTHONG_MAIL_SMTP_PORT", Integer.toString(james.connection().smtpPort()));
        environment.put("LIENTHONG_MAIL_IMAP_PORT", Integer.toString(james.connection().imapPort()));
        environment.put("LIENTHONG_MAIL_WEBADMIN_URL", james.connection().webadmin().toString());
        environment.put("LIENTHONG_MAIL_ADMINISTRATOR_PASSWORD", james.connection().administratorPassword());
        environment.put("LIENTHONG_MAIL_TLS_ENABLED", "false");
        environment.put("LIENTHONG_MAIL_ARCHIVE_SPOOL_DIR", james.archiveSpool().orElseThrow().toString());
        environment.put("LIENTHONG_MAIL_ARCHIVE_INTERVAL", "1s");
        // Chat: the broker relay.
        environment.put("LIENTHONG_CHAT_RELAY_HOST", "127.0.0.1");
        environment.put("LIENTHONG_CHAT_RELAY_PORT", Integer.toString(stompPort));
        // Archive: the SolrCloud collection, two shards of two replicas over the two nodes.
        environment.put("LIENTHONG_ARCHIVE_ENGINE", "solr");
        environment.put("LIENTHONG_ARCHIVE_SOLR_ZK_HOSTS", solr.getZkServer().getZkAddress());
        environment.put("LIENTHONG_ARCHIVE_SOLR_SHARDS", "2");
        environment.put("LIENTHONG_ARCHIVE_SOLR_REPLICATION_FACTOR", "2");
        // Meetings: due reminders looked for every second by each instance.
        environment.put("LIENTHONG_MEETINGS_REMINDERS_INTERVAL", "1s");

        // Each instance signs its WebAdmin tokens with the key James trusts, as compose mounts it.
        Path jamesKey = work.resolve("james/james/keys/webadmin-jwt.key");
        for (String instance : List.of("instance-a", "instance-b")) {
            Path keys = Files.createDirectories(work.resolve(instance).resolve("james/keys"));
            Files.copy(jamesKey, keys.resolve("webadmin-jwt.key"));
        }

        first = AppInstance.startReady("instance-a", work, environment, Duration.ofMinutes(4));
        toClose.add(first);
        second = AppInstance.startReady("instance-b", work, environment, Duration.ofMinutes(4));
        toClose.add(second);
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        if (solr != null) {
            solr.shutdown();
        }
        if (broker != null) {
            broker.stop();
        }
        if (james != null) {
            james.supervisor().ifPresent(supervisor -> supervisor.stop());
        }
        TestJames.deleteQuietly(work);
    }

    @Test
    @Order(1)
    void anOfficialSignsInOnOneInstanceAndGoesOnWithTheSameSessionOnTheOther() {
        Browserless an = new Browserless().signIn(first, "an.nguyen", PASSWORD);

        var page = an.page(second, "/mail");
        assertThat(page.statusCode()).as(second.tail()).isEqualTo(200);
        assertThat(page.body()).contains("Nguyễn Văn An");
        // The CSRF token lives in the session too: read through the first instance, it is accepted by the second.
        JsonNode direct = an.postJson(second, "/api/v1/chat/direct", Map.of("username", "hong.vo"), 200);
        assertThat(direct.get("kind").asText()).isEqualTo("DIRECT");

        // Without the cookie, the second instance knows nobody.
        var anonymous = new Browserless().page(second, "/mail");
        assertThat(anonymous.statusCode()).isEqualTo(302);
    }

    @Test
    @Order(2)
    void aChatMessagePostedThroughOneInstanceReachesAColleagueConnectedToTheOther() throws Exception {
        Browserless an = new Browserless().signIn(first, "an.nguyen", PASSWORD);
        Browserless hong = new Browserless().signIn(second, "hong.vo", PASSWORD);
        long channel = StreamSupport.stream(hong.getJson(second, "/api/v1/chat/channels").spliterator(), false)
                .filter(c -> "UNIT".equals(c.get("kind").asText()))
                .filter(c -> "Văn phòng UBND tỉnh".equals(c.get("title").asText()))
                .mapToLong(c -> c.get("id").asLong()).findFirst().orElseThrow();

        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        StompSession session = stomp(second, hong);
        // With a receipt: the broker answers once the subscription is in place, so nothing sent after is missed.
        session.setAutoReceipt(true);
        BlockingQueue<Boolean> subscribed = new LinkedBlockingQueue<>();
        session.subscribe("/topic/channels." + channel, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add((JsonNode) payload);
            }
        }).addReceiptTask(() -> subscribed.add(true));
        assertThat(subscribed.poll(20, TimeUnit.SECONDS)).as("the broker's receipt for the subscription").isTrue();

        String text = "Gửi qua máy chủ A, đọc ở máy chủ B " + UUID.randomUUID();
        an.postJson(first, "/api/v1/chat/channels/" + channel + "/messages", Map.of("text", text), 201);

        JsonNode message = received.poll(20, TimeUnit.SECONDS);
        assertThat(message).as("the event reached the other instance's subscriber").isNotNull();
        assertThat(message.get("type").asText()).isEqualTo("MESSAGE");
        assertThat(message.get("message").get("text").asText()).isEqualTo(text);
        assertThat(message.get("message").get("author").asText()).isEqualTo("an.nguyen");
        session.disconnect();
    }

    @Test
    @Order(3)
    void aMailSentThroughOneInstanceIsFoundThroughTheOtherEvenAfterASolrNodeIsLost() throws Exception {
        Browserless an = new Browserless().signIn(first, "an.nguyen", PASSWORD);
        Browserless binh = new Browserless().signIn(second, "binh.tran", PASSWORD);
        String marker = "kehoach" + UUID.randomUUID().toString().substring(0, 8);
        String subject = "Kế hoạch chuyển đổi số năm 2027 " + marker;

        String binhsAddress = an.getJson(first, "/api/v1/officials?q=binh.tran&limit=1").get(0).get("email").asText();
        an.postForm(first, "/api/v1/mail/send", Map.of("to", binhsAddress, "subject", subject,
                "text", "Kính gửi anh Bình, xin gửi kế hoạch để góp ý."), 200);

        // The recipient finds it through the other instance, by words without their tone marks.
        await("found through the other instance").atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                titles(binh.getJson(second, "/api/v1/search?q=ke+hoach+chuyen+doi+so+" + marker)))
                .contains(subject));
        // So does the sender, through the first; somebody else finds nothing.
        assertThat(titles(an.getJson(first, "/api/v1/search?q=" + marker))).contains(subject);
        Browserless hong = new Browserless().signIn(first, "hong.vo", PASSWORD);
        assertThat(titles(hong.getJson(first, "/api/v1/search?q=" + marker))).isEmpty();

        // One of the two Solr nodes goes away: every shard has a replica on the other, nothing is lost.
        solr.stopJettySolrRunner(0);
        await("search answers without the node").atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                titles(binh.getJson(second, "/api/v1/search?q=" + marker))).contains(subject));
        assertThat(titles(an.getJson(first, "/api/v1/search?q=" + marker))).contains(subject);
    }

    @Test
    @Order(4)
    void aMeetingReminderIsSentExactlyOnceAlthoughBothInstancesLookForIt() throws Exception {
        Browserless an = new Browserless().signIn(first, "an.nguyen", PASSWORD);
        Browserless hong = new Browserless().signIn(second, "hong.vo", PASSWORD);
        long unit = an.getJson(first, "/api/v1/officials?q=an.nguyen&limit=1").get(0).get("unitId").asLong();
        String title = "Giao ban nhanh " + UUID.randomUUID().toString().substring(0, 8);
        // Starts within the reminder lead (15 minutes): due at once, for both instances.
        LocalDateTime start = LocalDateTime.now(VIETNAM).plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", title);
        draft.put("start", start.toString());
        draft.put("end", start.plusMinutes(45).toString());
        draft.put("hostUnitId", unit);
        draft.put("chair", "an.nguyen");
        draft.put("participants", List.of("hong.vo"));
        an.postJson(first, "/api/v1/meetings", draft, 201);

        await("the reminder reached the participant").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(reminders(hong, title)).isEqualTo(1));
        // Both instances go on looking every second: a few rounds later there is still one.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reminders(hong, title)).isEqualTo(1));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Reminder mails about {@code title} in the official's Hộp thư đến, read through the second instance. */
    private long reminders(Browserless official, String title) {
        JsonNode page = official.getJson(second, "/api/v1/mail/messages?folder=INBOX&page=1");
        return StreamSupport.stream(page.get("messages").spliterator(), false)
                .map(m -> m.get("subject").asText())
                .filter(subject -> subject.startsWith("Nhắc lịch họp: " + title)).count();
    }

    private static List<String> titles(JsonNode results) {
        return StreamSupport.stream(results.get("hits").spliterator(), false).map(h -> h.get("title").asText())
                .toList();
    }

    private StompSession stomp(AppInstance instance, Browserless official) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new MappingJackson2MessageConverter());
        ThreadPoolTaskScheduler receipts = new ThreadPoolTaskScheduler();
        receipts.initialize();
        client.setTaskScheduler(receipts);
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Cookie", official.cookieHeader());
        handshake.setOrigin(instance.url(""));
        StompHeaders connect = new StompHeaders();
        connect.add(official.csrfHeader(), official.csrfToken());
        StompSession session = client.connectAsync(instance.url("/ws").replace("http:", "ws:"), handshake, connect,
                new StompSessionHandlerAdapter() { }).get(30, TimeUnit.SECONDS);
        toClose.add(() -> {
            if (session.isConnected()) {
                session.disconnect();
            }
            client.stop();
            receipts.shutdown();
        });
        return session;
    }

    private static EmbeddedActiveMQ artemis(Path folder) throws Exception {
        int port = freePort();
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.setJMXManagementEnabled(false);
        // By default Artemis stops taking messages when the disk is 90 % full; a test machine's may well be.
        configuration.setMaxDiskUsage(-1);
        configuration.setBrokerInstance(folder.toFile());
        configuration.addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + port + "?protocols=STOMP");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        return broker;
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
