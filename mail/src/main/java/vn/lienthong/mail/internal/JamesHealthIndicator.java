package vn.lienthong.mail.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component "mail": James's own health check (WebAdmin {@code /healthcheck}) and whether
 * its SMTP and IMAP ports accept connections.
 */
class JamesHealthIndicator extends AbstractHealthIndicator {

    private static final int CONNECT_TIMEOUT_MS = 1000;

    private final JamesServer james;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    JamesHealthIndicator(JamesServer james) {
        super("Mail server health check failed");
        this.james = james;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JamesConnection connection = james.connection();
        int webadmin = webadminStatus(connection.webadmin());
        boolean smtp = reachable(connection.host(), connection.smtpPort());
        boolean imap = reachable(connection.host(), connection.imapPort());
        health.withDetail("mode", james.supervisor().isPresent() ? "embedded" : "external")
                .withDetail("webadmin", webadmin == 200 ? "healthy" : webadmin < 0 ? "unreachable" : "status " + webadmin)
                .withDetail("smtp", connection.host() + ":" + connection.smtpPort() + (smtp ? " reachable" : " unreachable"))
                .withDetail("imap", connection.host() + ":" + connection.imapPort() + (imap ? " reachable" : " unreachable"));
        james.supervisor().ifPresent(supervisor -> {
            health.withDetail("restarts", supervisor.restarts());
            supervisor.process().ifPresent(process -> health.withDetail("pid", process.pid()));
            supervisor.lastFailure().ifPresent(failure -> health.withDetail("lastFailure", failure));
        });
        if (webadmin == 200 && smtp && imap) {
            health.up();
        } else {
            health.down();
        }
    }

    private int webadminStatus(URI base) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/healthcheck"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
