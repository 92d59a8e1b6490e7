package vn.lienthong.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import vn.lienthong.mail.testsupport.TestJames;

class MailSettingsTests {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void defaultsPutJamesOnLoopbackWithADerivedAdministrator() {
        MailSettings settings = TestJames.settings();

        assertThat(validator.validate(settings)).isEmpty();
        assertThat(settings.administratorId()).isEqualTo("lienthong-admin@baclieu.gov.vn");
        assertThat(settings.webadminBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + settings.webadminPort()));
    }

    @Test
    void anEmbeddedJamesMustNotListenBeyondLoopback() {
        MailSettings base = TestJames.settings();
        MailSettings open = new MailSettings(true, MailSettings.Mode.EMBEDDED, base.defaultDomain(), "0.0.0.0",
                base.smtpPort(), base.imapPort(), base.webadminPort(), "", "", null, "", base.jvmOptions(), "",
                base.startTimeout(), base.stopTimeout(), base.maxRestartBackoff(), base.maxMessageSize(), "", null, null);

        assertThat(messages(validator.validate(open))).anyMatch(m -> m.contains("loopback"));
    }

    @Test
    void anExternalJamesNeedsItsWebAdminUrlAndAdministratorPassword() {
        MailSettings base = TestJames.settings();
        MailSettings incomplete = new MailSettings(true, MailSettings.Mode.EXTERNAL, base.defaultDomain(),
                "mail.baclieu.gov.vn", 25, 143, 8000, "", "", null, "", base.jvmOptions(), "", base.startTimeout(),
                base.stopTimeout(), base.maxRestartBackoff(), base.maxMessageSize(), "", null, null);

        assertThat(messages(validator.validate(incomplete))).anyMatch(m -> m.contains("webadmin-url"));
    }

    private static Set<String> messages(Set<ConstraintViolation<MailSettings>> violations) {
        return violations.stream().map(ConstraintViolation::getMessage).collect(java.util.stream.Collectors.toSet());
    }
}
