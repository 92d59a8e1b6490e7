package vn.lienthong.directory.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The embedded identity provider's secrets, kept in {@code <lienthong.data-dir>/identity/} so that a restart
 * does not log everyone out: the RSA signing key (JWK, {@code signing-key.json}) and the generated client secret
 * ({@code client-secret}). Both are created on first use, readable by the owner only.
 */
final class IdentityFiles {

    static final String SIGNING_KEY = "signing-key.json";
    static final String CLIENT_SECRET = "client-secret";

    private final Path folder;

    IdentityFiles(Path dataDir) {
        this.folder = dataDir.resolve("identity").toAbsolutePath().normalize();
    }

    Path folder() {
        return folder;
    }

    /** The signing key; generated (RSA 2048, RS256, kid = random) and stored on first call. */
    RSAKey signingKey() {
        String json = readOrCreate(SIGNING_KEY, () -> {
            try {
                return new RSAKeyGenerator(2048)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .keyID(UUID.randomUUID().toString())
                        .generate()
                        .toJSONString();
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Không tạo được khoá ký (cannot generate the signing key)", ex);
            }
        });
        try {
            RSAKey key = RSAKey.parse(json);
            if (!key.isPrivate()) {
                throw new IllegalStateException(folder.resolve(SIGNING_KEY) + " không chứa khoá bí mật "
                        + "(holds no private key); delete it to generate a new one");
            }
            return key;
        }
        catch (ParseException ex) {
            throw new IllegalStateException(folder.resolve(SIGNING_KEY) + " hỏng (is not a valid JWK); "
                    + "delete it to generate a new one (everyone will have to log in again)", ex);
        }
    }

    /** The app's client secret for the embedded provider: 32 random bytes, generated and stored on first call. */
    String clientSecret() {
        return readOrCreate(CLIENT_SECRET, () -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }).strip();
    }

    /** Whether the folder exists (or can be created) and is writable. */
    boolean writable() {
        try {
            createFolder();
            return Files.isWritable(folder);
        }
        catch (UncheckedIOException ex) {
            return false;
        }
    }

    private synchronized String readOrCreate(String name, java.util.function.Supplier<String> generator) {
        Path file = folder.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            createFolder();
            String content = generator.get();
            // Write a private temporary file, then move it into place, so a crash never leaves half a key.
            Path temp = Files.createTempFile(folder, name, ".tmp");
            restrictToOwner(temp, false);
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(temp, file);
            }
            catch (FileAlreadyExistsException ex) {
                Files.deleteIfExists(temp);
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            return content;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Không đọc/ghi được " + file + " (cannot read or write it); check "
                    + "lienthong.data-dir and the folder's permissions", ex);
        }
    }

    private void createFolder() {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                restrictToOwner(folder, true);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Không tạo được thư mục " + folder + " (cannot create the folder)", ex);
        }
    }

    private static void restrictToOwner(Path path, boolean directory) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
        }
        catch (UnsupportedOperationException ex) {
            // Not a POSIX file system (Windows): the data folder's own ACL applies.
        }
    }
}
