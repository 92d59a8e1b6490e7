package vn.lienthong.archive.internal;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.lienthong.archive.ArchiveFeeder;

/**
 * Wires the archive (exposed as {@link vn.lienthong.archive.Archive}) on the engine of
 * {@code lienthong.archive.engine}: a {@link LuceneArchive} under {@code lienthong.archive.directory}, or
 * {@code ${lienthong.data-dir}/archive} (the default), or a {@link SolrArchive} on the SolrCloud collection of
 * {@code lienthong.archive.solr.*}. Every {@link ArchiveFeeder} bean is a source it can rebuild from. When the
 * application is ready and the index needed it (missing, corrupt, unclean shutdown, a collection just created),
 * the rebuild runs on a background thread: the application serves meanwhile.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArchiveSettings.class)
class ArchiveConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ArchiveConfiguration.class);
    private static final String ENGINE = "lienthong.archive.engine";

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = ENGINE, havingValue = "lucene", matchIfMissing = true)
    LuceneArchive archive(ArchiveSettings settings, Environment environment, ObjectProvider<ArchiveFeeder> feeders) {
        Path directory = settings.directory() != null ? settings.directory()
                : Path.of(environment.getProperty("lienthong.data-dir", "./data")).resolve("archive");
        return LuceneArchive.open(settings.withDirectory(directory.toAbsolutePath().normalize()),
                () -> feeders.orderedStream().toList());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = ENGINE, havingValue = "solr")
    SolrArchive solrArchive(ArchiveSettings settings, ObjectProvider<ArchiveFeeder> feeders) {
        return SolrArchive.open(settings, () -> feeders.orderedStream().toList());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> archiveStartupRebuild(StartupRebuild archive) {
        return event -> {
            if (!archive.rebuildNeeded()) {
                return;
            }
            Thread thread = new Thread(() -> {
                try {
                    archive.rebuildIfNeeded();
                } catch (RuntimeException e) {
                    log.error("Archive start-up rebuild failed; it will be tried again at the next start", e);
                }
            }, "archive-rebuild");
            thread.setDaemon(true);
            thread.start();
        };
    }

    /** {@code /actuator/health} shows the Solr collection (as {@code solrArchive}) when Actuator is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnProperty(name = ENGINE, havingValue = "solr")
    static class SolrHealth {

        @Bean
        SolrArchiveHealthIndicator solrArchiveHealthIndicator(SolrArchive archive) {
            return new SolrArchiveHealthIndicator(archive);
        }
    }
}
