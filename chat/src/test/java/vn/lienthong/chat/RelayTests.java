package vn.lienthong.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;

import vn.lienthong.chat.ChatPresence.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.chat.ChatClient.poll;

/**
 * Scale-out through a STOMP broker relay: a real ActiveMQ Artemis broker embedded in the test (its STOMP acceptor on
 * a free port of 127.0.0.1, nothing installed) and two instances of the chat on two ports, sharing one database
 * (an H2 file both open) and configured only with {@code lienthong.chat.relay.*}. Clients of one instance are
 * reached from the other: channel topics, user queues (acks, notifications, presence) and presence itself.
 */
class RelayTests {

    private static final Duration START = Duration.ofSeconds(60);

    private static EmbeddedActiveMQ broker;
    private static Instance one;
    private static Instance two;

    private final List<ChatClient> clients = new java.util.ArrayList<>();

    @BeforeAll
    static void startBrokerAndTwoInstances() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "relay-");
        String database = "jdbc:h2:file:" + work.resolve("db/chat") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
        Map<String, String> relay = System.getProperty("relay.test.broker") != null ? externalBroker()
                : embeddedArtemis(work);
        // One after the other: the first makes the schema and the demo directory, the second finds them.
        one = Instance.start(database, relay, work.resolve("one"));
        two = Instance.start(database, relay, work.resolve("two"));
    }

    /**
     * {@code -Drelay.test.broker=host:port} runs these tests against a broker already running (RabbitMQ with the
     * STOMP plugin, set up as deploy/rabbitmq says), with {@code relay.test.login}, {@code relay.test.passcode},
     * {@code relay.test.vhost} and {@code relay.test.tls}.
     */
    private static Map<String, String> externalBroker() {
        String[] address = System.getProperty("relay.test.broker").split(":");
        String login = System.getProperty("relay.test.login", "guest");
        String passcode = System.getProperty("relay.test.passcode", "guest");
        return Map.of("lienthong.chat.relay.host", address[0], "lienthong.chat.relay.port", address[1],
                "lienthong.chat.relay.client-login", login, "lienthong.chat.relay.client-passcode", passcode,
                "lienthong.chat.relay.system-login", login, "lienthong.chat.relay.system-passcode", passcode,
                "lienthong.chat.relay.virtual-host", System.getProperty("relay.test.vhost", ""),
                "lienthong.chat.relay.tls", System.getProperty("relay.test.tls", "false"));
    }

    private static Map<String, String> embeddedArtemis(Path work) throws Exception {
        int stompPort = freePort();
        Configuration configuration = new ConfigurationImpl();
        configuration.setName("lienthong-relay-test");
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.setJMXManagementEnabled(false);
        // A test machine's disk may be nearly full; the broker must not stop taking messages for that.
        configuration.setMaxDiskUsage(-1);
        configuration.setBrokerInstance(work.resolve("artemis").toFile());
        configuration.addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + stompPort + "?protocols=STOMP");
        broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        return Map.of("lienthong.chat.relay.host", "127.0.0.1", "lienthong.chat.relay.port",
                String.valueOf(stompPort));
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (Instance instance : new Instance[] {two, one}) {
            if (instance != null) {
                instance.context.close();
            }
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @AfterEach
    void disconnect() {
        clients.forEach(ChatClient::close);
        clients.clear();
    }

    @Test
    void aMessagePostedOnOneInstanceReachesASubscriberOfTheOther() {
        long channel = unitChannel(one, "an.nguyen", "BL-VP");
        ChatClient an = connect(one, "an.nguyen");
        ChatClient hong = connect(two, "hong.vo");
        BlockingQueue<ChatEvent> hongSees = hong.joinWithReceipt(channel);

        ChatMessage ack = an.postAndWait(channel, "Gửi qua máy chủ thứ nhất, đọc ở máy chủ thứ hai");

        ChatEvent event = poll(hongSees);
        assertThat(event).as("the event relayed to the other instance").isNotNull();
        assertThat(event.type()).isEqualTo(ChatEvent.Type.MESSAGE);
        assertThat(event.message().sequence()).isEqualTo(ack.sequence());
        assertThat(event.message().author()).isEqualTo("an.nguyen");
        BlockingQueue<ChatEvent> anSees = an.joinWithReceipt(channel);
        ChatMessage answer = hong.postAndWait(channel, "Đã nhận, trả lời từ máy chủ thứ hai");
        assertThat(poll(anSees).message().sequence()).as("and back to the first").isEqualTo(answer.sequence());
        assertThat(answer.sequence()).isEqualTo(ack.sequence() + 1);
    }

    @Test
    void userQueuesAndPresenceReachOfficialsConnectedToTheOtherInstance() {
        long channel = unitChannel(one, "an.nguyen", "BL-VP");
        ChatClient hong = connect(two, "hong.vo");
        hong.presence.clear();

        ChatClient an = connect(one, "an.nguyen");

        assertThat(nextAbout(hong.presence, "an.nguyen")).isEqualTo(State.ONLINE);
        HttpResponse<String> asked = hong.apiGet("/api/v1/chat/presence?usernames=an.nguyen");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(hong.read(asked.body(), new TypeReference<List<ChatPresence>>() { }))
                .extracting(ChatPresence::state).containsExactly(State.ONLINE);

        ChatMessage sent = an.postAndWait(channel, "Nhờ @hong.vo kiểm tra giúp số liệu");
        ChatNotification mention;
        do {
            mention = poll(hong.notifications);
            assertThat(mention).as("mention from the other instance").isNotNull();
        }
        while (mention.type() != ChatNotification.Type.MENTION || mention.sequence() != sent.sequence());
        assertThat(mention.author()).isEqualTo("an.nguyen");

        an.close();
        assertThat(nextAbout(hong.presence, "an.nguyen")).isEqualTo(State.OFFLINE);
    }

    private ChatClient connect(Instance instance, String username) {
        ChatClient client = ChatClient.connect(instance.baseUrl, username, ChatTestSupport.PASSWORD, instance.json);
        clients.add(client);
        return client;
    }

    private static long unitChannel(Instance instance, String username, String unitCode) {
        Chat chat = instance.context.getBean(Chat.class);
        long unitId = instance.context.getBean(vn.lienthong.directory.Directory.class).findUnitByCode(unitCode)
                .orElseThrow().id();
        return await().atMost(START).until(() -> chat.channelsOf(username).stream()
                .filter(c -> c.kind() == ChannelKind.UNIT && Long.valueOf(unitId).equals(c.unitId()))
                .findFirst(), java.util.Optional::isPresent).orElseThrow().id();
    }

    private static State nextAbout(BlockingQueue<ChatPresence> queue, String username) {
        ChatPresence presence;
        do {
            presence = poll(queue);
            assertThat(presence).as("presence of " + username).isNotNull();
        }
        while (!presence.username().equals(username));
        return presence.state();
    }

    /** One app instance: the chat test application on its own port and data folder, relaying through the broker. */
    private record Instance(ConfigurableApplicationContext context, String baseUrl, ObjectMapper json) {

        static Instance start(String database, Map<String, String> relay, Path dataDir) {
            int port = freePort();
            String baseUrl = "http://127.0.0.1:" + port;
            Map<String, Object> properties = new java.util.HashMap<>(relay);
            properties.putAll(Map.ofEntries(
                            Map.entry("spring.autoconfigure.exclude", "org.springframework.boot.autoconfigure.security"
                                    + ".oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                                    + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet"
                                    + ".OAuth2AuthorizationServerJwtAutoConfiguration"),
                            Map.entry("spring.datasource.url", database),
                            Map.entry("spring.flyway.out-of-order", "true"),
                            Map.entry("lienthong.demo.enabled", "true"),
                            Map.entry("lienthong.demo.password", ChatTestSupport.PASSWORD),
                            Map.entry("lienthong.identity.provider", "embedded"),
                            Map.entry("lienthong.base-url", baseUrl),
                            Map.entry("lienthong.data-dir", dataDir.toString()),
                            Map.entry("lienthong.chat.presence.heartbeat", "1s"),
                            Map.entry("lienthong.chat.presence.expiry", "10s"),
                            Map.entry("server.address", "127.0.0.1"),
                            Map.entry("server.port", String.valueOf(port))));
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ChatTestApplication.class)
                    .properties(properties).run();
            StompBrokerRelayMessageHandler handler = context.getBean(StompBrokerRelayMessageHandler.class);
            await().atMost(START).until(handler::isBrokerAvailable);
            return new Instance(context, baseUrl, context.getBean(ObjectMapper.class));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
