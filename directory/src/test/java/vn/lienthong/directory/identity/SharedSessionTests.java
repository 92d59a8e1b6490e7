package vn.lienthong.directory.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances over one database, as behind a load balancer without sticky sessions: the shared test context
 * (instance A) and a second context of the same application on another port (instance B), both on the same H2
 * database and data folder, with A's address as the public one. Whatever the browser's session holds (the login,
 * a login in progress, the CSRF token) is in the database, so either instance serves the next request.
 */
class SharedSessionTests extends EmbeddedIdentityTestSupport {

    private static final int OTHER_PORT = freePort();
    private static final String OTHER = "http://127.0.0.1:" + OTHER_PORT;
    private static ConfigurableApplicationContext other;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startTheOtherInstance() {
        other = new SpringApplicationBuilder(IdentityTestApplication.class).properties(
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
                "spring.datasource.url=jdbc:h2:mem:identity-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.flyway.out-of-order=true",
                "lienthong.demo.enabled=true",
                "lienthong.demo.password=" + TestUsers.PASSWORD,
                "server.address=127.0.0.1",
                "server.port=" + OTHER_PORT,
                "lienthong.identity.provider=embedded",
                "lienthong.base-url=" + BASE_URL,
                "lienthong.data-dir=" + DATA_DIR).run();
    }

    @AfterAll
    static void stopTheOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void sessionStartedOnOneInstanceIsAcceptedByTheOtherWithItsCsrfToken() {
        TestBrowser browser = new TestBrowser();
        logInOnA(browser, TestUsers.OFFICIAL);

        HttpResponse<String> page = browser.get(OTHER + "/test/page");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(CodeFlow.json(page.body())).containsEntry("name", "an.nguyen")
                .containsEntry("type", "OAuth2AuthenticationToken");
        assertThat(browser.get(OTHER + "/api/test/me", Map.of("Accept", "application/json")).statusCode())
                .isEqualTo(200);

        // The CSRF token handed out by A is the session's, so B accepts it; without it B refuses.
        Map<String, Object> csrf = CodeFlow.json(browser.get(BASE_URL + "/test/csrf",
                Map.of("Accept", "application/json")).body());
        HttpResponse<String> withoutCsrf = browser.post(OTHER + "/api/test/echo", Map.of("Accept", "application/json"), "");
        HttpResponse<String> withCsrf = browser.post(OTHER + "/api/test/echo",
                Map.of("Accept", "application/json", (String) csrf.get("header"), (String) csrf.get("token")), "");
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(withCsrf.statusCode()).isEqualTo(200);
        assertThat(CodeFlow.json(withCsrf.body())).containsEntry("name", "an.nguyen");

        assertThat(jdbc.sql("select count(*) from dir_session where principal_name = 'an.nguyen'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void loginStartedOnOneInstanceIsCompletedByTheOther() {
        TestBrowser browser = new TestBrowser();
        // A saves the authorization request (state, nonce) and the page asked for in the session...
        HttpResponse<String> toLogin = browser.follow(browser.get(BASE_URL + "/test/page"), REALM + "/login");
        HttpResponse<String> form = browser.get(TestBrowser.location(toLogin));
        HttpResponse<String> afterLogin = browser.postForm(REALM + "/login", Map.of("username", TestUsers.ADMIN,
                "password", TestUsers.PASSWORD, "_csrf", TestBrowser.csrfToken(form.body())));
        HttpResponse<String> toCallback = browser.follow(afterLogin, BASE_URL + SecurityConfiguration.REDIRECT_PATH);
        String callback = TestBrowser.location(toCallback);
        assertThat(callback).startsWith(BASE_URL + SecurityConfiguration.REDIRECT_PATH).contains("code=");

        // ...and the balancer sends the provider's answer to B, which finds them there.
        HttpResponse<String> atB = browser.get(OTHER + callback.substring(BASE_URL.length()));
        assertThat(atB.statusCode()).isEqualTo(302);
        assertThat(TestBrowser.location(atB)).startsWith(BASE_URL + "/test/page");
        HttpResponse<String> page = browser.get(OTHER + "/test/page");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(CodeFlow.json(page.body())).containsEntry("name", "quantri");
    }

    @Test
    void logoutOnOneInstanceEndsTheSessionOnTheOther() {
        TestBrowser browser = new TestBrowser();
        logInOnA(browser, TestUsers.OFFICIAL);
        Map<String, Object> csrf = CodeFlow.json(browser.get(OTHER + "/test/csrf",
                Map.of("Accept", "application/json")).body());

        HttpResponse<String> logout = browser.postForm(OTHER + "/logout", Map.of("_csrf", (String) csrf.get("token")));
        assertThat(logout.statusCode()).isEqualTo(302);

        HttpResponse<String> page = browser.get(BASE_URL + "/test/page");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(TestBrowser.location(page)).isEqualTo(BASE_URL + "/oauth2/authorization/lienthong");
    }

    private static void logInOnA(TestBrowser browser, String username) {
        HttpResponse<String> toLogin = browser.follow(browser.get(BASE_URL + "/test/page"), REALM + "/login");
        HttpResponse<String> form = browser.get(TestBrowser.location(toLogin));
        HttpResponse<String> afterLogin = browser.postForm(REALM + "/login", Map.of("username", username,
                "password", TestUsers.PASSWORD, "_csrf", TestBrowser.csrfToken(form.body())));
        assertThat(afterLogin.statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.follow(afterLogin, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().toString()).startsWith(BASE_URL);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
