package vn.lienthong.directory.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.directory.DirectoryValidationException;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;

/**
 * The first unit and system administrator of a production directory ({@link BootstrapSettings}). Without them
 * nobody could log in to create anything. Runs once at start-up, after {@link DemoData}, and only into a directory
 * without any unit: once the directory has units the settings are ignored, so they may stay in place.
 *
 * <p>Incomplete settings on an empty directory only log a warning naming the variables to set: an empty
 * directory is a valid state. Settings that are complete but invalid (a bad code, a short password) stop the
 * start-up with the directory's own message, and nothing is created. Demo data wins over the bootstrap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DirectoryBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryBootstrap.class);

    static final String ADMIN_TITLE = "Quản trị hệ thống";

    /** Which setting a field of the directory's validation messages comes from. */
    private static final Map<String, String> SETTING_OF_FIELD = Map.of("code", "root-unit-code",
            "name", "root-unit-name", "level", "root-unit-level", "mailDomain", "root-mail-domain",
            "username", "admin-username", "fullName", "admin-full-name", "email", "admin-email",
            "password", "admin-password");

    enum Outcome {
        /** The root unit and its administrator were created. */
        CREATED,
        /** The directory already has units: nothing to do. */
        NOT_EMPTY,
        /** The directory is empty but the settings lack required fields: nothing was created. */
        INCOMPLETE
    }

    private final BootstrapSettings settings;
    private final DemoSettings demo;
    private final DirectoryManagement directory;
    private final UnitRepository units;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DirectoryBootstrap(BootstrapSettings settings, DemoSettings demo, DirectoryManagement directory,
                       UnitRepository units, TransactionTemplate transactions, Environment environment) {
        this.settings = settings;
        this.demo = demo;
        this.directory = directory;
        this.units = units;
        this.transactions = transactions;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.enabled()) {
            if (settings.anySet()) {
                log.info("Dữ liệu mẫu đang bật: bỏ qua {}.* (demo data is enabled: the bootstrap settings are "
                        + "ignored)", BootstrapSettings.PREFIX);
            }
            return;
        }
        bootstrapIfEmpty(settings, !keycloakOwnsCredentials());
    }

    /**
     * Creates the root unit and its system administrator in one transaction if the directory has no unit yet.
     *
     * @param passwordRequired whether officials log in with the embedded identity provider, which needs a
     *                         password; with Keycloak the password is neither required nor stored
     * @throws IllegalStateException if the settings are complete but the directory refuses them; nothing is created
     */
    Outcome bootstrapIfEmpty(BootstrapSettings settings, boolean passwordRequired) {
        List<String> missing = settings.missing(passwordRequired);
        Outcome outcome;
        try {
            outcome = transactions.execute(status -> {
                if (units.count() > 0) {
                    return Outcome.NOT_EMPTY;
                }
                if (!missing.isEmpty()) {
                    return Outcome.INCOMPLETE;
                }
                create(settings, passwordRequired);
                return Outcome.CREATED;
            });
        }
        catch (DirectoryValidationException ex) {
            String setting = SETTING_OF_FIELD.get(ex.field());
            throw new IllegalStateException("Không tạo được đơn vị và quản trị hệ thống đầu tiên (cannot bootstrap "
                    + "the directory), nothing was created: "
                    + (setting == null ? "" : BootstrapSettings.describe(setting) + ": ") + ex.getMessage(), ex);
        }
        switch (outcome) {
            case CREATED -> logCreated(settings, passwordRequired);
            case INCOMPLETE -> log.warn("Danh bạ đang trống, chưa ai đăng nhập được (the directory is empty and "
                    + "nobody can log in). Để tạo đơn vị gốc và quản trị hệ thống đầu tiên, hãy đặt (to create the "
                    + "root unit and the first system administrator, set): {}; rồi khởi động lại (then restart).",
                    missing.stream().map(BootstrapSettings::environmentVariable).collect(Collectors.joining(", ")));
            case NOT_EMPTY -> {
                if (settings.anySet()) {
                    log.info("Danh bạ đã có đơn vị: bỏ qua {}.* (the directory has units: the bootstrap settings "
                            + "are ignored and may be removed)", BootstrapSettings.PREFIX);
                }
            }
        }
        return outcome;
    }

    private void create(BootstrapSettings settings, boolean passwordRequired) {
        Unit root = directory.createUnit(Actor.SYSTEM, new UnitDraft(settings.rootUnitCode(), settings.rootUnitName(),
                settings.rootUnitLevel(), null, settings.rootMailDomain(), null));
        Official admin = directory.createOfficial(Actor.SYSTEM, new OfficialDraft(settings.adminUsername(),
                settings.adminFullName(), ADMIN_TITLE, root.id(), settings.adminEmail(), null,
                Set.of(Role.SYSTEM_ADMIN), null));
        if (passwordRequired) {
            // The administrator sets their own password: the same rule and encoding as every password change.
            directory.setPassword(admin.username(), admin.id(), settings.adminPassword());
        }
    }

    private void logCreated(BootstrapSettings settings, boolean passwordRequired) {
        Official admin = directory.findOfficialByUsername(settings.adminUsername()).orElseThrow();
        Unit root = directory.findUnit(admin.unitId()).orElseThrow();
        log.info("Đã tạo đơn vị gốc {} “{}” và quản trị hệ thống {} <{}> (directory bootstrapped: root unit and "
                + "first system administrator created).", root.code(), root.name(), admin.username(), admin.email());
        if (passwordRequired) {
            log.info("{} đăng nhập bằng mật khẩu trong {}; hãy đổi mật khẩu sau lần đăng nhập đầu và xoá biến đó "
                    + "(log in with that password, change it, then remove the variable).", admin.username(),
                    BootstrapSettings.environmentVariable("admin-password"));
        }
        else {
            log.info("Keycloak giữ mật khẩu: đặt mật khẩu cho {} trong Keycloak (Keycloak owns credentials: set the "
                    + "administrator's password there){}.", admin.username(), settings.hasPassword()
                    ? "; " + BootstrapSettings.environmentVariable("admin-password") + " không được dùng (is not used)"
                    : "");
        }
    }

    /** Whether officials log in through Keycloak, which keeps its own passwords ({@code lienthong.identity.provider}). */
    private boolean keycloakOwnsCredentials() {
        return Binder.get(environment).bind("lienthong.identity.provider", String.class)
                .map(provider -> provider.strip().equalsIgnoreCase("keycloak"))
                .orElse(false);
    }
}
