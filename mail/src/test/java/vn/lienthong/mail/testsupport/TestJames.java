package vn.lienthong.mail.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.util.unit.DataSize;

import vn.lienthong.mail.MailSettings;
import vn.lienthong.mail.internal.JamesConnection;
import vn.lienthong.mail.internal.JamesServer;

/**
 * A real, embedded James for tests: started once per test JVM on free loopback ports under a temporary folder,
 * shared by every test class, stopped when the JVM ends. Also the SMTP/IMAP client calls tests need.
 *
 * <p>Tests must not depend on each other's data: use {@link #uniqueAddress(String)} for accounts.
 */
public final class TestJames {

    public static final String DOMAIN = "baclieu.gov.vn";
    private static JamesServer shared;
    private static MailSettings sharedSettings;

    private TestJames() {
    }

    /** The shared James, started (and waited for) on first use. */
    public static synchronized JamesServer shared() {
        if (shared == null) {
            Path dataDir = temporaryFolder("lienthong-james-shared");
            MailSettings[] settings = new MailSettings[1];
            JamesServer james = start(dataDir, settings);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                james.supervisor().ifPresent(supervisor -> supervisor.stop());
                deleteQuietly(dataDir);
            }, "test-james-stop"));
            shared = james;
            sharedSettings = settings[0];
        }
        return shared;
    }

    /** The settings the shared James runs with (ports, TLS). */
    public static synchronized MailSettings sharedSettings() {
        shared();
        return sharedSettings;
    }

    /**
     * A James of its own on {@code dataDir} (e.g. for restart tests), started and healthy; the caller stops it.
     *
     * <p>Free ports are found by opening and closing a socket, so another process can take one before James binds
     * it. When James says so ("Address already in use"), this tries again on other ports; any other failure is
     * the test's failure.
     */
    public static JamesServer start(Path dataDir) {
        return start(dataDir, new MailSettings[1]);
    }

    /** The same, handing back the settings it started with in {@code used[0]}. */
    private static JamesServer start(Path dataDir, MailSettings[] used) {
        for (int attempt = 1; ; attempt++) {
            try {
                used[0] = settings();
                return start(dataDir, used[0]);
            } catch (IllegalStateException e) {
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    /** The same with the given settings (e.g. other JVM options for a benchmark). */
    public static JamesServer start(Path dataDir, MailSettings settings) {
        JamesServer james = JamesServer.create(settings, dataDir);
        james.supervisor().orElseThrow().start();
        return james;
    }

    /** Embedded settings on free loopback ports, with the defaults of {@code lienthong.mail}. */
    public static MailSettings settings() {
        return settings(freePorts(1)[0]);
    }

    /** The same with a given SMTP port (e.g. one that is taken). */
    public static MailSettings settings(int smtpPort) {
        int[] ports = freePorts(5);
        return new MailSettings(true, MailSettings.Mode.EMBEDDED, DOMAIN, "127.0.0.1", smtpPort, ports[1], ports[2],
                "", "", null, "", List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), "",
                Duration.ofSeconds(180), Duration.ofSeconds(20), Duration.ofSeconds(10), DataSize.ofMegabytes(25), "",
                new MailSettings.Tls(true, "127.0.0.1", "localhost", ports[3], ports[4], "", ""), null);
    }

    /** A fresh address in the test domain, so tests sharing one James never see each other's mail. */
    public static String uniqueAddress(String name) {
        return name + "." + Long.toString(System.nanoTime(), 36) + "@" + DOMAIN;
    }

    // SMTP and IMAP

    /** Submits a message over SMTP, authenticated as {@code login} (no authentication when login is null). */
    public static void send(JamesConnection james, String login, String password, String from, String subject,
                            String body, String... to) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", james.host());
        properties.put("mail.smtp.port", Integer.toString(james.smtpPort()));
        properties.put("mail.smtp.auth", Boolean.toString(login != null));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        for (String recipient : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        if (login == null) {
            Transport.send(message);
        } else {
            Transport.send(message, login, password);
        }
    }

    /** An IMAP store logged in as {@code user} with its own password. */
    public static Store imap(JamesConnection james, String user, String password) throws MessagingException {
        Store store = Session.getInstance(imapProperties(james)).getStore("imap");
        store.connect(james.host(), james.imapPort(), user, password);
        return store;
    }

    /**
     * An IMAP store where {@code login} authenticates with its password and asks (SASL PLAIN authorisation
     * identity) to act as {@code actAs}: how the webmail opens an official's mailbox as the administrator.
     */
    public static Store imapActingAs(JamesConnection james, String login, String password, String actAs)
            throws MessagingException {
        Properties properties = imapProperties(james);
        properties.put("mail.imap.sasl.enable", "true");
        properties.put("mail.imap.sasl.mechanisms", "PLAIN");
        properties.put("mail.imap.sasl.authorizationid", actAs);
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(james.host(), james.imapPort(), login, password);
        return store;
    }

    private static Properties imapProperties(JamesConnection james) {
        Properties properties = new Properties();
        properties.put("mail.imap.host", james.host());
        properties.put("mail.imap.port", Integer.toString(james.imapPort()));
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "10000");
        return properties;
    }

    // Plumbing

    public static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temporary folder: the OS cleans what is left.
        }
    }

    private static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        int[] ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // Closing a probe socket.
                    }
                }
            }
        }
    }
}
