package vn.lienthong.directory.internal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo settings alone: start-up refuses demo data without a password. */
class DemoSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(DirectoryConfiguration.class);

    @Test
    void refusesToStartWithDemoDataButNoPassword() {
        context.withPropertyValues("lienthong.demo.enabled=true", "lienthong.demo.password= ")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("LIENTHONG_DEMO_PASSWORD");
                });
    }

    @Test
    void startsWithDemoDataAndAPassword() {
        context.withPropertyValues("lienthong.demo.enabled=true", "lienthong.demo.password=lienthong-demo")
                .run(started -> assertThat(started.getBean(DemoSettings.class).password()).isEqualTo("lienthong-demo"));
    }

    @Test
    void needsNoPasswordWithoutDemoData() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(DemoSettings.class).enabled()).isFalse();
        });
    }
}
