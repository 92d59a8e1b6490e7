package vn.lienthong.directory.identity;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The API chain with bearer tokens: 401 without a good token, 403 without the role, never data. */
class BearerApiTests extends EmbeddedIdentityTestSupport {

    private final TestBrowser client = new TestBrowser();
    private static String adminToken;
    private static String officialToken;

    @BeforeEach
    void tokens() {
        if (adminToken == null) {
            adminToken = (String) new CodeFlow(appClient)
                    .tokensFor(TestUsers.ADMIN, TestUsers.PASSWORD).get("access_token");
            officialToken = (String) new CodeFlow(appClient)
                    .tokensFor(TestUsers.OFFICIAL, TestUsers.PASSWORD).get("access_token");
        }
    }

    @Test
    void requestWithoutTokenGets401AsJson() {
        HttpResponse<String> response = client.get(BASE_URL + "/api/test/me", Map.of("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertThat(CodeFlow.json(response.body())).containsEntry("status", 401).doesNotContainKey("name");
    }

    @Test
    void malformedTokenGets401() {
        HttpResponse<String> response = call("/api/test/me", "not-a-jwt");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
    }

    @Test
    void tokenSignedWithAnotherKeyGets401() throws Exception {
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("x").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("x").build(),
                new JWTClaimsSet.Builder().issuer(REALM).subject("quantri").audience(appClient.id())
                        .claim("preferred_username", "quantri").claim("roles", List.of("system-admin"))
                        .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        forged.sign(new RSASSASigner(foreign));

        HttpResponse<String> response = call("/api/test/system-admin", forged.serialize());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("chỉ dành cho quản trị");
    }

    @Test
    void validTokenWithTheRoleGets200AndIsNamedByPreferredUsername() {
        HttpResponse<String> response = call("/api/test/system-admin", adminToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CodeFlow.json(response.body())).containsEntry("name", "quantri");
    }

    @Test
    void validTokenWithoutTheRoleGets403AsJsonWithoutData() {
        HttpResponse<String> response = call("/api/test/system-admin", officialToken);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(CodeFlow.json(response.body())).containsEntry("status", 403);
        assertThat(response.body()).doesNotContain("chỉ dành cho quản trị");
    }

    @Test
    void realmRolesBecomeAuthorities() {
        HttpResponse<String> response = call("/api/test/me", officialToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CodeFlow.json(response.body())).containsEntry("name", "an.nguyen")
                .containsEntry("type", "JwtAuthenticationToken")
                .containsEntry("authorities", List.of("ROLE_OFFICIAL"));
    }

    @Test
    void bearerRequestsNeedNoCsrfToken() {
        HttpResponse<String> response = client.post(BASE_URL + "/api/test/echo",
                Map.of("Authorization", "Bearer " + officialToken, "Accept", "application/json"), "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).as("the API creates no session").isEmpty();
    }

    private HttpResponse<String> call(String path, String token) {
        return client.get(BASE_URL + path, Map.of("Authorization", "Bearer " + token, "Accept", "application/json"));
    }
}
