package vn.lienthong.deploy.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An official's web client without a browser: one cookie jar (so one session, whichever instance answers), the
 * sign-in through the identity provider's form, and JSON calls with the session's CSRF token. Cookies belong to the
 * host, not the port, so the same jar is sent to every instance on 127.0.0.1, as a browser behind a proxy would.
 */
final class Browserless {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private String csrfHeader;
    private String csrfToken;

    /** Signs in on {@code instance} as a user would: the page, the redirect to the login form, the form, back. */
    Browserless signIn(AppInstance instance, String username, String password) {
        String realm = instance.url("/realms/lienthong");
        HttpResponse<String> response = get(instance.url("/mail"), "text/html");
        for (int hops = 0; hops < 6 && response.statusCode() == 302; hops++) {
            String next = location(response);
            if (next.startsWith(realm + "/login")) {
                break;
            }
            response = get(next, "text/html");
        }
        HttpResponse<String> form = get(realm + "/login", "text/html");
        Matcher csrf = HIDDEN_CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the login form has a CSRF field").isTrue();
        response = send(HttpRequest.newBuilder(URI.create(realm + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1))))));
        assertThat(response.statusCode()).as("sign-in of " + username).isEqualTo(302);
        for (int hops = 0; hops < 8 && response.statusCode() == 302; hops++) {
            response = get(location(response), "text/html");
        }
        refreshCsrf(instance);
        return this;
    }

    /** The session's CSRF token, read through {@code instance}. */
    void refreshCsrf(AppInstance instance) {
        JsonNode session = json(get(instance.url("/api/v1/chat/session"), "application/json"), 200);
        csrfHeader = session.get("csrfHeader").asText();
        csrfToken = session.get("csrfToken").asText();
    }

    HttpResponse<String> page(AppInstance instance, String path) {
        return get(instance.url(path), "text/html");
    }

    JsonNode getJson(AppInstance instance, String path) {
        return json(get(instance.url(path), "application/json"), 200);
    }

    JsonNode postJson(AppInstance instance, String path, Object body, int expectedStatus) {
        try {
            return json(send(HttpRequest.newBuilder(URI.create(instance.url(path)))
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .header(csrfHeader, csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))), expectedStatus);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode postForm(AppInstance instance, String path, Map<String, String> fields, int expectedStatus) {
        return json(send(HttpRequest.newBuilder(URI.create(instance.url(path)))
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                .header(csrfHeader, csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))), expectedStatus);
    }

    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    String csrfHeader() {
        return csrfHeader;
    }

    String csrfToken() {
        return csrfToken;
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": "
                + response.body()).isEqualTo(expectedStatus);
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        }
        catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> get(String url, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
