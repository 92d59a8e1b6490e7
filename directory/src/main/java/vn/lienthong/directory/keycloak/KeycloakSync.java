package vn.lienthong.directory.keycloak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import vn.lienthong.directory.ClusterTasks;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.IdentitySync;
import vn.lienthong.directory.IdentitySyncReport;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;

/**
 * Keeps the Keycloak realm in step with the directory. Changes are applied one at a time, in the order the
 * directory made them, on a single background thread; each reads the current state from the {@link Directory},
 * so applying one twice or late does no harm. When Keycloak is down a change is logged and skipped: the directory
 * keeps everything, and {@link #resyncAll()} repairs the realm afterwards.
 *
 * <p>This bean exists only in Keycloak mode with provisioning enabled ({@code lienthong.identity.provider=KEYCLOAK},
 * {@code lienthong.identity.keycloak.provisioning.enabled=true}).
 */
public class KeycloakSync implements IdentitySync, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeycloakSync.class);
    static final String RESYNC_ON_START_TASK = "directory.keycloak-resync-on-start";
    /** Longer than a full re-sync of a large realm takes. */
    private static final Duration RESYNC_LOCK_AT_MOST_FOR = Duration.ofHours(2);
    /** A re-sync at start that another instance did this recently counts for this one too (rolling restarts). */
    private static final Duration RESYNC_ON_START_EVERY = Duration.ofMinutes(10);

    private final Directory directory;
    private final KeycloakRealmWriter writer;
    private final ClusterTasks cluster;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "keycloak-sync");
        thread.setDaemon(true);
        return thread;
    });

    KeycloakSync(Directory directory, KeycloakRealmWriter writer, ClusterTasks cluster) {
        this.directory = directory;
        this.writer = writer;
        this.cluster = cluster;
    }

    /**
     * Brings the whole realm in line with the directory: every active unit as a group in the right place, groups
     * of inactive units removed, every official as a user with their unit group and roles, users of officials
     * the directory does not know disabled. Waits for changes queued before it, then runs; returns what it changed.
     * Failures of single units or officials are listed in the report, the rest is still done.
     *
     * @throws IllegalStateException if Keycloak cannot be reached at all
     */
    @Override
    public IdentitySyncReport resyncAll() {
        Future<IdentitySyncReport> report = worker.submit(this::resyncNow);
        try {
            return report.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while re-syncing Keycloak", ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("Keycloak re-sync failed: " + ex.getCause().getMessage(), ex.getCause());
        }
    }

    /**
     * Starts the re-sync of an app start in the background and logs its report. One instance does it for all (cluster
     * lock {@value #RESYNC_ON_START_TASK}); instances starting within {@link #RESYNC_ON_START_EVERY} of it skip theirs.
     */
    void resyncInBackground() {
        worker.execute(() -> {
            try {
                boolean ran = cluster.runExclusively(RESYNC_ON_START_TASK, RESYNC_LOCK_AT_MOST_FOR, RESYNC_ON_START_EVERY,
                        () -> log.info("Keycloak re-sync done: {}", resyncNow()));
                if (!ran) {
                    log.info("Keycloak re-sync at start skipped: another instance is doing it or has just done it");
                }
            }
            catch (RuntimeException ex) {
                log.warn("Keycloak re-sync failed ({}); the directory is unchanged, run it again once Keycloak is "
                        + "reachable", ex.toString());
            }
        });
    }

    void unitChanged(long unitId) {
        apply("unit " + unitId, () -> directory.findUnit(unitId).ifPresent(unit -> {
            KeycloakRealmWriter.Groups groups = writer.lookup();
            if (unit.active()) {
                writer.ensureGroup(unit, groups, KeycloakRealmWriter.Tally.IGNORED);
                // A new code shows in the users' unitCode attribute.
                for (Official official : directory.officialsOf(unitId, true)) {
                    writer.upsertUser(official, groups);
                }
            }
            else {
                writer.removeGroup(unitId, groups);
            }
        }));
    }

    void unitMerged(long sourceId, long targetId) {
        apply("merge of unit " + sourceId + " into " + targetId, () -> {
            KeycloakRealmWriter.Groups groups = writer.lookup();
            // Children first (they may hang under the source's group), then the officials, then the source.
            for (Unit unit : directory.subtree(targetId)) {
                writer.ensureGroup(unit, groups, KeycloakRealmWriter.Tally.IGNORED);
            }
            for (Official official : directory.officialsOf(targetId, true)) {
                writer.upsertUser(official, groups);
            }
            for (Official official : directory.officialsOf(sourceId, true)) {
                writer.upsertUser(official, groups);
            }
            directory.findUnit(sourceId).filter(unit -> !unit.active())
                    .ifPresent(unit -> writer.removeGroup(sourceId, groups));
        });
    }

    void officialChanged(long officialId) {
        apply("official " + officialId, () -> directory.findOfficial(officialId)
                .ifPresent(official -> writer.upsertUser(official, writer.lookup())));
    }

    private void apply(String what, Runnable change) {
        try {
            worker.execute(() -> {
                try {
                    change.run();
                }
                catch (RuntimeException ex) {
                    log.warn("Keycloak: could not apply the change to {} ({}); the directory has it, a full re-sync "
                            + "will repair Keycloak", what, ex.toString());
                }
            });
        }
        catch (RejectedExecutionException ex) {
            log.warn("Keycloak: shutting down, change to {} left for the next re-sync", what);
        }
    }

    private IdentitySyncReport resyncNow() {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        KeycloakRealmWriter.Tally tally = new KeycloakRealmWriter.Tally();
        KeycloakRealmWriter.Groups groups = writer.loadAll();

        List<Unit> units = directory.allUnits();
        Set<Long> activeUnitIds = new HashSet<>();
        for (Unit unit : units) {
            if (unit.active()) {
                activeUnitIds.add(unit.id());
                try {
                    writer.ensureGroup(unit, groups, tally);
                }
                catch (RuntimeException ex) {
                    failures.add("Unit " + unit.code() + ": " + ex.getMessage());
                }
            }
        }

        int groupsRemoved = 0;
        // Deepest first, so that a parent is empty of subgroups by the time its turn comes.
        List<Unit> inactive = units.stream().filter(unit -> !unit.active())
                .sorted(Comparator.comparingInt(Unit::depth).reversed()).toList();
        Set<Long> staleGroups = new HashSet<>(writer.unitIdsInRealm());
        staleGroups.removeAll(activeUnitIds);
        for (Unit unit : inactive) {
            if (staleGroups.remove(unit.id())) {
                groupsRemoved += removeQuietly(unit.id(), groups, failures);
            }
        }
        for (Long unknown : staleGroups) {
            groupsRemoved += removeQuietly(unknown, groups, failures);
        }

        int created = 0;
        int updated = 0;
        int disabled = 0;
        Set<Long> officialIds = new HashSet<>();
        for (Unit unit : units) {
            for (Official official : directory.officialsOf(unit.id(), true)) {
                officialIds.add(official.id());
                try {
                    switch (writer.upsertUser(official, groups)) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case DISABLED -> disabled++;
                        case UNCHANGED -> { }
                    }
                }
                catch (RuntimeException ex) {
                    failures.add("Official " + official.username() + ": " + ex.getMessage());
                }
            }
        }
        try {
            disabled += writer.disableUsersNotIn(officialIds);
        }
        catch (RuntimeException ex) {
            failures.add("Users unknown to the directory: " + ex.getMessage());
        }
        IdentitySyncReport report = new IdentitySyncReport(tally.groupsCreated, tally.groupsUpdated, groupsRemoved,
                created, updated, disabled, failures);
        log.info("Keycloak re-sync of {} units and {} officials took {} ms: {}", units.size(), officialIds.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), report);
        return report;
    }

    private int removeQuietly(long unitId, KeycloakRealmWriter.Groups groups, List<String> failures) {
        try {
            return writer.removeGroup(unitId, groups) ? 1 : 0;
        }
        catch (RuntimeException ex) {
            failures.add("Group of inactive unit " + unitId + ": " + ex.getMessage());
            return 0;
        }
    }

    @Override
    public void destroy() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        }
        catch (InterruptedException ex) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
