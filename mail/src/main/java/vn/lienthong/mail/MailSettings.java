package vn.lienthong.mail;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where official mail lives: an Apache James started and supervised by the app (embedded, the default) or an
 * existing James reached over WebAdmin REST, SMTP and IMAP (external, e.g. the distributed flavour).
 *
 * <pre>
 * lienthong.mail.enabled: true
 * lienthong.mail.mode: embedded | external
 * lienthong.mail.default-domain: baclieu.gov.vn
 * lienthong.mail.host: 127.0.0.1            # embedded: loopback only
 * lienthong.mail.smtp-port: 2525
 * lienthong.mail.imap-port: 1143
 * lienthong.mail.webadmin-port: 8000
 * lienthong.mail.administrator: lienthong-admin@baclieu.gov.vn   # James's administratorId
 * lienthong.mail.administrator-password:    # embedded: generated once into data/james/keys; external: required
 * lienthong.mail.webadmin-url:              # external only; default http://host:webadmin-port
 * lienthong.mail.webadmin-token:            # external only, optional: a JWT issued by that James's operators
 * lienthong.mail.jvm-options: [-Xmx512m, -XX:+UseSerialGC]
 * lienthong.mail.system-sender: khong-tra-loi@baclieu.gov.vn
 * lienthong.mail.tls: {enabled: true, bind-host: 127.0.0.1, public-host: mail.baclieu.gov.vn, imap-port: 1993,
 *                      smtp-port: 1587, keystore: , keystore-password: }
 * lienthong.mail.archive: {enabled: true, spool-dir: , interval: 5s}
 * </pre>
 *
 * @param enabled               false leaves mail out entirely (no James, no mail beans)
 * @param mode                  embedded child JVM or an external James
 * @param defaultDomain         James's default domain, the province's mail domain
 * @param host                  where SMTP, IMAP and WebAdmin listen; must be a loopback address when embedded
 * @param smtpPort              SMTP submission port (authentication required)
 * @param imapPort              IMAP port
 * @param webadminPort          WebAdmin REST port (JWT protected)
 * @param administrator         James's {@code administratorId}: the account the app uses to act for officials
 * @param administratorPassword that account's password; generated and kept in the data folder when empty (embedded)
 * @param webadminUrl           external mode: base URL of WebAdmin
 * @param webadminToken         external mode: a ready JWT for WebAdmin; when empty the app signs its own with the
 *                              key in {@code data/james/keys} (install its public half in that James)
 * @param jvmOptions            options of the embedded James JVM
 * @param javaHome              JDK/JRE for the embedded James; empty means the app's own
 * @param startTimeout          how long the embedded James may take to become healthy
 * @param stopTimeout           how long it gets to stop after SIGTERM before it is killed
 * @param maxRestartBackoff     the longest wait between two restarts of a James that keeps dying
 * @param maxMessageSize        the largest message SMTP accepts
 * @param tls                   the client (Thunderbird) ports with TLS
 * @param archive               the archive hook (spool of every mail James handles)
 * @param systemSender          the address of {@link SystemMail} (reminders, invitations no official sends); empty
 *                              means {@code khong-tra-loi@<default domain>}. Its domain is made a James domain; it
 *                              has no account, so answers to it are refused
 */
