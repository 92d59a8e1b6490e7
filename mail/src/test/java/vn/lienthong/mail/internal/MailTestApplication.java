package vn.lienthong.mail.internal;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.testsupport.TestJames;

/**
 * Mail's provisioning with the real directory internals (H2 in memory, demo data) against the shared test James.
 * The one Spring context of mail's tests: every class that needs it uses {@link MailContext}.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class,
        ValidationAutoConfiguration.class })
@ComponentScan(basePackages = "vn.lienthong.directory.internal", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*(Fixture|Tests?)$")})
@Import(MailProvisioningConfiguration.class)
class MailTestApplication {

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
