package vn.lienthong.chat.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.chat.ChannelKind;
import vn.lienthong.chat.UnitChannelSyncReport;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialChange;
import vn.lienthong.directory.OfficialMoved;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitChange;
import vn.lienthong.directory.UnitMerged;

/**
 * Keeps the unit channels in step with the directory: one channel per active unit, named like it; its members are
 * the unit's active officials and the unit administrators whose managed unit it is; members who may administer the
 * unit moderate. A deactivated or merged unit's channel is closed (read-only) and keeps its members, so its history
 * stays with those who had it; the officials of a merged unit join the target's channel.
 *
 * <p>The directory publishes its events inside its transactions; they are acted on after commit, on one thread of
 * our own in order (a failure is logged and the next re-sync repairs it). Every step recomputes the unit's channel
 * from the directory as it is now, so steps are idempotent and their order does not matter. A full re-sync runs
 * once the application is ready (after the demo data or the bootstrap was seeded) and on request.
 */
@Component
class UnitChannels implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UnitChannels.class);

    private final Directory directory;
    private final ChannelRepository channels;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "chat-directory-sync");
        thread.setDaemon(true);
        return thread;
    });

    UnitChannels(Directory directory, ChannelRepository channels, TransactionTemplate transactions,
                 ApplicationEventPublisher events) {
        this.directory = directory;
        this.channels = channels;
        this.transactions = transactions;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void syncAtStartUp() {
        later("start-up re-sync", () -> {
            UnitChannelSyncReport report = resyncAll();
            log.info("Kênh đơn vị đã khớp với danh bạ (unit channels in step with the directory): {}", report);
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UnitChange change) {
        later(change, () -> syncUnit(change.unitId()));
    }

    /** The source closes; its officials (now the target's) join the target's channel. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UnitMerged event) {
        later(event, () -> {
            syncUnit(event.sourceId());
            syncUnit(event.targetId());
        });
    }

    /** Roles, the managed unit or the unit may have changed (or the official was reactivated). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(OfficialChange change) {
        later(change, () -> {
            if (change instanceof OfficialMoved moved) {
                syncUnit(moved.oldUnitId());
            }
            syncOfficial(change.officialId());
        });
    }

    /** Runs a full re-sync on the sync thread (after whatever is queued) and waits for it. */
    UnitChannelSyncReport resyncAllAndWait() {
        Future<UnitChannelSyncReport> result = worker.submit(this::resyncAll);
        try {
            return result.get(10, TimeUnit.MINUTES);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-syncing unit channels", ex);
        }
        catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
            throw new IllegalStateException("unit channel re-sync failed", ex);
        }
    }

    /** Every unit of the directory, active or not. Only call on the sync thread (or in tests with nothing queued). */
    UnitChannelSyncReport resyncAll() {
        Counts total = new Counts();
        for (Unit unit : directory.allUnits()) {
            total.add(syncUnit(unit.id()));
        }
        return total.report();
    }

    /** The official's own unit, the unit they administer, and every unit channel they are in. */
    void syncOfficial(long officialId) {
        Official official = directory.findOfficial(officialId).orElse(null);
        if (official == null) {
            return;
        }
        Map<Long, Boolean> units = new LinkedHashMap<>();
        units.put(official.unitId(), true);
        if (official.managedUnitId() != null) {
            units.put(official.managedUnitId(), true);
        }
        for (ChannelRepository.Membership membership : channels.membershipsOf(official.username())) {
            if (membership.channel().kind() == ChannelKind.UNIT && membership.channel().unitId() != null) {
                units.put(membership.channel().unitId(), true);
            }
        }
        units.keySet().forEach(this::syncUnit);
    }

    /** Brings one unit's channel in line with the directory; answers what changed. */
    Counts syncUnit(long unitId) {
        return transactions.execute(status -> {
            Counts counts = new Counts();
            Unit unit = directory.findUnit(unitId).orElse(null);
            Optional<Channel> existing = channels.findByUnit(unitId);
            if (unit == null || !unit.active()) {
                existing.filter(channel -> !channel.closed()).ifPresent(channel -> {
                    channels.close(channel.id(), unit == null ? null : unit.mergedIntoId());
                    counts.closed++;
                    events.publishEvent(ArchiveUpdate.wholeChannel(channel.id()));
                });
                return counts;
            }
            Channel channel = existing.orElse(null);
            if (channel == null) {
                channels.insertIfAbsent(ChannelKind.UNIT, unit.name(), unit.id(), unit.code(), null, null, null);
                channel = channels.findByUnit(unitId).orElseThrow();
                counts.created++;
            }
            else {
                if (!channel.title().equals(unit.name()) || !unit.code().equals(channel.unitCode())) {
                    channels.rename(channel.id(), unit.name(), unit.code());
                    counts.updated++;
                    if (!unit.code().equals(channel.unitCode())) {
                        events.publishEvent(ArchiveUpdate.wholeChannel(channel.id()));
                    }
                }
                if (channel.closed()) {
                    channels.reopen(channel.id());
                    counts.updated++;
                }
            }
            syncMembers(channel, unit, counts);
            return counts;
        });
    }

    private void syncMembers(Channel channel, Unit unit, Counts counts) {
        Map<String, Boolean> wanted = new HashMap<>(); // username -> also outside the unit (an administrator)
        for (Official official : directory.officialsOf(unit.id(), false)) {
            wanted.put(official.username(), false);
        }
        for (Official official : directory.officialsInSubtree(unit.id())) {
            if (administersExactly(official, unit)) {
                wanted.putIfAbsent(official.username(), true);
            }
        }
        List<Member> current = channels.members(channel.id());
        for (Member member : current) {
            // A unit administrator who sits outside the unit's subtree is kept while they still manage it.
            if (!wanted.containsKey(member.username())) {
                directory.findOfficialByUsername(member.username())
                        .filter(official -> administersExactly(official, unit))
                        .ifPresent(official -> wanted.put(official.username(), true));
            }
        }
        boolean readersChanged = false;
        Map<String, Member> byName = new HashMap<>();
        current.forEach(member -> byName.put(member.username(), member));
        for (Member member : current) {
            if (!wanted.containsKey(member.username())) {
                channels.removeMember(channel.id(), member.username());
                counts.removed++;
                readersChanged |= !inUnit(member.username(), unit);
            }
        }
        for (Map.Entry<String, Boolean> entry : wanted.entrySet()) {
            String username = entry.getKey();
            boolean moderator = directory.canAdminister(username, unit.id());
            Member member = byName.get(username);
            if (member == null) {
                channels.addMember(channel.id(), username, moderator, true);
                counts.added++;
                readersChanged |= entry.getValue();
            }
            else if (member.moderator() != moderator || !member.canPost()) {
                channels.setRights(channel.id(), username, moderator, true);
            }
        }
        if (readersChanged) {
            events.publishEvent(ArchiveUpdate.wholeChannel(channel.id()));
        }
    }

    private boolean inUnit(String username, Unit unit) {
        return directory.findOfficialByUsername(username).map(o -> o.unitId() == unit.id()).orElse(false);
    }

    /** An active unit administrator whose managed unit is this very unit ("the unit admins of that unit"). */
    private static boolean administersExactly(Official official, Unit unit) {
        return official.active() && official.hasRole(Role.UNIT_ADMIN) && official.managedUnitId() != null
                && official.managedUnitId() == unit.id();
    }

    private void later(Object what, Runnable work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                }
                catch (RuntimeException ex) {
                    log.warn("Không cập nhật được kênh đơn vị theo {} (could not update unit channels; the next "
                            + "re-sync repairs it)", what, ex);
                }
            });
        }
        catch (RejectedExecutionException ex) {
            log.debug("Shutting down: {} not applied to unit channels", what);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** What one step changed. */
    static final class Counts {

        int created;
        int updated;
        int closed;
        int added;
        int removed;

        void add(Counts other) {
            created += other.created;
            updated += other.updated;
            closed += other.closed;
            added += other.added;
            removed += other.removed;
        }

        UnitChannelSyncReport report() {
            return new UnitChannelSyncReport(created, updated, closed, added, removed);
        }
    }
}
