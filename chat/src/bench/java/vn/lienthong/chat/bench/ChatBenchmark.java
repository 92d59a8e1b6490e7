package vn.lienthong.chat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import vn.lienthong.chat.ChannelKind;
import vn.lienthong.chat.ChannelSummary;
import vn.lienthong.chat.Chat;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;

/**
 * Load harness for the chat on loopback (not a test): N STOMP-over-WebSocket clients, each a different official,
 * in M unit channels (N/M connected members each); one member per channel posts {@code rate} messages a second
 * over STOMP; every client records the delay from the post being sent to the MESSAGE event arriving (sender and
 * receivers share this JVM's clock). Each step reports deliveries per second, p50/p99/p99.9/max latency and
 * anything lost, then the largest N whose p99 stayed under 100 ms. Clients also subscribe to their own queues like
 * the page (each post sends every connected member an unread count), so the server does the page's full work.
 *
 * <pre>
 * ./mvnw -B -pl chat -Pbench test-compile exec:java -Dbench.steps=250,500,1000,2000 -Dbench.channels=20 \
 *     -Dbench.rate=10 -Dbench.seconds=15
 * </pre>
 *
 * The server runs in this JVM (H2 in memory, the in-process broker), so clients and server share the machine's
 * cores: the numbers are a floor for a server with the machine to itself. The benchmark's own sign-in
 * ({@link BenchApplication}) exists only here.
 */
public final class ChatBenchmark {

    private static final long P99_TARGET_MS = 100;

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final int channelCount;
    private final int rate;
    private final int seconds;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final WebSocketStompClient stomp;
    private final List<String> users = new ArrayList<>();
    private final List<Long> channels = new ArrayList<>();

    private ChatBenchmark(ConfigurableApplicationContext context, String baseUrl, int channelCount, int rate,
                          int seconds) {
        this.context = context;
        this.baseUrl = baseUrl;
        this.channelCount = channelCount;
        this.rate = rate;
        this.seconds = seconds;
        StandardWebSocketClient webSockets = new StandardWebSocketClient();
        stomp = new WebSocketStompClient(webSockets);
        MappingJackson2MessageConverter converter = new MappingJackson2MessageConverter();
        converter.setObjectMapper(json);
        stomp.setMessageConverter(converter);
        stomp.setInboundMessageSizeLimit(256 * 1024);
        stomp.setDefaultHeartbeat(new long[] {0, 0});
    }

