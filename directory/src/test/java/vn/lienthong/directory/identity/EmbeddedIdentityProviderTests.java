package vn.lienthong.directory.identity;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;

import vn.lienthong.directory.Official;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded provider, seen from outside as an OIDC client sees Keycloak. */
class EmbeddedIdentityProviderTests extends EmbeddedIdentityTestSupport {

    @Test
    void discoveryDocumentHasKeycloakShapedIssuerAndEndpoints() {
        HttpResponse<String> response = new TestBrowser().get(REALM + "/.well-known/openid-configuration",
                Map.of("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> discovery = CodeFlow.json(response.body());
        assertThat(discovery).containsEntry("issuer", REALM)
                .containsEntry("authorization_endpoint", REALM + "/protocol/openid-connect/auth")
                .containsEntry("token_endpoint", REALM + "/protocol/openid-connect/token")
                .containsEntry("jwks_uri", REALM + "/protocol/openid-connect/certs")
                .containsEntry("userinfo_endpoint", REALM + "/protocol/openid-connect/userinfo")
                .containsEntry("end_session_endpoint", REALM + "/protocol/openid-connect/logout");
    }

    @Test
    void authorizationCodeFlowIssuesTokensWithKeycloakClaimsVerifiableAgainstTheCertsEndpoint() throws Exception {
        Map<String, Object> tokens = new CodeFlow(appClient).tokensFor(TestUsers.ADMIN, TestUsers.PASSWORD);

        JWTClaimsSet access = verify((String) tokens.get("access_token"));
        assertThat(access.getIssuer()).isEqualTo(REALM);
        assertThat(access.getAudience()).contains(appClient.id());
        assertThat(access.getExpirationTime()).isAfter(new Date());
        assertThat(access.getStringClaim("preferred_username")).isEqualTo("quantri");
        Official admin = directory.findOfficialByUsername("quantri").orElseThrow();
        assertThat(access.getStringClaim("name")).isEqualTo(admin.fullName()).isNotBlank();
        assertThat(access.getStringClaim("email")).isEqualTo(admin.email()).contains("@");
        assertThat(access.getJSONObjectClaim("realm_access").get("roles"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("system-admin", "official");
        assertThat(access.getStringListClaim("roles")).containsExactlyInAnyOrder("system-admin", "official");

        JWTClaimsSet id = verify((String) tokens.get("id_token"));
        assertThat(id.getIssuer()).isEqualTo(REALM);
        assertThat(id.getAudience()).containsExactly(appClient.id());
        assertThat(id.getStringClaim("nonce")).isEqualTo(tokens.get("nonce"));
        assertThat(id.getStringClaim("preferred_username")).isEqualTo("quantri");
        assertThat(id.getStringClaim("name")).isEqualTo(admin.fullName());
        assertThat(id.getStringClaim("email")).isEqualTo(admin.email());
        assertThat(id.getStringListClaim("roles")).containsExactlyInAnyOrder("system-admin", "official");
        assertThat(tokens.get("refresh_token")).isNotNull();
    }

    @Test
    void userInfoEndpointAnswersTheOfficialsClaimsForTheAccessToken() {
        CodeFlow flow = new CodeFlow(appClient);
        Map<String, Object> tokens = flow.tokensFor(TestUsers.OFFICIAL, TestUsers.PASSWORD);

        HttpResponse<String> response = flow.browser().get(REALM + "/protocol/openid-connect/userinfo",
                Map.of("Authorization", "Bearer " + tokens.get("access_token"), "Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CodeFlow.json(response.body())).containsEntry("preferred_username", "an.nguyen")
                .containsEntry("name", "Nguyễn Văn An").containsEntry("roles", List.of("official"));
    }

    @Test
    void refreshTokenGivesANewAccessTokenWithTheRoles() throws Exception {
        CodeFlow flow = new CodeFlow(appClient);
        Map<String, Object> tokens = flow.tokensFor(TestUsers.OFFICIAL, TestUsers.PASSWORD);

        HttpResponse<String> refreshed = flow.exchange(Map.of("grant_type", "refresh_token",
                "refresh_token", (String) tokens.get("refresh_token")));

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JWTClaimsSet access = verify((String) CodeFlow.json(refreshed.body()).get("access_token"));
        assertThat(access.getStringClaim("preferred_username")).isEqualTo("an.nguyen");
        assertThat(access.getStringListClaim("roles")).containsExactly("official");
    }

    @Test
    void wrongPasswordIsRefusedWithAVietnameseMessageAndNoCode() {
        CodeFlow flow = new CodeFlow(appClient);

        HttpResponse<String> refused = flow.submitLogin(TestUsers.ADMIN, "sai-mat-khau");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(TestBrowser.location(refused)).isEqualTo(REALM + "/login?error=credentials");
        HttpResponse<String> page = flow.browser().get(TestBrowser.location(refused));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"vi\"")
                .contains("Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng thử lại.")
                .contains("role=\"alert\"");
    }

    @Test
    void unknownUserGetsTheSameMessageAsAWrongPassword() {
        CodeFlow flow = new CodeFlow(appClient);

        HttpResponse<String> refused = flow.submitLogin("khong.ton.tai", "bat-ky");

        assertThat(TestBrowser.location(refused)).isEqualTo(REALM + "/login?error=credentials");
    }

    @Test
    void deactivatedOfficialCannotLogInEvenWithTheRightPassword() {
        CodeFlow flow = new CodeFlow(appClient);

        HttpResponse<String> refused = flow.submitLogin(TestUsers.INACTIVE, TestUsers.PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(302);
        // The directory hands out no password for a deactivated official, so the answer is the generic one:
        // nothing tells a guesser that the account exists.
        assertThat(TestBrowser.location(refused)).startsWith(REALM + "/login?error=");
        HttpResponse<String> page = flow.browser().get(TestBrowser.location(refused));
        assertThat(page.body()).contains("role=\"alert\"");
        assertThat(flow.browser().get(flow.authorizeUrl("s", "n")).statusCode())
                .as("still not logged in at the provider").isEqualTo(302);
        assertThat(TestBrowser.location(flow.browser().get(flow.authorizeUrl("s", "n"))))
                .isEqualTo(REALM + "/login");
    }

    @Test
    void loginPageIsVietnameseFirstAccessibleAndLockedDownByItsOwnPolicy() {
        HttpResponse<String> page = new TestBrowser().get(REALM + "/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"vi\">").contains("Liên Thông")
                .contains("<label for=\"username\">Tên đăng nhập</label>")
                .contains("<label for=\"password\">Mật khẩu</label>")
                .contains("autocomplete=\"current-password\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'none'").contains(LoginPage.CSS_HASH_SOURCE).contains("frame-ancestors 'none'");
        assertThat(new TestBrowser().get(REALM + "/login?lang=en").body()).contains("<html lang=\"en\">")
                .contains("Username");
    }

    @Test
    void codeIsOnlyIssuedForTheRegisteredRedirectUri() {
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> response = browser.get(REALM + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=" + appClient.id() + "&scope=openid&state=s"
                + "&redirect_uri=https%3A%2F%2Fevil.example%2Fcallback");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    /** Verifies a token the way an outside party would: keys fetched from the certs endpoint over HTTP. */
    static JWTClaimsSet verify(String token) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(new URL(REALM + "/protocol/openid-connect/certs")).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        JWTClaimsSet claims = processor.process(token, null);
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
        return claims;
    }
}
