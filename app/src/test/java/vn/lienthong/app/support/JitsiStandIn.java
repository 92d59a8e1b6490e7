package vn.lienthong.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A small stand-in for the Jitsi Meet web server, over HTTPS on 127.0.0.1 with a certificate made for the run (the
 * suite always loads Jitsi from {@code https://}; the test browsers accept the certificate). It serves an
 * {@code external_api.js} whose {@code JitsiMeetExternalAPI} records the domain and options it was constructed with
 * as JSON in the page's {@code body[data-jitsi-options]}, opens a frame on the stand-in, and reports
 * {@code videoConferenceJoined} to the page's listener, as the real API does once in the room. The video itself is
 * Jitsi's, never tested here.
 */
public final class JitsiStandIn {

    private static final String PASSWORD = "stand-in";

    private static final String EXTERNAL_API = """
            window.JitsiMeetExternalAPI = function (domain, options) {
              var listeners = {};
              document.body.setAttribute('data-jitsi-options', JSON.stringify({
                domain: domain, roomName: options.roomName, jwt: options.jwt, lang: options.lang,
                userInfo: options.userInfo, configOverwrite: options.configOverwrite
              }));
              var frame = document.createElement('iframe');
              frame.id = 'jitsi-frame';
              frame.src = 'https://' + domain + '/' + encodeURIComponent(options.roomName);
              options.parentNode.appendChild(frame);
              this.addEventListener = function (name, listener) { listeners[name] = listener; };
              this.dispose = function () { frame.remove(); };
              window.setTimeout(function () {
                if (listeners.videoConferenceJoined) {
                  listeners.videoConferenceJoined({roomName: options.roomName});
                }
              }, 0);
            };
            """;

    private final HttpsServer server;
    private final AtomicInteger scriptRequests = new AtomicInteger();

    private JitsiStandIn(HttpsServer server) {
        this.server = server;
    }

    /** Starts the stand-in on a free port of 127.0.0.1, its key store under {@code directory}. */
    public static JitsiStandIn start(Path directory) {
        try {
            Path keyStore = directory.resolve("jitsi-stand-in.p12");
            Files.deleteIfExists(keyStore);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "jitsi", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            JitsiStandIn standIn = new JitsiStandIn(server);
            server.createContext("/external_api.js", exchange -> {
                standIn.scriptRequests.incrementAndGet();
                respond(exchange, "application/javascript", EXTERNAL_API);
            });
            server.createContext("/", exchange -> respond(exchange, "text/html",
                    "<!DOCTYPE html><title>Jitsi stand-in</title><p>Phòng họp (stand-in)</p>"));
            server.start();
            return standIn;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code 127.0.0.1:<port>}, the value of {@code lienthong.meetings.jitsi.domain}. */
    public String domain() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many times browsers loaded {@code external_api.js}. */
    public int scriptRequests() {
        return scriptRequests.get();
    }
}
