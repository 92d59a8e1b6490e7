package vn.lienthong.directory.keycloak;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.lienthong.directory.OfficialChange;
import vn.lienthong.directory.UnitChange;
import vn.lienthong.directory.UnitMerged;

/**
 * Hands the directory's events to {@link KeycloakSync} once the change is committed (or at once when published
 * outside a transaction). The work itself runs on the sync's own thread, in order, so a slow or absent Keycloak
 * never holds up an administrator's request.
 */
class DirectoryChangeListener {

    private final KeycloakSync sync;
    private final boolean resyncOnStart;

    DirectoryChangeListener(KeycloakSync sync, boolean resyncOnStart) {
        this.sync = sync;
        this.resyncOnStart = resyncOnStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStarted() {
        if (resyncOnStart) {
            sync.resyncInBackground();
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
    void on(OfficialChange change) {
        sync.officialChanged(change.officialId());
    }
}
