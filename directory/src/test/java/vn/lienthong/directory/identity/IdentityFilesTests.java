package vn.lienthong.directory.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The signing key and client secret survive a restart, and only their owner can read them. */
class IdentityFilesTests extends EmbeddedIdentityTestSupport {

    @Test
    void signingKeySurvivesARestart(@TempDir Path dataDir) throws Exception {
        String kid = new IdentityFiles(dataDir).signingKey().getKeyID();

        IdentityFiles afterRestart = new IdentityFiles(dataDir);

        assertThat(afterRestart.signingKey().getKeyID()).isEqualTo(kid);
        assertThat(afterRestart.signingKey().toRSAPublicKey()).isEqualTo(new IdentityFiles(dataDir).signingKey()
                .toRSAPublicKey());
    }

    @Test
    void runningProviderSignsWithTheKeyKeptInTheDataFolder() {
        String kid = new IdentityFiles(DATA_DIR).signingKey().getKeyID();

        Map<String, Object> certs = CodeFlow.json(new TestBrowser().get(REALM + "/protocol/openid-connect/certs",
                Map.of("Accept", "application/json")).body());

        assertThat(certs.get("keys")).asString().contains(kid).doesNotContain("\"d\"");
    }

    @Test
    void generatedClientSecretIsKeptAndReused(@TempDir Path dataDir) {
        String secret = new IdentityFiles(dataDir).clientSecret();

        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(new IdentityFiles(dataDir).clientSecret()).isEqualTo(secret);
        assertThat(appClient.secret()).isEqualTo(new IdentityFiles(DATA_DIR).clientSecret());
    }

    @Test
    void secretsAreReadableByTheOwnerOnly(@TempDir Path dataDir) throws Exception {
        IdentityFiles files = new IdentityFiles(dataDir);
        files.signingKey();
        files.clientSecret();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.folder()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                files.folder().resolve(IdentityFiles.SIGNING_KEY)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                files.folder().resolve(IdentityFiles.CLIENT_SECRET)))).isEqualTo("rw-------");
    }
}
