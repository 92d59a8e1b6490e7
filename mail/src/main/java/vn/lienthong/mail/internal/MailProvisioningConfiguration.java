package vn.lienthong.mail.internal;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.directory.ClusterTasks;
import vn.lienthong.directory.Directory;
import vn.lienthong.mail.MailAdministration;

/**
 * Provisioning of James from the directory, on whatever {@link MailAdministration} the app has (embedded or
 * external James). {@code lienthong.mail.enabled=false} or {@code lienthong.mail.provisioning.enabled=false} leave it
 * out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "lienthong.mail", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = "lienthong.mail.provisioning", name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(MailProvisioningSettings.class)
class MailProvisioningConfiguration {

    @Bean
    MailSync mailSync(Directory directory, MailAdministration mailAdministration, DataSource dataSource,
                      MailProvisioningSettings settings, ClusterTasks cluster) {
        return new MailSync(directory, mailAdministration, new MailAddressBook(JdbcClient.create(dataSource)), settings,
                cluster);
    }

    @Bean
    MailDirectoryListener mailDirectoryListener(MailSync mailSync, MailProvisioningSettings settings) {
        return new MailDirectoryListener(mailSync, settings.resyncOnStart());
    }
}
