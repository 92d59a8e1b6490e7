package vn.lienthong.mail.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.lienthong.directory.OfficialChanged;
import vn.lienthong.directory.OfficialCreated;
import vn.lienthong.directory.OfficialDeactivated;
import vn.lienthong.directory.OfficialMoved;
import vn.lienthong.directory.UnitChange;
import vn.lienthong.directory.UnitMerged;

/**
 * Hands the directory's events to {@link MailSync} once the directory's transaction has committed (at once when
 * published outside one), and starts a full re-sync when the app is ready. The work runs on the sync's own thread:
 * a slow or absent James never holds up an administrator's request.
 */
class MailDirectoryListener {

    private final MailSync sync;
    private final boolean resyncOnStart;

    MailDirectoryListener(MailSync sync, boolean resyncOnStart) {
        this.sync = sync;
        this.resyncOnStart = resyncOnStart;
    }

    // Ready comes after the embedded James's lifecycle start, which waits until James is healthy.
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (resyncOnStart) {
            sync.resyncOnStart();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UnitChange change) {
        sync.unitChanged(change.unitId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UnitMerged event) {
        sync.unitMerged(event.sourceId(), event.targetId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OfficialCreated event) {
        sync.officialChanged(event.officialId(), null);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OfficialChanged event) {
        sync.officialChanged(event.officialId(), event.oldEmail());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OfficialMoved event) {
        sync.officialMoved(event.officialId(), event.oldUnitId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OfficialDeactivated event) {
        sync.officialChanged(event.officialId(), null);
    }
}
