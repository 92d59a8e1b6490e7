package vn.lienthong.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The deploy scripts, run for real with bash and openssl. */
class ScriptsTests {

    private static final Path JAMES_SCRIPTS = Path.of("docker/james");

    @TempDir
    Path temp;

    @Test
    void everyShellScriptIsExecutableAndPassesBashSyntaxCheck() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            scripts = files.filter(file -> file.toString().endsWith(".sh"))
                    .filter(file -> !file.startsWith("./target") && !file.startsWith("./src")).sorted().toList();
        }
        assertThat(scripts).extracting(file -> file.getFileName().toString())
                .contains("backup.sh", "restore.sh", "make-secrets.sh", "james-entrypoint.sh", "james-init.sh",
                        "webadmin-token.sh", "lienthong-rabbitmq.sh", "10-keycloak.sh");
        for (Path script : scripts) {
            assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
            Shell.Result result = Shell.run(Map.of(), List.of("bash", "-n", script.toString()));
            assertThat(result.exitCode()).as(script + ": " + result.err()).isZero();
        }
    }

    @Test
    void webadminTokenIsAnRs256AdminJwtSignedWithTheGivenKey() throws Exception {
        KeyPair pair = rsa();
        Path key = temp.resolve("webadmin-jwt.key");
        Files.writeString(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

        Shell.Result result = Shell.run(Map.of(), List.of("bash", JAMES_SCRIPTS.resolve("webadmin-token.sh").toString(),
                key.toString(), "lienthong-init", "300"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        String[] parts = result.out().strip().split("\\.");
        assertThat(parts).hasSize(3);
        Base64.Decoder base64 = Base64.getUrlDecoder();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(base64.decode(parts[0])).path("alg").asText()).isEqualTo("RS256");
        JsonNode claims = json.readTree(base64.decode(parts[1]));
        assertThat(claims.path("sub").asText()).isEqualTo("lienthong-init");
        assertThat(claims.path("admin").asBoolean()).isTrue();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pair.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(base64.decode(parts[2]))).as("signature").isTrue();

        Shell.Result refused = Shell.run(Map.of(), List.of("bash", JAMES_SCRIPTS.resolve("webadmin-token.sh").toString(),
                key.toString(), "a\"b"));
        assertThat(refused.exitCode()).isNotZero();
    }

    @Test
    void jamesEntrypointFillsEveryConfigurationTemplateOfTheMailModule() throws Exception {
        Path templates = mailTemplates();
        Path home = temp.resolve("home");
        Path spool = temp.resolve("spool");
        Path keystore = temp.resolve("tls.p12");
        Files.write(keystore, new byte[] {1, 2, 3});
        Path publicKey = temp.resolve("webadmin.pub");
        Files.writeString(publicKey, pem("PUBLIC KEY", rsa().getPublic().getEncoded()));
        String password = "p&ss|w<rd\\1";

        Shell.Result result = Shell.run(Map.of("JAMES_TEMPLATES", templates.toString(),
                "MAIL_DOMAIN", "baclieu.gov.vn", "JAMES_SPOOL_DIR", spool.toString(),
                "JAMES_TLS_KEYSTORE", keystore.toString(), "JAMES_TLS_KEYSTORE_PASSWORD", password,
                "JAMES_WEBADMIN_PUBLIC_KEY", publicKey.toString()),
                List.of("bash", JAMES_SCRIPTS.resolve("james-entrypoint.sh").toString(), "--render-only",
                        home.toString()));

        assertThat(result.exitCode()).as(result.all()).isZero();
        Path conf = home.resolve("conf");
        try (Stream<Path> files = Files.list(templates)) {
            for (Path template : files.toList()) {
                Path rendered = conf.resolve(template.getFileName());
                assertThat(rendered).exists();
                assertThat(Files.readString(rendered)).as(rendered.toString()).doesNotContain("@@");
                if (rendered.toString().endsWith(".xml")) {
                    parse(rendered);
                }
            }
        }
        assertThat(conf.resolve("jwt_publickey")).hasSameTextualContentAs(publicKey);

        Document smtp = parse(conf.resolve("smtpserver.xml"));
        NodeList servers = smtp.getElementsByTagName("smtpserver");
        assertThat(servers.getLength()).as("app port and client port").isEqualTo(2);
        for (int i = 0; i < servers.getLength(); i++) {
            Element server = (Element) servers.item(i);
            assertThat(text(server, "verifyIdentity")).isEqualTo("false");
            NodeList handlers = server.getElementsByTagName("handler");
            List<String> classes = Stream.iterate(0, n -> n + 1).limit(handlers.getLength())
                    .map(n -> ((Element) handlers.item(n)).getAttribute("class")).toList();
            assertThat(classes).as("our identity check comes before James's own handlers")
                    .startsWith(i == 0 ? new String[] {"vn.lienthong.mail.james.SubmissionIdentityHook"}
                            : new String[] {"vn.lienthong.mail.james.AuthRequiresTlsHandler",
                                    "vn.lienthong.mail.james.SubmissionIdentityHook"});
        }
        assertThat(((Element) servers.item(0)).getElementsByTagName("bind").item(0).getTextContent())
                .isEqualTo("0.0.0.0:2525");
        assertThat(((Element) servers.item(1)).getElementsByTagName("secret").item(0).getTextContent())
                .isEqualTo(password);
        assertThat(((Element) servers.item(1)).getElementsByTagName("keystore").item(0).getTextContent())
                .isEqualTo("file://" + keystore);

        Document mailets = parse(conf.resolve("mailetcontainer.xml"));
        NodeList all = mailets.getElementsByTagName("mailet");
        Element archive = null;
        for (int i = 0; i < all.getLength(); i++) {
            if (((Element) all.item(i)).getAttribute("class").equals("vn.lienthong.mail.james.ArchiveSpool")) {
                archive = (Element) all.item(i);
            }
        }
        assertThat(archive).as("the archive spool mailet").isNotNull();
        assertThat(text(archive, "folder")).isEqualTo(spool.toString());
        assertThat(Files.readString(conf.resolve("usersrepository.xml")))
                .contains("<administratorId>lienthong-admin@baclieu.gov.vn</administratorId>");
        assertThat(Files.readString(conf.resolve("webadmin.properties"))).contains("host=0.0.0.0", "jwt.enabled=true");
    }

    @Test
    void jamesEntrypointRefusesATemplateItCannotFill() throws Exception {
        Path templates = mailTemplates();
        Files.writeString(templates.resolve("newserver.xml"), "<x>@@SOMETHING_NEW@@</x>\n");
        Path keystore = Files.write(temp.resolve("tls.p12"), new byte[] {1});
        Path publicKey = Files.writeString(temp.resolve("pub.pem"), "key");

        Shell.Result result = Shell.run(Map.of("JAMES_TEMPLATES", templates.toString(), "MAIL_DOMAIN", "a.gov.vn",
                "JAMES_SPOOL_DIR", temp.resolve("spool").toString(), "JAMES_TLS_KEYSTORE", keystore.toString(),
                "JAMES_TLS_KEYSTORE_PASSWORD", "x", "JAMES_WEBADMIN_PUBLIC_KEY", publicKey.toString()),
                List.of("bash", JAMES_SCRIPTS.resolve("james-entrypoint.sh").toString(), "--render-only",
                        temp.resolve("home").toString()));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("unfilled placeholders").contains("newserver.xml");
    }

    @Test
    void jamesEntrypointRendersTheDistributedFlavourWithItsBackends() throws Exception {
        Path templates = mailTemplates();
        Path keystore = Files.write(temp.resolve("tls.p12"), new byte[] {1});
        Path publicKey = Files.writeString(temp.resolve("pub.pem"), "key");
        Map<String, String> environment = new java.util.HashMap<>(Map.of("JAMES_TEMPLATES", templates.toString(),
                "MAIL_DOMAIN", "baclieu.gov.vn", "JAMES_SPOOL_DIR", "/srv/lienthong/mail-spool",
                "JAMES_TLS_KEYSTORE", keystore.toString(), "JAMES_TLS_KEYSTORE_PASSWORD", "x",
                "JAMES_WEBADMIN_PUBLIC_KEY", publicKey.toString(), "JAMES_FLAVOUR", "distributed",
                "JAMES_EXTRA_CONF", Path.of("james-distributed/conf").toString()));
        List<String> command = List.of("bash", JAMES_SCRIPTS.resolve("james-entrypoint.sh").toString(),
                "--render-only", temp.resolve("home").toString());

        Shell.Result missing = Shell.run(environment, command);
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("needs the environment variable");

        environment.putAll(Map.of("JAMES_CASSANDRA_NODES", "cassandra-1,cassandra-2,cassandra-3",
                "JAMES_CASSANDRA_USER", "james", "JAMES_CASSANDRA_PASSWORD", "c&p|w",
                "JAMES_OPENSEARCH_HOSTS", "os-1:9200", "JAMES_OPENSEARCH_USER", "james",
                "JAMES_OPENSEARCH_PASSWORD", "o", "JAMES_RABBITMQ_USER", "james", "JAMES_RABBITMQ_PASSWORD", "r",
                "JAMES_RABBITMQ_HOST", "mq-1", "JAMES_RABBITMQ_HOSTS", "mq-1:5671,mq-2:5671"));
        environment.putAll(Map.of("JAMES_S3_ENDPOINT", "https://s3.example.gov.vn/", "JAMES_S3_REGION", "vn-1",
                "JAMES_S3_ACCESS_KEY", "a", "JAMES_S3_SECRET_KEY", "s"));
        Shell.Result result = Shell.run(environment, command);

        assertThat(result.exitCode()).as(result.all()).isZero();
        Path conf = temp.resolve("home/conf");
        assertThat(conf.resolve("james-database.properties")).doesNotExist();
        assertThat(Files.readString(conf.resolve("mailetcontainer.xml"))).doesNotContain("jpa://")
                .contains("cassandra://var/mail/error/").contains("vn.lienthong.mail.james.ArchiveSpool");
        assertThat(Files.readString(conf.resolve("cassandra.properties")))
                .contains("cassandra.nodes=cassandra-1,cassandra-2,cassandra-3", "cassandra.password=c&p|w");
        assertThat(Files.readString(conf.resolve("rabbitmq.properties"))).contains("uri=amqps://james:r@mq-1:5671/james");
        try (Stream<Path> files = Files.list(conf)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("@@");
            }
        }
    }

    @Test
    void makeSecretsFillsEveryPlaceholderAndMakesKeysTheJvmReads() throws Exception {
        Files.copy(Compose.FOLDER.resolve(".env.example"), temp.resolve(".env.example"));

        Shell.Result result = Shell.run(Map.of(), List.of("bash", Compose.FOLDER.resolve("make-secrets.sh").toString(),
                temp.toString()));

        assertThat(result.exitCode()).as(result.all()).isZero();
        Map<String, String> env = Compose.environmentFile(temp.resolve(".env"), false);
        Map<String, String> example = Compose.environmentFile(temp.resolve(".env.example"), false);
        assertThat(env.keySet()).containsExactlyElementsOf(example.keySet());
        example.forEach((key, value) -> {
            if (value.equals("CHANGE_ME")) {
                assertThat(env.get(key)).as(key).matches("[0-9a-f]{48}");
            } else {
                assertThat(env.get(key)).as(key).isEqualTo(value);
            }
        });
        assertThat(env.get("JITSI_JWT_SECRET")).isNotEqualTo(env.get("JITSI_HOOK_SECRET"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve(".env"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("secrets"))))
                .isEqualTo("rwx------");

        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(unpem(temp.resolve("secrets/webadmin-jwt.key"))));
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(unpem(temp.resolve("secrets/webadmin-jwt.pub"))));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(new byte[] {42});
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(new byte[] {42});
        assertThat(verifier.verify(signer.sign())).as("the two halves belong together").isTrue();

        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(temp.resolve("secrets/james-tls.p12"))) {
            keystore.load(in, env.get("JAMES_TLS_PASSWORD").toCharArray());
        }
        X509Certificate certificate = (X509Certificate) keystore.getCertificate("james");
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=" + env.get("MAIL_HOST"));
        assertThat(keystore.isKeyEntry("james")).isTrue();

        String first = Files.readString(temp.resolve(".env"));
        Shell.Result again = Shell.run(Map.of(), List.of("bash", Compose.FOLDER.resolve("make-secrets.sh").toString(),
                temp.toString()));
        assertThat(again.exitCode()).isZero();
        assertThat(Files.readString(temp.resolve(".env"))).as("a second run keeps the secrets").isEqualTo(first);
    }

    /** The mail module's James templates, from its jar, into a folder. */
    private Path mailTemplates() throws IOException {
        Path templates = Files.createDirectories(temp.resolve("templates"));
        Resource[] resources = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:vn/lienthong/mail/internal/james-conf/*");
        assertThat(resources).hasSizeGreaterThan(5);
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, templates.resolve(resource.getFilename()));
            }
        }
        return templates;
    }

    private static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(xml)));
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(Path file) throws IOException {
        return Base64.getMimeDecoder().decode(Files.readString(file).replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
