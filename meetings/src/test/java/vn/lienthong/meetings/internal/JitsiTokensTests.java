package vn.lienthong.meetings.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Room tokens checked the way Prosody's token rules read them, with an independent JWT library (Auth0 java-jwt):
 * signature (HS256 with the app secret, RS256 with the key id), iss, aud, sub, room, nbf, exp, context.user.
 */
class JitsiTokensTests {

    private static final String SECRET = "prosody-app-secret-of-at-least-32-characters";
    /** java-jwt checks against the real clock: the windows are placed around it. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant NBF = NOW.minusSeconds(300);
    private static final Instant EXP = NOW.plusSeconds(7200);

    @Test
    void hs256TokenCarriesEveryClaimProsodyChecks() {
        JitsiTokens tokens = new JitsiTokens(TestSettings.of(Map.of("lienthong.meetings.jitsi.secret", SECRET,
                "lienthong.meetings.jitsi.app-id", "lienthong", "lienthong.meetings.jitsi.audience", "jitsi",
                "lienthong.meetings.jitsi.subject", "meet.baclieu.gov.vn")));

        String jwt = tokens.sign(grant("LtRoomAbc", true));
        DecodedJWT token = verifier(Algorithm.HMAC256(SECRET)).withClaim("room", "ltroomabc").build()
                .verify(jwt);

        assertThat(token.getAlgorithm()).isEqualTo("HS256");
        assertThat(token.getType()).isEqualTo("JWT");
        assertThat(token.getIssuer()).isEqualTo("lienthong");
        assertThat(token.getAudience()).containsExactly("jitsi");
        assertThat(token.getSubject()).isEqualTo("meet.baclieu.gov.vn");
        assertThat(token.getClaim("room").asString()).as("lower case, as Prosody compares it").isEqualTo("ltroomabc");
        assertThat(token.getNotBeforeAsInstant()).isEqualTo(NBF);
        assertThat(token.getExpiresAtAsInstant()).isEqualTo(EXP);
        assertThat(token.getIssuedAtAsInstant()).isEqualTo(NOW);
        Map<String, Object> user = user(token);
        assertThat(user).containsExactly(Map.entry("id", "an.nguyen"), Map.entry("name", "Nguyễn Văn An"),
                Map.entry("email", "an.nguyen@baclieu.gov.vn"), Map.entry("affiliation", "owner"),
                Map.entry("moderator", "true"));
        assertThat(user.values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
    }

    @Test
    void memberTokenIsNotAModerator() {
        JitsiTokens tokens = new JitsiTokens(TestSettings.of(Map.of("lienthong.meetings.jitsi.secret", SECRET)));

        DecodedJWT token = verifier(Algorithm.HMAC256(SECRET)).build().verify(tokens.sign(grant("r", false)));

        assertThat(user(token)).containsEntry("affiliation", "member").containsEntry("moderator", "false");
    }

    @Test
    void tokenIsRefusedWithAnotherSecretAfterExpiryBeforeNotBeforeAndForAnotherRoom() {
        JitsiTokens tokens = new JitsiTokens(TestSettings.of(Map.of("lienthong.meetings.jitsi.secret", SECRET)));
        String jwt = tokens.sign(grant("ltroomabc", false));
        String expired = tokens.sign(new JitsiTokens.Grant("ltroomabc", NOW.minusSeconds(7200),
                NOW.minusSeconds(7200), NOW.minusSeconds(60), "an.nguyen", "An", "a@b.vn", false));
        String early = tokens.sign(new JitsiTokens.Grant("ltroomabc", NOW, NOW.plusSeconds(600),
                NOW.plusSeconds(7200), "an.nguyen", "An", "a@b.vn", false));

        assertThatThrownBy(() -> verifier(Algorithm.HMAC256(SECRET + "x")).build().verify(jwt))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> verifier(Algorithm.HMAC256(SECRET)).build().verify(expired))
                .isInstanceOf(TokenExpiredException.class);
        assertThatThrownBy(() -> verifier(Algorithm.HMAC256(SECRET)).build().verify(early))
                .isInstanceOfSatisfying(IncorrectClaimException.class,
                        e -> assertThat(e.getClaimName()).isEqualTo("nbf"));
        assertThatThrownBy(() -> verifier(Algorithm.HMAC256(SECRET)).withClaim("room", "ltotherroom").build()
                .verify(jwt))
                .isInstanceOfSatisfying(IncorrectClaimException.class,
                        e -> assertThat(e.getClaimName()).isEqualTo("room"));
    }

    @Test
    void rs256TokenIsSignedWithThePrivateKeyAndNamesItsKeyId(@TempDir Path folder) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path pem = folder.resolve("jitsi.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(
                StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        JitsiTokens tokens = new JitsiTokens(TestSettings.of(Map.of("lienthong.meetings.jitsi.private-key",
                pem.toString(), "lienthong.meetings.jitsi.key-id", "lienthong-2026")));

        DecodedJWT token = verifier(Algorithm.RSA256((RSAPublicKey) keys.getPublic(), null)).build()
                .verify(tokens.sign(grant("ltroom", false)));

        assertThat(token.getAlgorithm()).isEqualTo("RS256");
        assertThat(token.getKeyId()).isEqualTo("lienthong-2026");
        assertThat(token.getClaim("room").asString()).isEqualTo("ltroom");
    }

    private static JitsiTokens.Grant grant(String room, boolean moderator) {
        return new JitsiTokens.Grant(room, NOW, NBF, EXP, "an.nguyen", "Nguyễn Văn An", "an.nguyen@baclieu.gov.vn",
                moderator);
    }

    /** What Prosody requires of every token: our issuer and audience, a room, a context, nbf and exp. */
    private static Verification verifier(Algorithm algorithm) {
        return JWT.require(algorithm).withIssuer("lienthong").withAudience("jitsi").withClaimPresence("room")
                .withClaimPresence("context").withClaimPresence("nbf").withClaimPresence("exp");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> user(DecodedJWT token) {
        return (Map<String, Object>) token.getClaim("context").asMap().get("user");
    }
}
