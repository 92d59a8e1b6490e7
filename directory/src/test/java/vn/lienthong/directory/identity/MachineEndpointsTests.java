package vn.lienthong.directory.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.directory.MachineEndpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Declared machine endpoints are reached without login or CSRF and get no session; nothing else opens up. */
class MachineEndpointsTests extends EmbeddedIdentityTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void declaredEndpointAnswersAPostWithoutLoginOrCsrfAndKeepsNoSession() throws Exception {
        HttpResponse<String> response = post("/api/test/hooks/ping", "s3cret");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"session\":false");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void declaredEndpointStillRefusesAWrongSecretItself() throws Exception {
        assertThat(post("/api/test/hooks/ping", "guess").statusCode()).isEqualTo(401);
    }

    @Test
    void otherApiPathsStillNeedLoginAndCsrf() throws Exception {
        HttpResponse<String> response = post("/api/test/echo", "s3cret");

        assertThat(response.statusCode()).isIn(401, 403);
        assertThat(response.body()).doesNotContain("\"name\"");
    }

    @Test
    void overlyBroadPatternsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> MachineEndpoints.of("/**"));
        assertThatIllegalArgumentException().isThrownBy(() -> MachineEndpoints.of("/api/**"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MachineEndpoints(List.of()));
    }

    private HttpResponse<String> post(String path, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE_URL + path))
                .header("X-Hook-Secret", secret)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
