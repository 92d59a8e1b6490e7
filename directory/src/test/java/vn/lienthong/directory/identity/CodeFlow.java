package vn.lienthong.directory.identity;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization-code flow against the embedded provider, step by step over HTTP, as an OIDC client would run
 * it: authorize, log in through the form, take the code from the redirect, exchange it at the token endpoint.
 */
final class CodeFlow {

    static final String REDIRECT_URI = EmbeddedIdentityTestSupport.BASE_URL + SecurityConfiguration.REDIRECT_PATH;

    private final TestBrowser browser = new TestBrowser();
    private final AppClient client;

    CodeFlow(AppClient client) {
        this.client = client;
    }

    TestBrowser browser() {
        return browser;
    }

    String authorizeUrl(String state, String nonce) {
        return EmbeddedIdentityTestSupport.REALM + IdentityEndpoints.AUTHORIZATION_PATH
                + "?response_type=code&client_id=" + client.id()
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("openid profile email", StandardCharsets.UTF_8)
                + "&state=" + state + "&nonce=" + nonce;
    }

    /** Starts the flow and answers the login page's response to the given credentials (not yet followed). */
    HttpResponse<String> submitLogin(String username, String password) {
        HttpResponse<String> toLogin = browser.get(authorizeUrl(UUID.randomUUID().toString(), "n-0"));
        assertThat(toLogin.statusCode()).as("authorize redirects to the login page").isEqualTo(302);
        assertThat(TestBrowser.location(toLogin)).isEqualTo(EmbeddedIdentityTestSupport.REALM + "/login");
        HttpResponse<String> loginPage = browser.get(TestBrowser.location(toLogin));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        return browser.postForm(EmbeddedIdentityTestSupport.REALM + "/login", Map.of(
                "username", username, "password", password, "_csrf", TestBrowser.csrfToken(loginPage.body())));
    }

    /** Logs in and exchanges the code; answers the token response (access_token, id_token, refresh_token, ...). */
    Map<String, Object> tokensFor(String username, String password) {
        String state = UUID.randomUUID().toString();
        String nonce = UUID.randomUUID().toString();
        HttpResponse<String> toLogin = browser.get(authorizeUrl(state, nonce));
        HttpResponse<String> loginPage = browser.get(TestBrowser.location(toLogin));
        HttpResponse<String> afterLogin = browser.postForm(EmbeddedIdentityTestSupport.REALM + "/login", Map.of(
                "username", username, "password", password, "_csrf", TestBrowser.csrfToken(loginPage.body())));
        assertThat(afterLogin.statusCode()).as("login accepted").isEqualTo(302);
        HttpResponse<String> toClient = browser.follow(afterLogin, REDIRECT_URI);
        String callback = TestBrowser.location(toClient);
        assertThat(callback).startsWith(REDIRECT_URI);
        Map<String, String> parameters = TestBrowser.queryParameters(callback);
        assertThat(parameters).containsEntry("state", state).containsKey("code");

        HttpResponse<String> tokens = exchange(Map.of("grant_type", "authorization_code",
                "code", parameters.get("code"), "redirect_uri", REDIRECT_URI));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        Map<String, Object> body = json(tokens.body());
        body.put("nonce", nonce);
        return body;
    }

    HttpResponse<String> exchange(Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((client.id() + ":" + client.secret())
                .getBytes(StandardCharsets.UTF_8));
        return browser.post(EmbeddedIdentityTestSupport.REALM + IdentityEndpoints.TOKEN_PATH,
                Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded",
                        "Accept", "application/json"),
                TestBrowser.encode(form));
    }

    static Map<String, Object> json(String body) {
        try {
            return new ObjectMapper().readValue(body, new TypeReference<>() { });
        }
        catch (java.io.IOException ex) {
            throw new AssertionError("not JSON: " + body, ex);
        }
    }
}
