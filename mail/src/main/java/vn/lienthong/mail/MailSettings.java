package vn.lienthong.mail;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

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
        @NotNull @DefaultValue("25MB") DataSize maxMessageSize) {

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

    @AssertTrue(message = "lienthong.mail.smtp-port, imap-port và webadmin-port phải khác nhau (must differ)")
    boolean isPortsDistinct() {
        return smtpPort != imapPort && smtpPort != webadminPort && imapPort != webadminPort;
    }
}
