package vn.lienthong.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

    /**
     * @param keystore     the client ports' keystore; {@code null} leaves the client (TLS) ports out
     * @param archiveSpool the archive spool folder; {@code null} leaves the archive mailet out
     */
    static void write(Path workDir, MailSettings settings, JamesKeys keys, JamesTls.Keystore keystore,
                      Path archiveSpool) {
        Path conf = workDir.resolve("conf");
        Map<String, String> values = new HashMap<>(Map.of(
                "@@BIND_HOST@@", settings.host(),
                "@@SMTP_PORT@@", Integer.toString(settings.smtpPort()),
                "@@IMAP_PORT@@", Integer.toString(settings.imapPort()),
                "@@WEBADMIN_PORT@@", Integer.toString(settings.webadminPort()),
                "@@DERBY_PATH@@", workDir.resolve("var/store/derby").toAbsolutePath().toString().replace('\\', '/'),
                "@@DEFAULT_DOMAIN@@", settings.defaultDomain(),
                "@@ADMIN_ID@@", settings.administratorId(),
                "@@POSTMASTER@@", "postmaster@" + settings.defaultDomain(),
                "@@MAX_MESSAGE_KB@@", Long.toString(settings.maxMessageSize().toKilobytes())));
        if (keystore != null) {
            values.put("@@TLS_BIND_HOST@@", settings.tls().bindHost());
            values.put("@@TLS_SMTP_PORT@@", Integer.toString(settings.tls().smtpPort()));
            values.put("@@TLS_IMAP_PORT@@", Integer.toString(settings.tls().imapPort()));
            values.put("@@TLS_KEYSTORE@@", "file://" + keystore.file().toAbsolutePath().toString().replace('\\', '/'));
            values.put("@@TLS_SECRET@@", keystore.password());
        }
        if (archiveSpool != null) {
            values.put("@@ARCHIVE_SPOOL@@", archiveSpool.toAbsolutePath().toString());
        }
        try {
            Files.createDirectories(conf);
            for (String name : FILES) {
                String text = section(section(template(name), "TLS", keystore != null), "ARCHIVE",
                        archiveSpool != null);
                for (Map.Entry<String, String> value : values.entrySet()) {
                    text = text.replace(value.getKey(), xmlEscape(value.getValue()));
                }
                Files.writeString(conf.resolve(name), text);
            }
            Files.writeString(conf.resolve("jwt_publickey"), keys.publicKeyPem());
            restrict(conf.resolve("smtpserver.xml"));
            restrict(conf.resolve("imapserver.xml"));
            for (String name : NOT_WIRED) {
                Files.deleteIfExists(conf.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghi được cấu hình James vào " + conf + " (cannot write James's conf)", e);
        }
    }

    /** Keeps or drops the text between {@code <!--@@NAME_BEGIN@@-->} and {@code <!--@@NAME_END@@-->}. */
    static String section(String text, String name, boolean keep) {
        String begin = "<!--@@" + name + "_BEGIN@@-->";
        String end = "<!--@@" + name + "_END@@-->";
        if (keep) {
            return text.replace(begin, "").replace(end, "");
        }
        return text.replaceAll("(?s)[ \\t]*" + Pattern.quote(begin) + ".*?" + Pattern.quote(end) + "\\R?", "");
    }

    /** The keystore's password is in these files: owner only. */
    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions apply.
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
