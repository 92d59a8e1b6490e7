package vn.lienthong.mail.internal;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.archive.Archive;
import vn.lienthong.directory.ClusterTasks;
import vn.lienthong.directory.Directory;
import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MailSettings;

/**
 * The archive hook: James spools every mail, {@link MailArchiveSpool} archives the spool and announces calendar
 * messages, {@link MailArchiveFeeder} re-feeds the archive from the mailboxes. {@code lienthong.mail.archive.enabled
 * =false} leaves it out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "lienthong.mail", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = "lienthong.mail.archive", name = "enabled", havingValue = "true", matchIfMissing = true)
class MailArchiveConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailArchiveConfiguration.class);

    @Bean
    MailReaders mailReaders(Directory directory, DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new MailReaders(directory, new MailAddressBook(jdbc), jdbc);
    }

    @Bean
    MailArchiveSpool mailArchiveSpool(JamesServer james, MailSettings settings, ObjectProvider<Archive> archive,
                                      MailReaders readers, ApplicationEventPublisher events,
                                      PlatformTransactionManager transactions, Mailboxes mailboxes,
                                      ClusterTasks cluster) {
        Archive present = archive.getIfAvailable();
        if (present == null) {
            log.warn("No archive in this application: mail stays in James's archive spool until there is one");
        }
        return new MailArchiveSpool(james.archiveSpool().orElseThrow(), settings.archive().interval(), present,
                readers, events, new TransactionTemplate(transactions), (username, messageId) -> {
                    try {
                        return mailboxes.findByMessageId(username, messageId).isPresent();
                    } catch (MailboxException e) {
                        return false;
                    }
                }, cluster);
    }

    @Bean
    MailArchiveFeeder mailArchiveFeeder(MailAdministration administration, JamesConnection connection,
                                        MailReaders readers, PlatformTransactionManager transactions) {
        return new MailArchiveFeeder(administration, connection, readers, new TransactionTemplate(transactions));
    }
}
