package vn.lienthong.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.mail.MailSettings;

/**
 * The keystore of James's client (TLS) ports: the configured one ({@code lienthong.mail.tls.keystore}), or a
 * self-signed certificate generated once into {@code <data>/james/keys/tls.p12} (with {@code keytool} of the running
 * JDK), for the client host name, {@code localhost} and {@code 127.0.0.1}; made again when the host name changes.
 */
final class JamesTls {

    /** A PKCS12 keystore and its password. */
    record Keystore(Path file, String password) {

        /** SHA-256 of the server certificate, as {@code AB:CD:...}, for officials to compare when a client asks. */
        String fingerprint() {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password.toCharArray());
                for (String alias : Collections.list(store.aliases())) {
                    Certificate certificate = store.getCertificate(alias);
                    if (certificate != null) {
                        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
                        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
                    }
                }
                return "";
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Không đọc được kho khoá TLS " + file + " (cannot read the keystore)", e);
            }
        }

        @Override
        public String toString() {
            return "Keystore[" + file + "]";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(JamesTls.class);

    private JamesTls() {
    }

    static Keystore prepare(MailSettings.Tls tls, Path keysDir) {
        if (!tls.keystore().isBlank()) {
            Path configured = Path.of(tls.keystore()).toAbsolutePath().normalize();
            if (!Files.isReadable(configured)) {
                throw new IllegalStateException("Không đọc được lienthong.mail.tls.keystore: " + configured
                        + " (the configured keystore is not readable)");
            }
            return new Keystore(configured, tls.keystorePassword());
        }
        try {
            Files.createDirectories(keysDir);
            Path file = keysDir.resolve("tls.p12");
            Path hostsFile = keysDir.resolve("tls.hosts");
            Path passwordFile = keysDir.resolve("tls-password");
            String hosts = String.join(",", names(tls.clientHost()));
            boolean current = Files.exists(file) && Files.exists(passwordFile) && Files.exists(hostsFile)
                    && Files.readString(hostsFile).strip().equals(hosts);
            if (!current) {
                String password = JamesKeys.randomSecret();
                generate(file, password, tls.clientHost(), hosts);
                JamesKeys.writeSecret(passwordFile, password);
                Files.writeString(hostsFile, hosts, StandardCharsets.UTF_8);
                log.info("Generated a self-signed TLS certificate for {} in {}", hosts, file);
            }
            return new Keystore(file, Files.readString(passwordFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được chứng chỉ TLS trong " + keysDir
                    + " (cannot create the TLS certificate)", e);
        }
    }

    /** The names the certificate is valid for: the client host, localhost and 127.0.0.1. */
    private static Set<String> names(String clientHost) {
        Set<String> names = new LinkedHashSet<>();
        names.add(clientHost.toLowerCase(Locale.ROOT));
        names.add("localhost");
        names.add("127.0.0.1");
        names.remove("0.0.0.0");
        return names;
    }

    private static void generate(Path file, String password, String clientHost, String hosts) throws IOException {
        List<String> san = new ArrayList<>();
        for (String name : hosts.split(",")) {
            san.add((isIpAddress(name) ? "ip:" : "dns:") + name);
        }
        String commonName = "0.0.0.0".equals(clientHost) ? "localhost" : clientHost;
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "james", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=" + commonName + ", O=Lien Thong", "-ext", "SAN=" + String.join(",", san),
                "-storetype", "PKCS12", "-keystore", temporary.toString(), "-storepass", password,
                "-keypass", password, "-noprompt");
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IOException("keytool failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            keytool.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while generating the TLS certificate", e);
        }
        try {
            Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions apply.
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isIpAddress(String name) {
        if (!name.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            InetAddress.getByName(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
