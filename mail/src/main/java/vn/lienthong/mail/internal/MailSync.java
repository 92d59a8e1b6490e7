package vn.lienthong.mail.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import vn.lienthong.directory.ClusterTasks;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;
import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.MailAdministrationException;
import vn.lienthong.mail.MailProvisioning;
import vn.lienthong.mail.MailQuota;
import vn.lienthong.mail.MailSyncReport;
import vn.lienthong.mail.internal.MailAddressBook.Owner;

/**
 * Keeps James in step with the directory. Every change is applied on one background thread, in the order the
 * directory made it, and reads the current state from the {@link Directory}: applying a change twice or late does no
 * harm. A change that fails (James down) is logged and a full re-sync is scheduled.
 *
 * <p>What James holds for the directory:
 * <ul>
 * <li>a domain for every unit's mail domain and every official's address;</li>
 * <li>an account per active official at {@link Official#email()}, created with a random password and the default
 * quota; an official whose address changed has the account renamed (mail moves along) and the old address as an
 * alias;</li>
 * <li>a group at every address a unit ever had ({@code mailLocalPart@domain}, current and former), whose members are
 * the active officials of the unit, or of the unit it was merged into;</li>
 * <li>no account for a deactivated official: James then refuses mail to the address at RCPT time. Deleting the account
 * in James 3.8.1 leaves the mailboxes and messages in place; reactivating the official brings them back.</li>
 * </ul>
 */
