package vn.lienthong.meetings.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.stereotype.Component;

/**
 * Room tokens for Jitsi's Prosody ({@code authentication = "token"}), signed with nimbus-jose-jwt: HS256 with the
 * shared {@code app_secret}, or RS256 with our private key and its {@code kid} (Prosody fetches the public half from
 * {@code asap_key_server/<hex(sha256(kid))>.pem}).
 *
 * <pre>
 * { "iss": app-id, "aud": audience, "sub": subject, "room": "&lt;room, lower case&gt;",
 *   "iat": now, "nbf": start - token-lead, "exp": end + overtime,
 *   "context": { "user": { "id": username, "name": full name, "email": address,
 *                          "affiliation": "owner" | "member", "moderator": "true" | "false" } } }
 * </pre>
 * Every value in {@code context.user} is a string, as Prosody passes them on to the other participants and back
 * in its events. Moderators (the chair and the host unit's administrators) get both {@code affiliation: owner}
 * (for a token-affiliation plugin with auto-owner off) and {@code moderator: "true"} (as hosted Jitsi reads it).
 */
@Component
class JitsiTokens {

    /** What a token says. */
    record Grant(String room, Instant issuedAt, Instant notBefore, Instant expiresAt, String userId, String name,
                 String email, boolean moderator) {
    }

    private final MeetingsSettings.Jitsi settings;
    private final JWSSigner signer;
    private final JWSAlgorithm algorithm;

    JitsiTokens(MeetingsSettings settings) {
        this.settings = settings.jitsi();
        try {
            if (this.settings.rs256()) {
                this.algorithm = JWSAlgorithm.RS256;
                this.signer = new RSASSASigner(privateKey());
            }
            else {
                this.algorithm = JWSAlgorithm.HS256;
                this.signer = new MACSigner(this.settings.secret().getBytes(StandardCharsets.UTF_8));
            }
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("lienthong.meetings.jitsi: khoá ký không dùng được (unusable signing "
                    + "key): " + ex.getMessage(), ex);
        }
    }

    String sign(Grant grant) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", grant.userId());
        user.put("name", grant.name());
        user.put("email", grant.email());
        user.put("affiliation", grant.moderator() ? "owner" : "member");
        user.put("moderator", grant.moderator() ? "true" : "false");
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.appId())
                .audience(settings.audience())
                .subject(settings.subject())
                .claim("room", grant.room().toLowerCase(java.util.Locale.ROOT))
                .issueTime(Date.from(grant.issuedAt()))
                .notBeforeTime(Date.from(grant.notBefore()))
                .expirationTime(Date.from(grant.expiresAt()))
                .claim("context", Map.of("user", user))
                .build();
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT);
        if (algorithm == JWSAlgorithm.RS256) {
            header.keyID(settings.keyId());
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not sign a room token", ex);
        }
        return jwt.serialize();
    }

    /** A PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) RSA key. */
    private RSAPrivateKey privateKey() {
        String pem;
        try {
            pem = Files.readString(settings.privateKey());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("lienthong.meetings.jitsi.private-key: không đọc được " + settings
                    .privateKey() + " (cannot read)", ex);
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException("lienthong.meetings.jitsi.private-key phải là khoá PKCS#8 PEM (BEGIN "
                    + "PRIVATE KEY); chuyển bằng: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        }
        catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
            throw new IllegalStateException("lienthong.meetings.jitsi.private-key: không phải khoá RSA hợp lệ "
                    + "(not a valid RSA key)", ex);
        }
    }
}
