package vn.lienthong.directory.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import vn.lienthong.directory.ClusterTasks;

/**
 * What lets several app instances share one database (migration {@code V1_0_2}):
 * <ul>
 *   <li>{@link ClusterTasks} for the modules, on ShedLock's table {@value #LOCK_TABLE};</li>
 *   <li>the browser sessions: Boot's Spring Session JDBC set-up (always on: any request may reach any instance, and a
 *       restart logs nobody out), on our tables {@value #SESSION_TABLE} and {@code dir_session_attributes}, with the
 *       expired-session sweep run by one instance a minute instead of by Spring Session's timer on every one.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    static final String LOCK_TABLE = "dir_shedlock";
    static final String SESSION_TABLE = "dir_session";
    static final String SESSION_CLEANUP_TASK = "directory.session-cleanup";

    @Bean
    LockProvider clusterLockProvider(DataSource dataSource) {
        return lockProvider(dataSource);
    }

    /** Locks in {@value #LOCK_TABLE}, timed by the database's clock: the instances' clocks may differ. */
    static LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(LOCK_TABLE)
                .withLockedByValue(instanceName())
                .usingDbTime()
                .build());
    }

    @Bean
    ClusterTasks clusterTasks(LockProvider clusterLockProvider) {
        return new ShedLockClusterTasks(clusterLockProvider);
    }

    /** Runs after Boot's own customizer (which applies {@code spring.session.*} and the session timeout). */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTables() {
        return repository -> {
            repository.setTableName(SESSION_TABLE);
            repository.setCleanupCron(Scheduled.CRON_DISABLED);
        };
    }

    @Bean
    SessionCleanup sessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions, ClusterTasks cluster) {
        return new SessionCleanup(sessions, cluster);
    }

    /** Who holds a lock, for whoever reads the table: host, process and a random part (two instances, one host). */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Deletes expired sessions once a minute across the cluster (Spring Session's own timer would run the same
     * DELETE on every instance at the same second). Nothing to do without a session repository (no web).
     */
    static final class SessionCleanup implements SmartLifecycle {

        static final Duration PERIOD = Duration.ofMinutes(1);
        private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

        private final ObjectProvider<JdbcIndexedSessionRepository> sessions;
        private final ClusterTasks cluster;
        private volatile ScheduledExecutorService worker;

        SessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions, ClusterTasks cluster) {
            this.sessions = sessions;
            this.cluster = cluster;
        }

        @Override
        public void start() {
            JdbcIndexedSessionRepository repository = sessions.getIfAvailable();
            if (repository == null) {
                return;
            }
            worker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "session-cleanup");
                thread.setDaemon(true);
                return thread;
            });
            long period = PERIOD.toMillis();
            worker.scheduleWithFixedDelay(() -> cleanUp(repository), period, period, TimeUnit.MILLISECONDS);
        }

        /** Answers whether this instance did the sweep (false: another one did it this minute). */
        boolean cleanUp(JdbcIndexedSessionRepository repository) {
            try {
                // At least a little under the period: the other instances skip this minute's round.
                return cluster.runExclusively(SESSION_CLEANUP_TASK, Duration.ofMinutes(10),
                        PERIOD.minusSeconds(5), repository::cleanUpExpiredSessions);
            }
            catch (RuntimeException ex) {
                log.warn("Không xoá được phiên đã hết hạn (expired sessions not cleaned up); next minute again", ex);
                return false;
            }
        }

        @Override
        public void stop() {
            ScheduledExecutorService current = worker;
            worker = null;
            if (current != null) {
                current.shutdownNow();
            }
        }

        @Override
        public boolean isRunning() {
            return worker != null;
        }
    }
}
