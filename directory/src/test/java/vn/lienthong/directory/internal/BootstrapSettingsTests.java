package vn.lienthong.directory.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import vn.lienthong.directory.UnitLevel;

import static org.assertj.core.api.Assertions.assertThat;

/** The bootstrap settings alone: the documented environment variables bind, and the password stays hidden. */
class BootstrapSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(DirectoryConfiguration.class);

    @Test
    void bindsTheEnvironmentVariablesItNamesInItsWarnings() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(BootstrapSettings.environmentVariable("root-unit-code"), "BL");
        variables.put(BootstrapSettings.environmentVariable("root-unit-name"), "Tỉnh Bạc Liêu");
        variables.put(BootstrapSettings.environmentVariable("root-unit-level"), "district");
        variables.put(BootstrapSettings.environmentVariable("root-mail-domain"), "baclieu.gov.vn");
        variables.put(BootstrapSettings.environmentVariable("admin-username"), "quantri");
        variables.put(BootstrapSettings.environmentVariable("admin-full-name"), "Quản trị hệ thống");
        variables.put(BootstrapSettings.environmentVariable("admin-email"), "quantri@baclieu.gov.vn");
        variables.put(BootstrapSettings.environmentVariable("admin-password"), "mat-khau-khoi-tao");
        assertThat(variables).containsKey("LIENTHONG_DIRECTORY_BOOTSTRAP_ADMIN_USERNAME");

        context.withInitializer(started -> started.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(
                                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)))
                .run(started -> {
                    BootstrapSettings settings = started.getBean(BootstrapSettings.class);
                    assertThat(settings).isEqualTo(new BootstrapSettings("BL", "Tỉnh Bạc Liêu", UnitLevel.DISTRICT,
                            "baclieu.gov.vn", "quantri", "Quản trị hệ thống", "quantri@baclieu.gov.vn",
                            "mat-khau-khoi-tao"));
                    assertThat(settings.missing(true)).isEmpty();
                });
    }

    @Test
    void isEmptyByDefaultWithAProvinceAsRoot() {
        context.run(started -> {
            BootstrapSettings settings = started.getBean(BootstrapSettings.class);
            assertThat(settings.anySet()).isFalse();
            assertThat(settings.rootUnitLevel()).isEqualTo(UnitLevel.PROVINCE);
            assertThat(settings.missing(true)).containsExactly("root-unit-code", "root-unit-name",
                    "root-mail-domain", "admin-username", "admin-full-name", "admin-password");
            assertThat(settings.missing(false)).doesNotContain("admin-password");
        });
    }

    @Test
    void neverShowsThePassword() {
        BootstrapSettings settings = new BootstrapSettings("BL", "Tỉnh Bạc Liêu", UnitLevel.PROVINCE,
                "baclieu.gov.vn", "quantri", "Quản trị hệ thống", null, "mat-khau-khoi-tao");

        assertThat(settings.toString()).contains("quantri").doesNotContain("mat-khau-khoi-tao");
    }
}
