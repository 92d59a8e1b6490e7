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

    private JamesServer(JamesConnection connection, WebAdminClient administration, JamesSupervisor supervisor) {
        this.connection = connection;
        this.administration = administration;
        this.supervisor = supervisor;
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
        JamesSupervisor supervisor = null;
        if (settings.embedded()) {
            supervisor = new JamesSupervisor(settings, home, keys, () -> {
                // At every (re)start: the administrator the webmail acts through exists, with our password.
                String domain = settings.administratorId().substring(settings.administratorId().indexOf('@') + 1);
                client.addDomain(domain);
                client.setPassword(settings.administratorId(), password);
            });
        }
        return new JamesServer(connection, client, supervisor);
    }

    public JamesConnection connection() {
        return connection;
    }

    public WebAdminClient administration() {
        return administration;
    }

    /** The supervisor of the embedded James; empty for an external one. */
    public Optional<JamesSupervisor> supervisor() {
        return Optional.ofNullable(supervisor);
    }
}
