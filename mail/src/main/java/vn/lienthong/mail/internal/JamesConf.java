package vn.lienthong.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import vn.lienthong.mail.MailSettings;

/**
 * Writes James's {@code conf/} from our settings at every start, so the files always say what the settings say:
 * loopback binds, SMTP AUTH with identity checks and no relay addresses, IMAP IDLE, WebAdmin behind our JWT key,
 * JPA on Derby at an absolute path, no domain autodetection, virtual hosting with our administrator.
 */
final class JamesConf {

    private static final String TEMPLATES = "/vn/lienthong/mail/internal/james-conf/";
    private static final List<String> FILES = List.of("smtpserver.xml", "imapserver.xml", "webadmin.properties",
            "james-database.properties", "domainlist.xml", "usersrepository.xml", "recipientrewritetable.xml",
            "dnsservice.xml", "jmx.properties", "mailetcontainer.xml");
    /** Servers and mailets James would otherwise configure from leftovers of an older layout. */
    private static final List<String> NOT_WIRED = List.of("pop3server.xml", "lmtpserver.xml", "managesieveserver.xml",
            "jmap.properties");

    private JamesConf() {
    }

    static void write(Path workDir, MailSettings settings, JamesKeys keys) {
        Path conf = workDir.resolve("conf");
        Map<String, String> values = Map.of(
                "@@BIND_HOST@@", settings.host(),
                "@@SMTP_PORT@@", Integer.toString(settings.smtpPort()),
                "@@IMAP_PORT@@", Integer.toString(settings.imapPort()),
                "@@WEBADMIN_PORT@@", Integer.toString(settings.webadminPort()),
                "@@DERBY_PATH@@", workDir.resolve("var/store/derby").toAbsolutePath().toString().replace('\\', '/'),
                "@@DEFAULT_DOMAIN@@", settings.defaultDomain(),
                "@@ADMIN_ID@@", settings.administratorId(),
                "@@POSTMASTER@@", "postmaster@" + settings.defaultDomain(),
                "@@MAX_MESSAGE_KB@@", Long.toString(settings.maxMessageSize().toKilobytes()));
        try {
            Files.createDirectories(conf);
            for (String name : FILES) {
                String text = template(name);
                for (Map.Entry<String, String> value : values.entrySet()) {
                    text = text.replace(value.getKey(), xmlEscape(value.getValue()));
                }
                Files.writeString(conf.resolve(name), text);
            }
            Files.writeString(conf.resolve("jwt_publickey"), keys.publicKeyPem());
            for (String name : NOT_WIRED) {
                Files.deleteIfExists(conf.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghi được cấu hình James vào " + conf + " (cannot write James's conf)", e);
        }
    }

    private static String template(String name) throws IOException {
        try (InputStream in = JamesConf.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing James configuration template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String xmlEscape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