public class MailSync implements MailProvisioning, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailSync.class);
    private static final int MAX_MERGE_HOPS = 32;
    static final String RESYNC_ON_START_TASK = "mail.resync-on-start";
    /** Longer than a full re-sync of a province takes. */
    static final Duration RESYNC_LOCK_AT_MOST_FOR = Duration.ofHours(2);
    /** A re-sync at start that another instance did this recently counts for this one too (rolling restarts). */
    static final Duration RESYNC_ON_START_EVERY = Duration.ofMinutes(10);

    private final Directory directory;
    private final MailAdministration james;
    private final MailAddressBook addresses;
    private final MailProvisioningSettings settings;
    private final ClusterTasks cluster;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mail-sync");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean retryPending = new AtomicBoolean();
    /** Domains known to exist in James; touched by the worker thread only. */
    private final Set<String> knownDomains = new HashSet<>();

    MailSync(Directory directory, MailAdministration james, MailAddressBook addresses,
             MailProvisioningSettings settings, ClusterTasks cluster) {
        this.directory = directory;
        this.james = james;
        this.addresses = addresses;
        this.settings = settings;
        this.cluster = cluster;
    }

    @Override
    public MailSyncReport resyncAll() {
        try {
            return worker.submit(this::resyncNow).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailAdministrationException("Bị ngắt khi đồng bộ thư (interrupted while re-syncing mail)", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MailAdministrationException failure) {
                throw failure;
            }
            throw new MailAdministrationException("Đồng bộ thư thất bại: " + e.getCause().getMessage()
                    + " (mail re-sync failed)", e.getCause());
        }
    }

    /**
     * Queues the re-sync of an app start, which repairs what changed while the app was down: one instance does it
     * for all (under the cluster lock {@value #RESYNC_ON_START_TASK}), and instances starting within
     * {@link #RESYNC_ON_START_EVERY} of it skip theirs. On failure a full re-sync follows after the retry delay.
     */
    void resyncOnStart() {
        execute("full re-sync at start", () -> {
            boolean ran = cluster.runExclusively(RESYNC_ON_START_TASK, RESYNC_LOCK_AT_MOST_FOR, RESYNC_ON_START_EVERY,
                    () -> log.info("Mail re-sync done: {}", resyncNow()));
            if (!ran) {
                log.info("Mail re-sync at start skipped: another instance is doing it or has just done it");
            }
        });
    }

    /**
     * Queues a full re-sync and logs its report; on failure tries again after the retry delay. Not under the cluster
     * lock: it repairs a change that failed on this instance, which a re-sync running elsewhere may have passed.
     */
    void resyncInBackground() {
        execute("full re-sync", () -> log.info("Mail re-sync done: {}", resyncNow()));
    }

    void unitChanged(long unitId) {
        execute("unit " + unitId, () -> {
            Tally tally = new Tally();
            Map<Long, Unit> units = unitsById();
            // A new domain or a move changes the inherited domain of the whole subtree.
            for (Unit unit : units.values()) {
                if (unit.path().contains(unitId)) {
                    reconcileUnit(unit, units, tally);
                }
            }
            tally.throwIfFailed();
        });
    }

    void unitMerged(long sourceId, long targetId) {
        unitChanged(sourceId);
        unitChanged(targetId);
    }

    void officialChanged(long officialId, String formerEmail) {
        execute("official " + officialId, () -> directory.findOfficial(officialId).ifPresent(official -> {
            Tally tally = new Tally();
            reconcileOfficial(official, formerEmail, tally);
            reconcileUnitsServing(official.unitId(), tally);
            tally.throwIfFailed();
        }));
    }

    void officialMoved(long officialId, long formerUnitId) {
        officialChanged(officialId, null);
        execute("unit " + formerUnitId, () -> {
            Tally tally = new Tally();
            reconcileUnitsServing(formerUnitId, tally);
            tally.throwIfFailed();
        });
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    // ------------------------------------------------------------------ the work, on the worker thread

    private MailSyncReport resyncNow() {
        long started = System.nanoTime();
        knownDomains.clear();
        james.domains().forEach(domain -> knownDomains.add(MailAddressBook.normalise(domain))); // fails fast if down
        Tally tally = new Tally();
        Map<Long, Unit> units = unitsById();
        for (Unit unit : units.values()) {
            if (unit.active()) {
                tally.attempt("Đơn vị " + unit.code(), () -> directory.mailDomainOf(unit.id())
                        .ifPresent(domain -> ensureDomain(domain, tally)));
            }
        }
        for (Unit unit : units.values()) {
            for (Official official : directory.officialsOf(unit.id(), true)) {
                tally.attempt("Cán bộ " + official.username(), () -> reconcileOfficial(official, null, tally));
            }
        }
        for (Unit unit : units.values()) {
            reconcileUnit(unit, units, tally);
        }
        return tally.report(Duration.ofNanos(System.nanoTime() - started));
    }

    private void reconcileOfficial(Official official, String formerEmail, Tally tally) {
        String email = MailAddressBook.normalise(official.email());
        if (formerEmail != null && !formerEmail.isBlank()) {
            addresses.remember(Owner.OFFICIAL, official.id(), formerEmail);
        }
        addresses.remember(Owner.OFFICIAL, official.id(), email);
        List<String> former = addresses.addressesOf(Owner.OFFICIAL, official.id()).stream()
                .filter(address -> !address.equals(email)).toList();

        if (!official.active()) {
            List<String> aliases = james.aliases(email);
            for (String address : former) {
                if (aliases.contains(address)) {
                    james.removeAlias(email, address);
                }
                if (james.accountExists(address)) {
                    james.deleteAccount(address);
                    tally.accountsRemoved++;
                }
            }
            if (james.accountExists(email)) {
                james.deleteAccount(email);
                tally.accountsRemoved++;
            }
            return;
        }

        ensureDomain(domainOf(email), tally);
        if (!james.accountExists(email)) {
            Optional<String> previous = former.stream().filter(james::accountExists).reduce((first, last) -> last);
            if (previous.isPresent()) {
                james.renameAccount(previous.get(), email);
                log.info("Mail: account {} renamed to {} (mail moved along)", previous.get(), email);
            } else {
                james.createAccount(email);
            }
            james.setQuota(email, defaultQuota());
            tally.accountsCreated++;
        } else if (james.quota(email).maxBytes().isEmpty()) {
            james.setQuota(email, defaultQuota());
        }
        List<String> aliases = james.aliases(email);
        for (String address : former) {
            if (!aliases.contains(address) && !james.accountExists(address)) {
                ensureDomain(domainOf(address), tally);
                james.addAlias(email, address);
                tally.aliasesAdded++;
            }
        }
    }

    /** Units whose addresses deliver to {@code unitId}'s officials: the unit itself and those merged into it. */
    private void reconcileUnitsServing(long unitId, Tally tally) {
        Map<Long, Unit> units = unitsById();
        for (Unit unit : units.values()) {
            if (effective(unit, units).id() == unitId) {
                reconcileUnit(unit, units, tally);
            }
        }
    }

    private void reconcileUnit(Unit unit, Map<Long, Unit> units, Tally tally) {
        tally.attempt("Đơn vị " + unit.code(), () -> {
            if (unit.active() && unit.mailLocalPart() != null && !unit.mailLocalPart().isBlank()) {
                directory.mailDomainOf(unit.id()).ifPresent(domain ->
                        addresses.remember(Owner.UNIT, unit.id(), unit.mailLocalPart() + "@" + domain));
            }
            Unit effective = effective(unit, units);
            Set<String> members = effective.active()
                    ? directory.officialsOf(effective.id(), false).stream()
                            .map(official -> MailAddressBook.normalise(official.email()))
                            .collect(Collectors.toCollection(LinkedHashSet::new))
                    : Set.of();
            for (String address : addresses.addressesOf(Owner.UNIT, unit.id())) {
                if (!members.isEmpty()) {
                    ensureDomain(domainOf(address), tally);
                }
                syncGroup(address, members, tally);
            }
        });
    }

    private void syncGroup(String group, Set<String> members, Tally tally) {
        Set<String> current = james.groupMembers(group).stream().map(MailAddressBook::normalise)
                .collect(Collectors.toSet());
        for (String member : members) {
            if (!current.contains(member)) {
                james.addGroupMember(group, member);
                tally.groupMembersAdded++;
            }
        }
        for (String member : current) {
            if (!members.contains(member)) {
                james.removeGroupMember(group, member);
                tally.groupMembersRemoved++;
            }
        }
    }

    private void ensureDomain(String domain, Tally tally) {
        String normalised = MailAddressBook.normalise(domain);
        if (knownDomains.contains(normalised)) {
            return;
        }
        if (!james.domainExists(normalised)) {
            james.addDomain(normalised);
            tally.domainsAdded++;
        }
        knownDomains.add(normalised);
    }

    /** The unit mail to this unit ends up with: itself, or the last unit of its merge chain. */
    private static Unit effective(Unit unit, Map<Long, Unit> units) {
        Unit current = unit;
        for (int hop = 0; hop < MAX_MERGE_HOPS && current.mergedIntoId() != null; hop++) {
            Unit next = units.get(current.mergedIntoId());
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    private Map<Long, Unit> unitsById() {
        Map<Long, Unit> units = new java.util.LinkedHashMap<>();
        for (Unit unit : directory.allUnits()) {
            units.put(unit.id(), unit);
        }
        return units;
    }

    private MailQuota defaultQuota() {
        long messages = settings.defaultQuotaMessages();
        return new MailQuota(java.util.OptionalLong.of(settings.defaultQuota().toBytes()),
                messages > 0 ? java.util.OptionalLong.of(messages) : java.util.OptionalLong.empty());
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private void execute(String what, Runnable change) {
        try {
            worker.execute(() -> {
                try {
                    change.run();
                } catch (RuntimeException e) {
                    log.warn("Mail: could not apply {} ({}); a full re-sync is scheduled in {}", what, e.toString(),
                            settings.retryDelay());
                    scheduleRetry();
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Mail: shutting down, {} left for the next re-sync", what);
        }
    }

    private void scheduleRetry() {
        if (retryPending.compareAndSet(false, true)) {
            try {
                worker.schedule(() -> {
                    retryPending.set(false);
                    resyncInBackground();
                }, settings.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                retryPending.set(false);
            }
        }
    }

    /** Counts what a run changed and collects what failed. */
    private static final class Tally {
        int domainsAdded;
        int accountsCreated;
        int accountsRemoved;
        int aliasesAdded;
        int groupMembersAdded;
        int groupMembersRemoved;
        final List<String> failures = new ArrayList<>();

        void attempt(String what, Runnable step) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(what + ": " + e.getMessage());
            }
        }

        void throwIfFailed() {
            if (!failures.isEmpty()) {
                throw new MailAdministrationException(String.join("; ", failures));
            }
        }

        MailSyncReport report(Duration took) {
            return new MailSyncReport(domainsAdded, accountsCreated, accountsRemoved, aliasesAdded, groupMembersAdded,
                    groupMembersRemoved, failures, took);
        }
    }
}
