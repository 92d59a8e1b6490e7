package vn.lienthong.chat;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An official in a browser, as far as chat goes: logs in through the identity provider's form over real HTTP
 * (keeping the session cookie), then talks STOMP over a real WebSocket with that cookie and the CSRF token, and
 * calls the REST API with the same session. Everything received lands in blocking queues.
 */
final class ChatClient implements AutoCloseable {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final long TIMEOUT_SECONDS = 10;
    private static final org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler RECEIPTS = receipts();

    private static org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler receipts() {
        var scheduler = new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("stomp-receipts-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        return scheduler;
    }

    final String username;
    private final String baseUrl;
    private final ObjectMapper json;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private String csrfHeader;
    private String csrfToken;

    private WebSocketStompClient stompClient;
    private CapturingWebSocketClient webSockets;
    StompSession session;
    final BlockingQueue<ChatMessage> acks = new LinkedBlockingQueue<>();
    final BlockingQueue<ChatError> errors = new LinkedBlockingQueue<>();
    final BlockingQueue<ChatNotification> notifications = new LinkedBlockingQueue<>();
    final BlockingQueue<HistoryPage> history = new LinkedBlockingQueue<>();
    final BlockingQueue<ChatPresence> presence = new LinkedBlockingQueue<>();
    /** ERROR frames (the server ends the connection after one). */
    final BlockingQueue<String> refusals = new LinkedBlockingQueue<>();
    /** Transport failures and frames the client could not handle. */
    final BlockingQueue<Throwable> transportErrors = new LinkedBlockingQueue<>();

    private ChatClient(String baseUrl, String username, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.json = json;
    }

    static ChatClient connect(String baseUrl, String username, String password, ObjectMapper json) {
        ChatClient client = new ChatClient(baseUrl, username, json);
        client.logIn(password);
        client.openStomp();
        return client;
    }

    // ------------------------------------------------------------------------------------------- HTTP

    private void logIn(String password) {
        String realm = baseUrl + "/realms/lienthong";
        HttpResponse<String> response = get(baseUrl + "/", Map.of("Accept", "text/html"));
        for (int hops = 0; hops < 6 && response.statusCode() == 302; hops++) {
            String next = location(response);
            if (next.startsWith(realm + "/login")) {
                break;
            }
            response = get(next, Map.of("Accept", "text/html"));
        }
        HttpResponse<String> form = get(realm + "/login", Map.of("Accept", "text/html"));
        Matcher csrf = HIDDEN_CSRF.matcher(form.body());
        assertThat(csrf.find()).as("login form has a CSRF field").isTrue();
        HttpResponse<String> afterLogin = send(HttpRequest.newBuilder(URI.create(realm + "/login"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1))))));
        assertThat(afterLogin.statusCode()).as("login of " + username).isEqualTo(302);
        response = afterLogin;
        for (int hops = 0; hops < 8 && response.statusCode() == 302; hops++) {
            response = get(location(response), Map.of("Accept", "text/html"));
        }
        HttpResponse<String> session = get(baseUrl + "/api/v1/chat/session", Map.of("Accept", "application/json"));
        assertThat(session.statusCode()).as("signed in as " + username + ": " + session.body()).isEqualTo(200);
        Map<String, Object> body = read(session.body(), new TypeReference<>() { });
        assertThat(body).containsEntry("username", username).containsEntry("endpoint", "/ws");
        csrfHeader = (String) body.get("csrfHeader");
        csrfToken = (String) body.get("csrfToken");
    }

    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    HttpResponse<String> apiGet(String path) {
        return get(baseUrl + path, Map.of("Accept", "application/json"));
    }

    HttpResponse<String> apiPost(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .header(csrfHeader, csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    <T> T read(String body, TypeReference<T> type) {
        try {
            return json.readValue(body, type);
        }
        catch (IOException ex) {
            throw new AssertionError("not the JSON expected: " + body, ex);
        }
    }

    /** The REST history after a sequence, all pages. */
    List<ChatMessage> messagesAfter(long channelId, long after) {
        List<ChatMessage> all = new java.util.ArrayList<>();
        long from = after;
        while (true) {
            HttpResponse<String> response = apiGet("/api/v1/chat/channels/" + channelId + "/messages?after=" + from
                    + "&limit=100");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            HistoryPage page = read(response.body(), new TypeReference<>() { });
            all.addAll(page.messages());
            if (!page.more()) {
                return all;
            }
            from = page.messages().get(page.messages().size() - 1).sequence();
        }
    }

    private HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    // ------------------------------------------------------------------------------------------- STOMP

    /** (Re)opens the STOMP connection with the session cookie and subscribes to the user's own queues. */
    void openStomp() {
        webSockets = new CapturingWebSocketClient();
        stompClient = new WebSocketStompClient(webSockets);
        MappingJackson2MessageConverter converter = new MappingJackson2MessageConverter();
        converter.setObjectMapper(json);
        stompClient.setMessageConverter(converter);
        stompClient.setInboundMessageSizeLimit(256 * 1024);
        // For receipts (see joinWithReceipt); no heartbeats, as before.
        stompClient.setTaskScheduler(RECEIPTS);
        stompClient.setDefaultHeartbeat(new long[] {0, 0});
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add(HttpHeaders.COOKIE, cookieHeader());
        StompHeaders connect = new StompHeaders();
        connect.add(csrfHeader, csrfToken);
        try {
            session = stompClient.connectAsync(URI.create(baseUrl.replace("http", "ws") + "/ws"), handshake,
                    connect, new StompSessionHandlerAdapter() {
                        @Override
                        public void handleFrame(StompHeaders headers, Object payload) {
                                                        refusals.add(String.valueOf(headers.getFirst("message")));
                        }

                        @Override
                        public Type getPayloadType(StompHeaders headers) {
                            return byte[].class;
                        }

                        @Override
                        public void handleException(StompSession s, StompCommand command, StompHeaders headers,
                                                    byte[] payload, Throwable exception) {
                            transportErrors.add(exception);
                        }

                        @Override
                        public void handleTransportError(StompSession session, Throwable exception) {
                            transportErrors.add(exception);
                        }
                    }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("STOMP connection of " + username + " failed", ex);
        }
        subscribe("/user/queue/acks", ChatMessage.class, acks);
        subscribe("/user/queue/notifications", ChatNotification.class, notifications);
        subscribe("/user/queue/history", HistoryPage.class, history);
        subscribe("/user/queue/presence", ChatPresence.class, presence);
        subscribe("/user/queue/errors", ChatError.class, errors);
        awaitOwnQueues();
    }

    /**
     * Waits until the server has registered the subscriptions above (the in-process broker sends no receipts): a
     * frame the server refuses is answered on our error queue, subscribed last, so once an answer arrives the
     * subscriptions sent before it are in place. Repeated, because an answer sent too early is simply lost.
     */
    private void awaitOwnQueues() {
        java.util.concurrent.atomic.AtomicLong attempt = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    session.send("/app/channels/" + attempt.incrementAndGet() + "/typing", Map.of());
                    return !errors.isEmpty();
                });
        // Answers come in the order the frames were sent: drain up to the answer to a last marker frame.
        long marker = 999_999_999L;
        session.send("/app/channels/" + marker + "/typing", Map.of());
        ChatError answer;
        do {
            answer = poll(errors);
        }
        while (answer != null && !Long.valueOf(marker).equals(answer.channelId()));
        assertThat(answer).as("answer to the marker frame").isNotNull();
    }

    <T> StompSession.Subscription subscribe(String destination, Class<T> type, BlockingQueue<T> into) {
        return session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return type;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                into.add(type.cast(payload));
            }
        });
    }

    /**
     * Subscribes to the channel's topic and waits until the server has registered the subscription: frames of one
     * connection are handled in order, so once the answer to a later history request arrives, the SUBSCRIBE is done.
     */
    BlockingQueue<ChatEvent> join(long channelId) {
        return join("/topic/channels." + channelId, channelId);
    }

    /** {@link #join(long)} with a given topic name (the older {@code /topic/channels/{id}} is accepted too). */
    BlockingQueue<ChatEvent> join(String topic, long channelId) {
        BlockingQueue<ChatEvent> events = new LinkedBlockingQueue<>();
        subscribe(topic, ChatEvent.class, events);
        requestHistoryAfter(channelId, Long.MAX_VALUE / 2);
        HistoryPage page = poll(history);
        assertThat(page).as("history answer for channel " + channelId + " (errors: " + errors + ")").isNotNull();
        return events;
    }

    /**
     * Subscribes to the channel's topic and waits for the broker's RECEIPT: with a broker relay the subscription
     * travels on this connection's own link to the broker while answers come back on another, so only the
     * receipt says the subscription is in place.
     */
    BlockingQueue<ChatEvent> joinWithReceipt(long channelId) {
        BlockingQueue<ChatEvent> events = new LinkedBlockingQueue<>();
        java.util.concurrent.CountDownLatch receipt = new java.util.concurrent.CountDownLatch(1);
        session.setAutoReceipt(true);
        try {
            subscribe("/topic/channels." + channelId, ChatEvent.class, events).addReceiptTask(receipt::countDown);
        }
        finally {
            session.setAutoReceipt(false);
        }
        try {
            assertThat(receipt.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("receipt of the subscription").isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        return events;
    }

    /** Says this connection is away or active again. */
    void presence(String state) {
        session.send("/app/presence", Map.of("state", state));
    }

    /** Posts a file as the page does: multipart/form-data with the part "file" and optional fields. */
    HttpResponse<String> upload(long channelId, String fileName, String contentType, byte[] content,
                                Map<String, String> fields) {
        String boundary = "----kiemthu" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (content != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/chat/channels/" + channelId + "/files"))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(csrfHeader, csrfToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** GET with the session, the body as bytes. */
    HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    void post(long channelId, Object frame) {
        session.send("/app/channels/" + channelId + "/messages", frame);
    }

    /** Posts and waits for the acknowledgement. */
    ChatMessage postAndWait(long channelId, String text) {
        String clientId = java.util.UUID.randomUUID().toString();
        post(channelId, Map.of("text", text, "clientMessageId", clientId));
        ChatMessage ack = poll(acks);
        assertThat(ack).as("acknowledgement of '" + text + "' (errors " + errors + ", refusals " + refusals + ")")
                .isNotNull();
        assertThat(ack.clientMessageId()).isEqualTo(clientId);
        return ack;
    }

    void markRead(long channelId, long sequence) {
        session.send("/app/channels/" + channelId + "/read", Map.of("sequence", sequence));
    }

    void requestHistoryAfter(long channelId, long after) {
        session.send("/app/channels/" + channelId + "/history", Map.of("after", after, "limit", 200));
    }

    /** Drops the connection without a STOMP DISCONNECT, as a lost network would. */
    void dropConnection() {
        try {
            webSockets.last.close();
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    boolean connected() {
        return session != null && session.isConnected();
    }

    static <T> T poll(BlockingQueue<T> queue) {
        try {
            return queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        if (session != null && session.isConnected()) {
            session.disconnect();
        }
        if (stompClient != null) {
            stompClient.stop();
        }
    }

    /** Keeps the last WebSocket session opened, so a test can drop it. */
    static final class CapturingWebSocketClient extends StandardWebSocketClient {

        volatile WebSocketSession last;

        @Override
        protected CompletableFuture<WebSocketSession> executeInternal(WebSocketHandler handler, HttpHeaders headers,
                URI uri, List<String> protocols, List<WebSocketExtension> extensions, Map<String, Object> attributes) {
            return super.executeInternal(handler, headers, uri, protocols, extensions, attributes)
                    .thenApply(session -> {
                        last = session;
                        return session;
                    });
        }
    }
}
