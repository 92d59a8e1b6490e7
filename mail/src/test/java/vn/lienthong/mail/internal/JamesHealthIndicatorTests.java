package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import vn.lienthong.mail.MailSettings;
import vn.lienthong.mail.testsupport.TestJames;

class JamesHealthIndicatorTests {

    @Test
    void aRunningJamesIsUpWithItsPorts() {
        JamesServer james = TestJames.shared();

        Health health = new JamesHealthIndicator(james).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("mode", "embedded").containsEntry("webadmin", "healthy")
                .containsEntry("smtp", "127.0.0.1:" + james.connection().smtpPort() + " reachable");
    }

    @Test
    void anUnreachableExternalJamesIsDown() {
        MailSettings free = TestJames.settings();
        MailSettings external = new MailSettings(true, MailSettings.Mode.EXTERNAL, free.defaultDomain(), "127.0.0.1",
                free.smtpPort(), free.imapPort(), free.webadminPort(), "", "secret",
                URI.create("http://127.0.0.1:" + free.webadminPort()), "", free.jvmOptions(), "", free.startTimeout(),
                free.stopTimeout(), free.maxRestartBackoff(), free.maxMessageSize(), "", null, null);
        JamesServer nowhere = JamesServer.create(external, TestJames.temporaryFolder("external"));

        Health health = new JamesHealthIndicator(nowhere).health();

        assertThat(nowhere.supervisor()).isEmpty();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("mode", "external").containsEntry("webadmin", "unreachable");
    }
}
