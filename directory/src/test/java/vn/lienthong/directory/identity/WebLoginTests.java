package vn.lienthong.directory.identity;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages' chain: OIDC login through the embedded provider, roles, CSRF, logout at the provider, headers. */
class WebLoginTests extends EmbeddedIdentityTestSupport {

    @Test
    void pageRedirectsToTheProviderAndAfterLoginKnowsTheOfficialByUsernameAndRoles() {
        TestBrowser browser = new TestBrowser();

        HttpResponse<String> page = logIn(browser, "/test/page", TestUsers.OFFICIAL, TestUsers.PASSWORD);

        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, Object> me = CodeFlow.json(page.body());
        assertThat(me).containsEntry("name", "an.nguyen").containsEntry("type", "OAuth2AuthenticationToken");
        assertThat(me.get("authorities")).asString().contains("ROLE_OFFICIAL").doesNotContain("ROLE_SYSTEM_ADMIN");
    }

    @Test
    void providerLoginAloneDoesNotLogIntoTheApp() {
        CodeFlow flow = new CodeFlow(appClient);
        flow.tokensFor(TestUsers.OFFICIAL, TestUsers.PASSWORD); // logged in at the provider only

        HttpResponse<String> page = flow.browser().get(BASE_URL + "/test/page");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(TestBrowser.location(page)).isEqualTo(BASE_URL + "/oauth2/authorization/lienthong");
    }

    @Test
    void adminPagesNeedAnAdministratorRole() {
        TestBrowser official = new TestBrowser();
        logIn(official, "/test/page", TestUsers.OFFICIAL, TestUsers.PASSWORD);
        assertThat(official.get(BASE_URL + "/admin/test").statusCode()).isEqualTo(403);

        TestBrowser admin = new TestBrowser();
        HttpResponse<String> page = logIn(admin, "/admin/test", TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(CodeFlow.json(page.body())).containsEntry("name", "quantri");
        assertThat(page.body()).contains("ROLE_SYSTEM_ADMIN");
    }

    @Test
    void browserSessionCallsTheApiAndNeedsCsrfForChanges() {
        TestBrowser browser = new TestBrowser();
        logIn(browser, "/test/page", TestUsers.OFFICIAL, TestUsers.PASSWORD);

        HttpResponse<String> read = browser.get(BASE_URL + "/api/test/me", Map.of("Accept", "application/json"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(CodeFlow.json(read.body())).containsEntry("name", "an.nguyen");

        HttpResponse<String> withoutCsrf = browser.post(BASE_URL + "/api/test/echo",
                Map.of("Accept", "application/json"), "");
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);

        Map<String, Object> csrf = CodeFlow.json(browser.get(BASE_URL + "/test/csrf",
                Map.of("Accept", "application/json")).body());
        HttpResponse<String> withCsrf = browser.post(BASE_URL + "/api/test/echo",
                Map.of("Accept", "application/json", (String) csrf.get("header"), (String) csrf.get("token")), "");
        assertThat(withCsrf.statusCode()).isEqualTo(200);
    }

    @Test
    void htmxRequestWithoutSessionGets401InsteadOfARedirect() {
        HttpResponse<String> response = new TestBrowser().get(BASE_URL + "/test/page", Map.of("HX-Request", "true"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheProviderSessionTooThroughItsEndSessionEndpoint() {
        TestBrowser browser = new TestBrowser();
        logIn(browser, "/test/page", TestUsers.OFFICIAL, TestUsers.PASSWORD);
        Map<String, Object> csrf = CodeFlow.json(browser.get(BASE_URL + "/test/csrf",
                Map.of("Accept", "application/json")).body());

        HttpResponse<String> logout = browser.postForm(BASE_URL + "/logout", Map.of("_csrf", (String) csrf.get("token")));

        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = TestBrowser.location(logout);
        assertThat(endSession).startsWith(REALM + "/protocol/openid-connect/logout?")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        HttpResponse<String> back = browser.get(endSession);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(TestBrowser.location(back)).isEqualTo(BASE_URL + "/");

        // Logged out of both: the app sends the browser to the provider, which asks for the password again.
        HttpResponse<String> again = browser.follow(browser.get(BASE_URL + "/test/page"), REALM + "/login");
        assertThat(TestBrowser.location(again)).isEqualTo(REALM + "/login");
    }

    @Test
    void pagesCarrySecurityHeadersAndPublicPathsNeedNoLogin() {
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> page = logIn(browser, "/test/page", TestUsers.OFFICIAL, TestUsers.PASSWORD);

        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'self'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        HttpResponse<String> health = new TestBrowser().get(BASE_URL + "/actuator/health",
                Map.of("Accept", "application/json"));
        assertThat(health.statusCode()).as(health.headers() + health.body()).isEqualTo(200);
        assertThat(new TestBrowser().get(BASE_URL + "/webjars/none.js").statusCode()).isEqualTo(404);
    }

    /** Opens {@code path}, is sent through the provider's login form, and answers the page after returning. */
    private HttpResponse<String> logIn(TestBrowser browser, String path, String username, String password) {
        HttpResponse<String> toLogin = browser.follow(browser.get(BASE_URL + path), REALM + "/login");
        assertThat(TestBrowser.location(toLogin)).isEqualTo(REALM + "/login");
        HttpResponse<String> form = browser.get(REALM + "/login");
        HttpResponse<String> afterLogin = browser.postForm(REALM + "/login", Map.of("username", username,
                "password", password, "_csrf", TestBrowser.csrfToken(form.body())));
        assertThat(afterLogin.statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.follow(afterLogin, null);
        assertThat(page.uri().getPath()).isEqualTo(path);
        return page;
    }
}
