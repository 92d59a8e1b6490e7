package vn.lienthong.mail.internal;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.mail.AppPasswords;
import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.MailClientSettings;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MailSettings;
import vn.lienthong.mail.SystemMail;

/**
 * Wires mail: the James connection from {@code lienthong.mail.*}, the embedded James's supervisor (embedded mode),
 * the WebAdmin client and the health indicator. {@code lienthong.mail.enabled=false} leaves all of it out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
@ConditionalOnProperty(prefix = "lienthong.mail", name = "enabled", havingValue = "true", matchIfMissing = true)
class MailConfiguration {

    @Bean
    JamesServer jamesServer(MailSettings settings, @Value("${lienthong.data-dir:./data}") Path dataDir) {
        return JamesServer.create(settings, dataDir);
    }

    @Bean
    SmartLifecycle jamesLifecycle(JamesServer james) {
        // External mode has nothing to start: a lifecycle that only reports itself running.
        return james.supervisor().<SmartLifecycle>map(supervisor -> supervisor).orElseGet(NothingToRun::new);
    }

    @Bean
    MailAdministration mailAdministration(JamesServer james) {
        return james.administration();
    }

    @Bean
    JamesConnection jamesConnection(JamesServer james) {
        return james.connection();
    }

    @Bean
    Mailboxes mailboxes(JamesConnection jamesConnection, Directory directory, MailSettings settings) {
        // Only active officials have a mailbox the webmail may open.
        return new ImapMailboxes(jamesConnection, username -> directory.findOfficialByUsername(username)
                .filter(Official::active).map(Official::email), settings.maxMessageSize());
    }

    @Bean
    AppPasswords appPasswords(JamesServer james, Directory directory, MailSettings settings) {
        MailSettings.Tls tls = settings.tls();
        java.util.function.Supplier<MailClientSettings> servers = () -> tls.enabled()
                ? new MailClientSettings("", tls.clientHost(), tls.imapPort(), "SSL/TLS", tls.clientHost(),
                        tls.smtpPort(), "STARTTLS", james.keystore().map(JamesTls.Keystore::fingerprint).orElse(""))
                : new MailClientSettings("", settings.host(), settings.imapPort(), "NONE", settings.host(),
                        settings.smtpPort(), "NONE", "");
        return new JamesAppPasswords(james.administration(), username -> directory.findOfficialByUsername(username)
                .filter(Official::active).map(Official::email), servers, java.time.Clock.systemUTC());
    }

    @Bean
    SystemMail systemMail(JamesServer james, MailSettings settings) {
        String address = settings.systemSenderAddress();
        return new SmtpSystemMail(address, james.connection(), settings.maxMessageSize(),
                () -> james.administration().addDomain(address.substring(address.indexOf('@') + 1)));
    }

    @Bean("mail")
    JamesHealthIndicator mailHealthIndicator(JamesServer james) {
        return new JamesHealthIndicator(james);
    }

    private static final class NothingToRun implements SmartLifecycle {
        private volatile boolean running;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
