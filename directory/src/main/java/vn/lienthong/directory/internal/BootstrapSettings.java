package vn.lienthong.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import vn.lienthong.directory.UnitLevel;

/**
 * The first unit and the first system administrator of a production directory, created at start-up when the
 * directory has no unit at all (see {@link DirectoryBootstrap}). Every field is optional here: an empty directory
 * is a valid state, and incomplete settings only produce a warning naming what is missing.
 *
 * <pre>
 * lienthong.directory.bootstrap.root-unit-code: BL              # LIENTHONG_DIRECTORY_BOOTSTRAP_ROOT_UNIT_CODE
 * lienthong.directory.bootstrap.root-unit-name: Tỉnh Bạc Liêu
 * lienthong.directory.bootstrap.root-mail-domain: baclieu.gov.vn
 * lienthong.directory.bootstrap.admin-username: quantri
 * lienthong.directory.bootstrap.admin-full-name: Quản trị hệ thống
 * lienthong.directory.bootstrap.admin-password: ...              # embedded identity provider only
 * </pre>
 *
 * @param rootUnitCode   code of the root unit, e.g. {@code BL}
 * @param rootUnitName   name of the root unit, e.g. "Tỉnh Bạc Liêu"
 * @param rootUnitLevel  level of the root unit (default {@link UnitLevel#PROVINCE})
 * @param rootMailDomain mail domain of the root unit, e.g. {@code baclieu.gov.vn}
 * @param adminUsername  the administrator's username (their login), e.g. {@code quantri}
 * @param adminFullName  the administrator's full name
 * @param adminEmail     the administrator's address; empty: {@code <admin-username>@<root-mail-domain>}
 * @param adminPassword  the administrator's password for the embedded identity provider; required with it, not
 *                       used with Keycloak (which owns credentials). Never logged.
 */
@Validated
@ConfigurationProperties(BootstrapSettings.PREFIX)
record BootstrapSettings(String rootUnitCode, String rootUnitName,
                         @NotNull(message = "lienthong.directory.bootstrap.root-unit-level phải là PROVINCE, DISTRICT, "
                                 + "COMMUNE hoặc DEPARTMENT (must be one of them)")
                         @DefaultValue("PROVINCE") UnitLevel rootUnitLevel,
                         String rootMailDomain, String adminUsername, String adminFullName, String adminEmail,
                         String adminPassword) {

    static final String PREFIX = "lienthong.directory.bootstrap";

    /** Whether any of the fields an operator sets is set (the level has a default and does not count). */
    boolean anySet() {
        return set(rootUnitCode) || set(rootUnitName) || set(rootMailDomain) || set(adminUsername)
                || set(adminFullName) || set(adminEmail) || set(adminPassword);
    }

    /** The names (kebab case, as after {@link #PREFIX}) of the required fields that are blank. */
    List<String> missing(boolean passwordRequired) {
        List<String> missing = new ArrayList<>();
        addIfBlank(missing, "root-unit-code", rootUnitCode);
        addIfBlank(missing, "root-unit-name", rootUnitName);
        addIfBlank(missing, "root-mail-domain", rootMailDomain);
        addIfBlank(missing, "admin-username", adminUsername);
        addIfBlank(missing, "admin-full-name", adminFullName);
        if (passwordRequired) {
            addIfBlank(missing, "admin-password", adminPassword);
        }
        return missing;
    }

    boolean hasPassword() {
        return set(adminPassword);
    }

    /** The environment variable that sets a field: {@code admin-username} → {@code LIENTHONG_DIRECTORY_BOOTSTRAP_ADMIN_USERNAME}. */
    static String environmentVariable(String field) {
        return (PREFIX + "." + field).replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The full property name and its environment variable, for messages. */
    static String describe(String field) {
        return PREFIX + "." + field + " (" + environmentVariable(field) + ")";
    }

    @Override
    public String toString() {
        return "BootstrapSettings[rootUnitCode=" + rootUnitCode + ", rootUnitName=" + rootUnitName
                + ", rootUnitLevel=" + rootUnitLevel + ", rootMailDomain=" + rootMailDomain + ", adminUsername="
                + adminUsername + ", adminFullName=" + adminFullName + ", adminEmail=" + adminEmail
                + ", adminPassword=" + (hasPassword() ? "***" : "(not set)") + "]";
    }

    private static void addIfBlank(List<String> missing, String field, String value) {
        if (!set(value)) {
            missing.add(field);
        }
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
