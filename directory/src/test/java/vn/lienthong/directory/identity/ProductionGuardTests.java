package vn.lienthong.directory.identity;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profile {@code prod} refuses to start on unsafe settings and says which one to fix. */
class ProductionGuardTests {

    private static final String GOOD_SECRET = "q3J8v0pX2mZr7LkT9sWb4nYc";

    @TempDir
    Path dataDir;

    @Test
    void refusesAKnownDefaultSecret() {
        assertThatThrownBy(() -> start("prod", "lienthong.identity.client-secret=changeme"))
                .hasMessageContaining("lienthong.identity.client-secret")
                .hasMessageContaining("refusing to start with profile 'prod'");
    }

    @Test
    void refusesAMissingSecret() {
        assertThatThrownBy(() -> start("prod"))
                .hasMessageContaining("lienthong.identity.client-secret (LIENTHONG_IDENTITY_CLIENT_SECRET)");
    }

    @Test
    void refusesPlainHttpOnAPublicHost() {
        assertThatThrownBy(() -> start("prod", "lienthong.identity.client-secret=" + GOOD_SECRET,
                "lienthong.base-url=http://lienthong.baclieu.gov.vn"))
                .hasMessageContaining("lienthong.base-url")
                .hasMessageNotContaining("client-secret");
    }

    @Test
    void refusesDemoDataInProduction() {
        assertThatThrownBy(() -> start("prod,demo", "lienthong.identity.client-secret=" + GOOD_SECRET))
                .hasMessageContaining("profile 'demo'");
        assertThatThrownBy(() -> start("prod", "lienthong.identity.client-secret=" + GOOD_SECRET,
                "lienthong.demo.enabled=true"))
                .hasMessageContaining("lienthong.demo.enabled");
    }

    @Test
    void refusesAnUnwritableKeyFolder() throws Exception {
        // A plain file where the data folder should be: no folder can be made below it, not even by root.
        Path notAFolder = java.nio.file.Files.writeString(dataDir.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> start("prod", "lienthong.identity.client-secret=" + GOOD_SECRET,
                "lienthong.data-dir=" + notAFolder))
                .hasMessageContaining("lienthong.data-dir");
    }

    @Test
    void startsWithSafeSettings() {
        try (ConfigurableApplicationContext context = start("prod",
                "lienthong.identity.client-secret=" + GOOD_SECRET)) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void staysOutOfTheWayWithoutProfileProd() {
        try (ConfigurableApplicationContext context = start("demo")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    private ConfigurableApplicationContext start(String profiles, String... properties) {
        String[] all = new String[properties.length + 2];
        all[0] = "lienthong.data-dir=" + dataDir;
        all[1] = "lienthong.base-url=https://lienthong.baclieu.gov.vn";
        System.arraycopy(properties, 0, all, 2, properties.length);
        return new SpringApplicationBuilder(GuardOnly.class)
                .web(WebApplicationType.NONE)
                .profiles(profiles.split(","))
                .properties(all)
                .logStartupInfo(false)
                .run();
    }

    @Configuration(proxyBeanMethods = false)
    @Import(ProductionGuard.class)
    static class GuardOnly {
    }
}