@Validated
@ConfigurationProperties("lienthong.mail")
public record MailSettings(
        @DefaultValue("true") boolean enabled,
        @NotNull(message = "lienthong.mail.mode phải là EMBEDDED hoặc EXTERNAL (must be EMBEDDED or EXTERNAL)")
        @DefaultValue("embedded") Mode mode,
        @NotBlank(message = "lienthong.mail.default-domain không được để trống (must not be blank)")
        @Pattern(regexp = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+",
                message = "lienthong.mail.default-domain phải là tên miền viết thường, ví dụ baclieu.gov.vn "
                        + "(must be a lower-case domain such as baclieu.gov.vn)")
        @DefaultValue("baclieu.gov.vn") String defaultDomain,
        @NotBlank(message = "lienthong.mail.host không được để trống (must not be blank)")
        @DefaultValue("127.0.0.1") String host,
        @Min(value = 1, message = "lienthong.mail.smtp-port phải từ 1 đến 65535 (must be 1-65535)")
        @Max(value = 65535, message = "lienthong.mail.smtp-port phải từ 1 đến 65535 (must be 1-65535)")
        @DefaultValue("2525") int smtpPort,
        @Min(value = 1, message = "lienthong.mail.imap-port phải từ 1 đến 65535 (must be 1-65535)")
        @Max(value = 65535, message = "lienthong.mail.imap-port phải từ 1 đến 65535 (must be 1-65535)")
        @DefaultValue("1143") int imapPort,
        @Min(value = 1, message = "lienthong.mail.webadmin-port phải từ 1 đến 65535 (must be 1-65535)")
        @Max(value = 65535, message = "lienthong.mail.webadmin-port phải từ 1 đến 65535 (must be 1-65535)")
        @DefaultValue("8000") int webadminPort,
        @DefaultValue("") String administrator,
        @DefaultValue("") String administratorPassword,
        URI webadminUrl,
        @DefaultValue("") String webadminToken,
        @NotEmpty(message = "lienthong.mail.jvm-options không được để trống (must not be empty)")
        @DefaultValue({"-Xmx512m", "-XX:+UseSerialGC"}) List<String> jvmOptions,
        @DefaultValue("") String javaHome,
        @NotNull @DefaultValue("180s") Duration startTimeout,
        @NotNull @DefaultValue("20s") Duration stopTimeout,
        @NotNull @DefaultValue("60s") Duration maxRestartBackoff,
        @NotNull @DefaultValue("25MB") DataSize maxMessageSize,
        @DefaultValue("") String systemSender,
        @Valid @DefaultValue Tls tls,
        @Valid @DefaultValue Archive archive) {

    public MailSettings {
        tls = tls == null ? Tls.defaults() : tls;
        archive = archive == null ? Archive.defaults() : archive;
    }

    /**
     * The ports for mail clients (Thunderbird), separate from the app's own loopback ports: IMAP with implicit TLS and
     * SMTP submission with STARTTLS required, plain-text logins only inside TLS, app passwords (see
     * {@link AppPasswords}).
     *
     * @param enabled          false: no client ports (only the app reaches James)
     * @param bindHost         where the client ports listen; {@code 0.0.0.0} to reach them from the office network
     * @param publicHost       the server name clients use (shown on the settings page, in the certificate); empty
     *                         means {@code bindHost}
     * @param imapPort         IMAP over TLS (like 993)
     * @param smtpPort         SMTP submission with STARTTLS (like 587)
     * @param keystore         a PKCS12 keystore with the server's key and certificate; empty means a self-signed one
     *                         generated into {@code <data>/james/keys/tls.p12} at first start
     * @param keystorePassword its password (generated with the self-signed one)
     */
    public record Tls(
            @DefaultValue("true") boolean enabled,
            @NotBlank(message = "lienthong.mail.tls.bind-host không được để trống (must not be blank)")
            @DefaultValue("127.0.0.1") String bindHost,
            @DefaultValue("") String publicHost,
            @Min(value = 1, message = "lienthong.mail.tls.imap-port phải từ 1 đến 65535 (must be 1-65535)")
            @Max(value = 65535, message = "lienthong.mail.tls.imap-port phải từ 1 đến 65535 (must be 1-65535)")
            @DefaultValue("1993") int imapPort,
            @Min(value = 1, message = "lienthong.mail.tls.smtp-port phải từ 1 đến 65535 (must be 1-65535)")
            @Max(value = 65535, message = "lienthong.mail.tls.smtp-port phải từ 1 đến 65535 (must be 1-65535)")
            @DefaultValue("1587") int smtpPort,
            @DefaultValue("") String keystore,
            @DefaultValue("") String keystorePassword) {

        public static Tls defaults() {
            return new Tls(true, "127.0.0.1", "", 1993, 1587, "", "");
        }

        /** The name clients connect to. */
        public String clientHost() {
            return publicHost == null || publicHost.isBlank() ? bindHost : publicHost.strip();
        }
    }

    /**
     * The archive hook: James's {@code ArchiveSpoolMailet} writes every mail it handles into a spool folder, which the
     * app indexes and empties.
     *
     * @param enabled  false: mail is not archived (the spool is neither written nor read)
     * @param spoolDir the spool folder; empty means {@code <data>/james/var/archive-spool} (embedded). External mode:
     *                 a folder the external James writes into and the app can read (see the README)
     * @param interval how often the app looks into the spool (it also does at start)
     */
    public record Archive(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("") String spoolDir,
            @NotNull @DefaultValue("5s") Duration interval) {

        public static Archive defaults() {
            return new Archive(true, "", Duration.ofSeconds(5));
        }
    }

    public enum Mode {
        /** A durable James in its own JVM, started, watched and stopped by the app, on loopback ports. */
        EMBEDDED,
        /** An existing James; the app only talks to it over WebAdmin REST, SMTP and IMAP. */
        EXTERNAL
    }

    public boolean embedded() {
        return mode == Mode.EMBEDDED;
    }

    /** James's administratorId; defaults to {@code lienthong-admin@<default domain>}. */
    public String administratorId() {
        return administrator == null || administrator.isBlank() ? "lienthong-admin@" + defaultDomain : administrator;
    }

    /** The system sender's address; defaults to {@code khong-tra-loi@<default domain>}. */
    public String systemSenderAddress() {
        return systemSender == null || systemSender.isBlank() ? "khong-tra-loi@" + defaultDomain
                : systemSender.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** WebAdmin's base URL: as configured (external) or on {@code host:webadmin-port}. */
    public URI webadminBaseUrl() {
        if (webadminUrl != null) {
            return webadminUrl;
        }
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + webadminPort);
    }

    @AssertTrue(message = "lienthong.mail.host phải là địa chỉ loopback (127.0.0.1) khi mode=EMBEDDED: James nhúng "
            + "không được mở ra mạng (must be a loopback address in embedded mode)")
    boolean isLoopbackWhenEmbedded() {
        if (!embedded() || host == null) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @AssertTrue(message = "lienthong.mail.webadmin-url và lienthong.mail.administrator-password là bắt buộc khi "
            + "mode=EXTERNAL (required in external mode)")
    boolean isExternalComplete() {
        return embedded() || (webadminUrl != null && administratorPassword != null && !administratorPassword.isBlank());
    }

    @AssertTrue(message = "lienthong.mail.administrator phải là một địa chỉ thư đầy đủ, ví dụ lienthong-admin@baclieu.gov.vn "
            + "(must be a full mail address)")
    boolean isAdministratorAnAddress() {
        return administratorId().matches("[^@\\s]+@[^@\\s]+");
    }

    @AssertTrue(message = "lienthong.mail.system-sender phải là một địa chỉ thư đầy đủ, ví dụ khong-tra-loi@baclieu.gov.vn "
            + "(must be a full mail address)")
    boolean isSystemSenderAnAddress() {
        return systemSenderAddress().matches("[^@\\s]+@[a-z0-9.-]+");
    }

    @AssertTrue(message = "lienthong.mail.smtp-port, imap-port, webadmin-port, tls.imap-port và tls.smtp-port phải khác "
            + "nhau (must differ)")
    boolean isPortsDistinct() {
        java.util.Set<Integer> ports = new java.util.HashSet<>(List.of(smtpPort, imapPort, webadminPort));
        return ports.size() == 3 && (!tls.enabled() || (ports.add(tls.imapPort()) && ports.add(tls.smtpPort())));
    }

    @AssertTrue(message = "lienthong.mail.tls.keystore-password là bắt buộc khi có lienthong.mail.tls.keystore "
            + "(a configured keystore needs its password)")
    boolean isKeystoreComplete() {
        return tls.keystore().isBlank() || !tls.keystorePassword().isBlank();
    }
}
