package vn.lienthong.mail.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The app's secrets for James, generated once and kept under {@code <data>/james/keys} (owner-only files):
 * the RSA key that signs WebAdmin JWTs (James gets the public half) and the administrator's password.
 */
public final class JamesKeys {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final Duration TOKEN_RENEWAL = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RSAPrivateCrtKey privateKey;
    private final String administratorPassword;
    private final Clock clock;
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    private JamesKeys(RSAPrivateCrtKey privateKey, String administratorPassword, Clock clock) {
        this.privateKey = privateKey;
        this.administratorPassword = administratorPassword;
        this.clock = clock;
    }

    /** Loads the keys from {@code folder}, creating any that are missing. */
    public static JamesKeys loadOrCreate(Path folder) {
        try {
            Files.createDirectories(folder);
            Path keyFile = folder.resolve("webadmin-jwt.key");
            if (!Files.exists(keyFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writeSecret(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            Path passwordFile = folder.resolve("administrator-password");
            if (!Files.exists(passwordFile)) {
                writeSecret(passwordFile, randomSecret());
            }
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(keyFile))));
            return new JamesKeys((RSAPrivateCrtKey) key, Files.readString(passwordFile).strip(), Clock.systemUTC());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Không đọc/tạo được khoá cho James trong " + folder
                    + " (cannot read or create James's keys)", e);
        }
    }

    /** A random secret of 32 bytes, URL-safe: for passwords nobody types. */
    public static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String administratorPassword() {
        return administratorPassword;
    }

    /** The public key in PEM (X.509), as James's {@code jwt.publickeypem.url} expects it. */
    public String publicKeyPem() {
        try {
            var spec = new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent());
            return pem("PUBLIC KEY", KeyFactory.getInstance("RSA").generatePublic(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short-lived RS256 JWT with {@code admin: true}, renewed a little before it expires. */
    public synchronized String adminToken() {
        Instant now = clock.instant();
        if (token == null || now.isAfter(tokenExpiry.minus(TOKEN_RENEWAL))) {
            tokenExpiry = now.plus(TOKEN_LIFETIME);
            token = sign("{\"sub\":\"lienthong-app\",\"admin\":true,\"iat\":" + now.getEpochSecond()
                    + ",\"exp\":" + tokenExpiry.getEpochSecond() + "}");
        }
        return token;
    }

    private String sign(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeSecret(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content);
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions apply.
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
