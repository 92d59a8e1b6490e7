package vn.lienthong.directory.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.directory.ClusterTasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The tables that let app instances share a database (migration {@code V1_0_2}): sessions written through one
 * instance's Spring Session repository are read through another's, and ShedLock's locks keep a task to one
 * instance at a time. Two "instances" are two repositories or lock providers over the same data source, as two
 * app instances over one database.
 */
abstract class AbstractClusterTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    ClusterTasks cluster;

    // ------------------------------------------------------------------------------------------- sessions

    @Test
    @SuppressWarnings("unchecked")
    void sessionSavedByOneInstanceIsReadByAnotherWithItsAttributesAndUser() {
        FindByIndexNameSessionRepository<Session> first = generic(sessions());
        FindByIndexNameSessionRepository<Session> second = generic(sessions());
        Session session = first.createSession();
        session.setAttribute("greeting", "Xin chào Vĩnh Lợi");
        session.setAttribute("login", new java.util.ArrayList<>(List.of("an.nguyen", "ROLE_OFFICIAL")));
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "an.nguyen");
        first.save(session);

        Session read = second.findById(session.getId());

        assertThat(read).isNotNull();
        assertThat((String) read.getAttribute("greeting")).isEqualTo("Xin chào Vĩnh Lợi");
        assertThat((List<String>) read.getAttribute("login")).containsExactly("an.nguyen", "ROLE_OFFICIAL");
        assertThat(second.findByPrincipalName("an.nguyen")).containsKey(session.getId());

        // A login changes the id (session fixation); the other instance follows.
        String before = read.getId();
        String after = read.changeSessionId();
        read.setAttribute("greeting", "Tạm biệt");
        second.save(read);
        assertThat(first.findById(before)).isNull();
        assertThat((String) first.findById(after).getAttribute("greeting")).isEqualTo("Tạm biệt");

        first.deleteById(after);
        assertThat(second.findById(after)).isNull();
    }

    @Test
    void sweepDeletesExpiredSessionsWithTheirAttributesAndKeepsLiveOnes() {
        JdbcIndexedSessionRepository jdbc = sessions();
        FindByIndexNameSessionRepository<Session> repository = generic(jdbc);
        Session expired = repository.createSession();
        expired.setAttribute("x", "y");
        expired.setLastAccessedTime(Instant.now().minus(Duration.ofHours(2)));
        expired.setMaxInactiveInterval(Duration.ofMinutes(30));
        repository.save(expired);
        Session live = repository.createSession();
        live.setAttribute("x", "y");
        repository.save(live);

        jdbc.cleanUpExpiredSessions();

        JdbcClient sql = JdbcClient.create(dataSource);
        assertThat(sql.sql("select count(*) from dir_session where session_id = ?").param(expired.getId())
                .query(Long.class).single()).isZero();
        assertThat(sql.sql("select count(*) from dir_session_attributes a join dir_session s "
                        + "on s.primary_id = a.session_primary_id where s.session_id = ?").param(live.getId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(sql.sql("select count(*) from dir_session_attributes where session_primary_id not in "
                + "(select primary_id from dir_session)").query(Long.class).single()).isZero();
        repository.deleteById(live.getId());
    }

    // ------------------------------------------------------------------------------------------- cluster tasks

    @Test
    void taskRunningOnOneInstanceIsSkippedByTheOtherUntilItEnds() throws Exception {
        ClusterTasks other = otherInstance();
        String name = taskName();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> running = thread.submit(() -> cluster.runExclusively(name, Duration.ofMinutes(1), () -> {
                started.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicInteger ran = new AtomicInteger();

            assertThat(other.runExclusively(name, Duration.ofMinutes(1), ran::incrementAndGet)).isFalse();
            assertThat(cluster.runExclusively(name, Duration.ofMinutes(1), ran::incrementAndGet)).isFalse();
            assertThat(ran).hasValue(0);

            release.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(other.runExclusively(name, Duration.ofMinutes(1), ran::incrementAndGet)).isTrue();
            assertThat(ran).hasValue(1);
        }
        finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void twoInstancesNeverRunTheSameTaskAtTheSameTime() throws Exception {
        List<ClusterTasks> instances = List.of(cluster, otherInstance());
        String name = taskName();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ClusterTasks instance = instances.get(i % 2);
                workers.add(threads.submit(() -> {
                    for (int attempt = 0; attempt < 100; attempt++) {
                        instance.runExclusively(name, Duration.ofMinutes(1), () -> {
                            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            runs.incrementAndGet();
                            long until = System.nanoTime() + 500_000; // hold the lock a little while
                            while (System.nanoTime() < until) {
                                Thread.onSpinWait();
                            }
                            inside.decrementAndGet();
                        });
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(runs.get()).isPositive();
        assertThat(mostInside).hasValue(1);
    }

    @Test
    void taskRunsElsewhereOnceTheLockOfAVanishedInstanceExpires() {
        String name = taskName();
        // An instance takes the lock for at most a second and dies without releasing it.
        LockProvider vanished = ClusterConfiguration.lockProvider(dataSource);
        java.util.Optional<SimpleLock> held = vanished.lock(
                new LockConfiguration(Instant.now(), name, Duration.ofSeconds(1), Duration.ZERO));
        assertThat(held).isPresent();
        AtomicInteger ran = new AtomicInteger();

        assertThat(cluster.runExclusively(name, Duration.ofMinutes(1), ran::incrementAndGet)).isFalse();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> cluster.runExclusively(name, Duration.ofMinutes(1), ran::incrementAndGet));
        assertThat(ran).hasValue(1);
    }

    @Test
    void lockAtLeastForKeepsTheOtherInstancesFromRunningTheTaskAgainTooSoon() {
        ClusterTasks other = otherInstance();
        String name = taskName();
        AtomicInteger ran = new AtomicInteger();

        assertThat(cluster.runExclusively(name, Duration.ofMinutes(1), Duration.ofSeconds(1), ran::incrementAndGet))
                .isTrue();
        assertThat(other.runExclusively(name, Duration.ofMinutes(1), Duration.ofSeconds(1), ran::incrementAndGet))
                .isFalse();
        assertThat(ran).hasValue(1);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                other.runExclusively(name, Duration.ofMinutes(1), Duration.ofSeconds(1), ran::incrementAndGet));
        assertThat(ran).hasValue(2);
    }

    @Test
    void taskFailureIsThrownAndReleasesTheLock() {
        String name = taskName();
        assertThatThrownBy(() -> cluster.runExclusively(name, Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("James không trả lời");
        })).isInstanceOf(IllegalStateException.class).hasMessage("James không trả lời");

        assertThat(otherInstance().runExclusively(name, Duration.ofMinutes(1), () -> { })).isTrue();
    }

    @Test
    void badNamesAndDurationsAreRefused() {
        assertThatThrownBy(() -> cluster.runExclusively(" ", Duration.ofMinutes(1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cluster.runExclusively("x".repeat(ClusterTasks.MAX_NAME_LENGTH + 1),
                Duration.ofMinutes(1), () -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cluster.runExclusively("test.bad", Duration.ofSeconds(1), Duration.ofSeconds(2),
                () -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionCleanupRunsOnOneInstancePerMinute() {
        JdbcIndexedSessionRepository repository = sessions();
        JdbcClient.create(dataSource).sql("delete from dir_shedlock where name = ?")
                .param(ClusterConfiguration.SESSION_CLEANUP_TASK).update();
        ClusterConfiguration.SessionCleanup here = new ClusterConfiguration.SessionCleanup(null, cluster);
        ClusterConfiguration.SessionCleanup there = new ClusterConfiguration.SessionCleanup(null, otherInstance());

        assertThat(here.cleanUp(repository)).isTrue();
        assertThat(there.cleanUp(repository)).isFalse();
        assertThat(here.cleanUp(repository)).isFalse();
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** A session repository configured as the app's (see ClusterConfiguration.sessionTables). */
    private JdbcIndexedSessionRepository sessions() {
        JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        repository.setTableName(ClusterConfiguration.SESSION_TABLE);
        repository.setCleanupCron(Scheduled.CRON_DISABLED);
        repository.afterPropertiesSet();
        return repository;
    }

    @SuppressWarnings("unchecked")
    private static FindByIndexNameSessionRepository<Session> generic(JdbcIndexedSessionRepository repository) {
        return (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) repository;
    }

    private ClusterTasks otherInstance() {
        return new ShedLockClusterTasks(ClusterConfiguration.lockProvider(dataSource));
    }

    private static String taskName() {
        return "test." + java.util.UUID.randomUUID();
    }
}