    public static void main(String[] args) throws Exception {
        List<Integer> steps = Arrays.stream(System.getProperty("bench.steps", "250,500,1000,2000").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        int channelCount = Integer.getInteger("bench.channels", 20);
        int rate = Integer.getInteger("bench.rate", 10);
        int seconds = Integer.getInteger("bench.seconds", 15);
        int largest = steps.stream().mapToInt(Integer::intValue).max().orElseThrow();

        int port = freePort();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target/bench")).toAbsolutePath(), "data-");
        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
                .properties(Map.ofEntries(
                        Map.entry("spring.autoconfigure.exclude", "org.springframework.boot.autoconfigure.security"
                                + ".oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                                + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet"
                                + ".OAuth2AuthorizationServerJwtAutoConfiguration"),
                        Map.entry("spring.datasource.url", "jdbc:h2:mem:chat-bench;MODE=PostgreSQL;"
                                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"),
                        Map.entry("spring.datasource.hikari.maximum-pool-size", "20"),
                        Map.entry("spring.flyway.out-of-order", "true"),
                        Map.entry("lienthong.demo.enabled", "true"),
                        Map.entry("lienthong.demo.password", "khong-dung-" + UUID.randomUUID()),
                        Map.entry("lienthong.identity.provider", "embedded"),
                        Map.entry("lienthong.base-url", "http://127.0.0.1:" + port),
                        Map.entry("lienthong.data-dir", data.toString()),
                        // Posters post `rate` a second for the whole run; the default bucket is for people.
                        Map.entry("lienthong.chat.rate-limit.capacity", "1000"),
                        Map.entry("lienthong.chat.rate-limit.per-second", "1000"),
                        Map.entry("logging.level.root", "WARN"),
                        Map.entry("server.address", "127.0.0.1"),
                        Map.entry("server.port", String.valueOf(port))))
                .run();
        System.out.printf("Server up in %.1f s on %d cores (load average %.2f)%n",
                (System.nanoTime() - started) / 1e9, Runtime.getRuntime().availableProcessors(), load());
        ChatBenchmark bench = new ChatBenchmark(context, "http://127.0.0.1:" + port, channelCount, rate, seconds);
        try {
            bench.prepare(largest);
            // One unreported round first, so the JIT has compiled the paths before anything is measured.
            System.out.println("Warm-up: " + bench.step(steps.get(0)).line());
            List<Result> results = new ArrayList<>();
            for (int n : steps) {
                Result result = bench.step(n);
                results.add(result);
                System.out.println(result.line());
            }
            System.out.println();
            System.out.println("| N | channels | posts/s | deliveries/s | p50 ms | p99 ms | p99.9 ms | max ms | late | "
                    + "cores used | deliveries/CPU-s | load avg |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            results.forEach(r -> System.out.println(r.row()));
            int held = results.stream().filter(r -> r.p99Ms() < P99_TARGET_MS && r.late() == 0)
                    .mapToInt(Result::n).max().orElse(0);
            System.out.println();
            System.out.println("Largest N with p99 < " + P99_TARGET_MS + " ms and everything received: " + held);
        }
        finally {
            context.close();
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------- set-up

    /** M units with {@code users} officials spread over them, and the unit channels the sync makes for them. */
    private void prepare(int userCount) {
        long started = System.nanoTime();
        Directory directory = context.getBean(Directory.class);
        DirectoryAdministration administration = context.getBean(DirectoryAdministration.class);
        Chat chat = context.getBean(Chat.class);
        Unit province = directory.findUnitByCode("BL").orElseThrow();
        List<Unit> units = new ArrayList<>();
        for (int c = 0; c < channelCount; c++) {
            units.add(administration.createUnit("quantri", new UnitDraft("BL-TT" + c, "Phòng thử tải " + c,
                    UnitLevel.DEPARTMENT, province.id(), null, "thutai" + c)));
        }
        for (int i = 0; i < userCount; i++) {
            Official official = administration.createOfficial("quantri", new OfficialDraft("thutai." + i,
                    "Cán Bộ Thử Tải " + i, "Chuyên viên", units.get(i % channelCount).id(), null, null,
                    Set.of(Role.OFFICIAL), null));
            users.add(official.username());
        }
        for (int c = 0; c < channelCount; c++) {
            // The sync runs in order on one thread: once the unit's last official is in, all of them are.
            String last = users.get(users.size() - 1 - ((users.size() - 1 - c) % channelCount));
            long unitId = units.get(c).id();
            long channelId = awaitValue(() -> chat.channelsOf(last).stream()
                    .filter(s -> s.kind() == ChannelKind.UNIT && Long.valueOf(unitId).equals(s.unitId()))
                    .map(ChannelSummary::id).findFirst().orElse(null), Duration.ofMinutes(5));
            channels.add(channelId);
        }
        // Queued behind everything the sync still has to do: once it returns, the sync thread is idle.
        context.getBean(vn.lienthong.chat.ChatAdministration.class).resyncUnitChannels();
        System.out.printf("Prepared %d officials in %d unit channels in %.1f s%n", userCount, channelCount,
                (System.nanoTime() - started) / 1e9);
    }

    // ------------------------------------------------------------------------------------------- one step

    private Result step(int n) throws Exception {
        Measure measure = new Measure(n, channelCount, rate, seconds);
        List<Client> clients = new ArrayList<>(n);
        long connecting = System.nanoTime();
        ExecutorService connectors = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Client>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(CompletableFuture.supplyAsync(() -> connect(users.get(index),
                        channels.get(index % channelCount), measure), connectors));
            }
            for (CompletableFuture<Client> future : futures) {
                clients.add(future.get(5, TimeUnit.MINUTES));
            }
        }
        finally {
            connectors.shutdown();
        }
        double connectSeconds = (System.nanoTime() - connecting) / 1e9;
        // Presence is worked out on a thread of its own after each connection: let it catch up before measuring.
        awaitValue(() -> sessions() == n ? Boolean.TRUE : null, Duration.ofMinutes(5));

        // Posters: the first member of each channel.
        ScheduledExecutorService posting = Executors.newScheduledThreadPool(2);
        long periodMicros = 1_000_000L / rate;
        java.util.concurrent.atomic.AtomicLongArray sent = new java.util.concurrent.atomic.AtomicLongArray(channelCount);
        long startAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(2); // 2 s warm-up, not measured
        long endAt = startAt + TimeUnit.SECONDS.toNanos(seconds);
        measure.window(startAt, endAt);
        for (int c = 0; c < channelCount; c++) {
            int channelIndex = c;
            Client poster = clients.get(c);
            long channel = channels.get(c);
            posting.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                if (now >= endAt) {
                    return;
                }
                if (now >= startAt) {
                    sent.incrementAndGet(channelIndex);
                }
                poster.session.send("/app/channels/" + channel + "/messages",
                        Map.of("text", "t=" + now + ";", "clientMessageId", UUID.randomUUID().toString()));
            }, periodMicros * c / channelCount, periodMicros, TimeUnit.MICROSECONDS);
        }
        while (System.nanoTime() < startAt) {
            TimeUnit.MILLISECONDS.sleep(10); // the harness's own clock, not a test's synchronisation
        }
        long cpuAtStart = processCpuNanos();
        while (System.nanoTime() < endAt) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        double cpuSeconds = (processCpuNanos() - cpuAtStart) / 1e9;
        posting.shutdownNow();
        // Every connected member of the channel gets each post, the poster too (client i is in channel i % M).
        long expected = 0;
        long posts = 0;
        for (int c = 0; c < channelCount; c++) {
            long members = n / channelCount + (c < n % channelCount ? 1 : 0);
            expected += sent.get(c) * members;
            posts += sent.get(c);
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (measure.delivered() < expected && System.nanoTime() < drainUntil) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        Result result = measure.result(posts, expected, connectSeconds, load(), cpuSeconds, transportErrors.get());

        clients.forEach(Client::close);
        SimpUserRegistry registry = context.getBean(SimpUserRegistry.class);
        awaitValue(() -> registry.getUserCount() == 0 && sessions() == 0 ? Boolean.TRUE : null, Duration.ofMinutes(5));
        return result;
    }

    /** Connections the presence tracker has recorded. */
    private long sessions() {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from chat_presence_session").query(Long.class).single();
    }

    private final AtomicInteger transportErrors = new AtomicInteger();

    private Client connect(String username, long channel, Measure measure) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(30)).build();
        try {
            http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/bench/login?user=" + username)).build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/api/v1/chat/session")).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<?, ?> body = json.readValue(session.body(), Map.class);
            WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
            handshake.add(HttpHeaders.COOKIE, cookies.getCookieStore().getCookies().stream()
                    .map(HttpCookie::toString).collect(Collectors.joining("; ")));
            StompHeaders connect = new StompHeaders();
            connect.add((String) body.get("csrfHeader"), (String) body.get("csrfToken"));
            StompSession stompSession = stomp.connectAsync(URI.create(baseUrl.replace("http", "ws") + "/ws"),
                    handshake, connect, new StompSessionHandlerAdapter() {
                        @Override
                        public void handleTransportError(StompSession session, Throwable exception) {
                            transportErrors.incrementAndGet(); // e.g. the server closed a connection it could not feed
                        }
                    }).get(60, TimeUnit.SECONDS);
            Client client = new Client(stompSession);
            stompSession.subscribe("/topic/channels." + channel, new Bytes(measure::received));
            stompSession.subscribe("/user/queue/notifications", new Bytes(payload -> measure.notified()));
            stompSession.subscribe("/user/queue/acks", new Bytes(payload -> { }));
            CountDownLatch ready = new CountDownLatch(1);
            stompSession.subscribe("/user/queue/history", new Bytes(payload -> ready.countDown()));
            // Frames of one connection are handled in order: the history answer means the topic is subscribed.
            stompSession.send("/app/channels/" + channel + "/history", Map.of("after", Long.MAX_VALUE / 2));
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no history answer for " + username);
            }
            return client;
        }
        catch (Exception ex) {
            throw new IllegalStateException("connection of " + username + " failed", ex);
        }
    }

    private record Client(StompSession session) {

        void close() {
            if (session.isConnected()) {
                session.disconnect();
            }
        }
    }

    /** A frame handler that takes the raw bytes (no JSON parsing on the hot path). */
    private record Bytes(java.util.function.Consumer<byte[]> into) implements StompFrameHandler {

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            into.accept((byte[]) payload);
        }
    }

    // ------------------------------------------------------------------------------------------- measuring

    /** Latencies of MESSAGE events whose post was sent inside the window, in microseconds. */
    private static final class Measure {

        private final int n;
        private final int channels;
        private final long[] latencies;
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong notifications = new AtomicLong();
        private volatile long start = Long.MAX_VALUE;
        private volatile long end = Long.MAX_VALUE;

        Measure(int n, int channels, int rate, int seconds) {
            this.n = n;
            this.channels = channels;
            this.latencies = new long[(int) Math.min(50_000_000L, (long) n * rate * (seconds + 1) * 2L)];
        }

        void window(long start, long end) {
            this.start = start;
            this.end = end;
        }

        void received(byte[] payload) {
            long now = System.nanoTime();
            String text = new String(payload, StandardCharsets.UTF_8);
            int at = text.indexOf("\"text\":\"t=");
            if (at < 0) {
                return; // READ, TYPING, ...
            }
            int from = at + 10;
            long sentAt = Long.parseLong(text, from, text.indexOf(';', from), 10);
            if (sentAt < start || sentAt >= end) {
                return;
            }
            int slot = count.getAndIncrement();
            if (slot < latencies.length) {
                latencies[slot] = (now - sentAt) / 1000;
            }
        }

        void notified() {
            notifications.incrementAndGet();
        }

        long delivered() {
            return count.get();
        }

        Result result(long sent, long expected, double connectSeconds, double load, double cpuSeconds,
                      int transportErrors) {
            int size = Math.min(count.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, size);
            Arrays.sort(sorted);
            double window = (end - start) / 1e9;
            return new Result(n, channels, sent / window, size / window, percentile(sorted, 0.50),
                    percentile(sorted, 0.99), percentile(sorted, 0.999), size == 0 ? 0 : sorted[size - 1] / 1000.0,
                    Math.max(0, expected - size), notifications.get() / window, connectSeconds, load,
                    cpuSeconds / window, size / Math.max(cpuSeconds, 1e-9), transportErrors);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }

    private record Result(int n, int channels, double postsPerSecond, double deliveriesPerSecond, double p50Ms,
                          double p99Ms, double p999Ms, double maxMs, long late, double notificationsPerSecond,
                          double connectSeconds, double load, double coresUsed, double deliveriesPerCpuSecond,
                          int transportErrors) {

        String line() {
            return String.format("N=%d in %d channels (connected in %.1f s): %.0f posts/s, %.0f deliveries/s "
                            + "(+%.0f notifications/s), p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms, "
                            + "not received within 10 s %d, closed connections %d; this JVM used %.2f cores, "
                            + "%.0f deliveries per CPU-second; load average %.2f", n, channels, connectSeconds,
                    postsPerSecond, deliveriesPerSecond, notificationsPerSecond, p50Ms, p99Ms, p999Ms, maxMs, late,
                    transportErrors, coresUsed, deliveriesPerCpuSecond, load);
        }

        String row() {
            return String.format("| %d | %d | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %.2f | %.0f | %.2f |", n,
                    channels, postsPerSecond, deliveriesPerSecond, p50Ms, p99Ms, p999Ms, maxMs, late, coresUsed,
                    deliveriesPerCpuSecond, load);
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static <T> T awaitValue(java.util.function.Supplier<T> value, Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        while (true) {
            T found = value.get();
            if (found != null) {
                return found;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("waited " + limit + " in vain");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
