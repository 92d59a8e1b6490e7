package vn.lienthong.mail.internal;

import java.nio.file.Path;
import java.util.Optional;

import vn.lienthong.mail.MailSettings;

/**
 * The pieces that reach one James, assembled the same way for the app and for tests: the connection, the admin
 * token, the WebAdmin client and, in embedded mode, the supervisor of the child JVM.
 */
public final class JamesServer {

    private final JamesConnection connection;
    private final WebAdminClient administration;
    private final JamesSupervisor supervisor;
    private final JamesTls.Keystore keystore;
    private final Path archiveSpool;

    private JamesServer(JamesConnection connection, WebAdminClient administration, JamesSupervisor supervisor,
                        JamesTls.Keystore keystore, Path archiveSpool) {
        this.connection = connection;
        this.administration = administration;
        this.supervisor = supervisor;
        this.keystore = keystore;
        this.archiveSpool = archiveSpool;
    }

    /**
     * @param dataDir {@code lienthong.data-dir}: James keeps everything under {@code <dataDir>/james}
     */
    public static JamesServer create(MailSettings settings, Path dataDir) {
        Path home = dataDir.toAbsolutePath().normalize().resolve("james");
        JamesKeys keys = JamesKeys.loadOrCreate(home.resolve("keys"));
        String password = settings.administratorPassword().isBlank() ? keys.administratorPassword()
                : settings.administratorPassword();
        JamesConnection connection = new JamesConnection(settings.host(), settings.smtpPort(), settings.imapPort(),
                settings.webadminBaseUrl(), settings.administratorId(), password);
        WebAdminClient client = new WebAdminClient(connection,
                settings.webadminToken().isBlank() ? keys::adminToken : settings::webadminToken);
        Path archiveSpool = !settings.archive().enabled() ? null
                : settings.archive().spoolDir().isBlank() ? home.resolve("var/archive-spool")
                : Path.of(settings.archive().spoolDir()).toAbsolutePath().normalize();
        JamesSupervisor supervisor = null;
        JamesTls.Keystore keystore = null;
        if (settings.embedded()) {
            keystore = settings.tls().enabled() ? JamesTls.prepare(settings.tls(), home.resolve("keys")) : null;
            supervisor = new JamesSupervisor(settings, home, keys, keystore, archiveSpool, () -> {
                // At every (re)start: the administrator the webmail acts through exists, with our password, and the
                // system sender's domain is local (so that the submission hook lets the administrator use it).
                String domain = settings.administratorId().substring(settings.administratorId().indexOf('@') + 1);
                client.addDomain(domain);
                client.setPassword(settings.administratorId(), password);
                String system = settings.systemSenderAddress();
                client.addDomain(system.substring(system.indexOf('@') + 1));
            });
        }
        return new JamesServer(connection, client, supervisor, keystore, archiveSpool);
    }

    public JamesConnection connection() {
        return connection;
    }

    public WebAdminClient administration() {
        return administration;
    }

    /** The client ports' keystore (embedded James with TLS on); empty otherwise. */
    Optional<JamesTls.Keystore> keystore() {
        return Optional.ofNullable(keystore);
    }

    /** Where James spools mail for the archive; empty when the archive hook is off. */
    public Optional<Path> archiveSpool() {
        return Optional.ofNullable(archiveSpool);
    }

    /** The supervisor of the embedded James; empty for an external one. */
    public Optional<JamesSupervisor> supervisor() {
        return Optional.ofNullable(supervisor);
    }
}
