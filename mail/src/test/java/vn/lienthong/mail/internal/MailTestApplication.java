package vn.lienthong.mail.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.mail.CalendarMessageReceived;
import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.MailSettings;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.testsupport.TestJames;

/**
 * Mail's provisioning and archive hook with the real directory and archive internals (H2 in memory, demo data,
 * Lucene in a temporary folder) against the shared test James.
 * The one Spring context of mail's tests: every class that needs it uses {@link MailContext}.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class,
        ValidationAutoConfiguration.class })
@ComponentScan(basePackages = {"vn.lienthong.directory.internal", "vn.lienthong.archive.internal"}, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*(Fixture|Tests?)$")})
@Import({MailProvisioningConfiguration.class, MailArchiveConfiguration.class})
@EnableConfigurationProperties(MailSettings.class)
class MailTestApplication {

    @Bean
    Mailboxes mailboxes(JamesConnection connection, Directory directory) {
        return new ImapMailboxes(connection, username -> directory.findOfficialByUsername(username)
                .filter(Official::active).map(Official::email));
    }

    @Bean
    CalendarEvents calendarEvents() {
        return new CalendarEvents();
    }

    /** Records {@link CalendarMessageReceived} the way a module listener gets it: after the publisher's commit. */
    static final class CalendarEvents {
        final List<CalendarMessageReceived> received = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(CalendarMessageReceived event) {
            received.add(event);
        }
    }

    @Bean
    JamesServer jamesServer() {
        return TestJames.shared();
    }

    @Bean
    MailAdministration mailAdministration(JamesServer james) {
        return james.administration();
    }

    @Bean
    JamesConnection jamesConnection(JamesServer james) {
        return james.connection();
    }
}
