package vn.lienthong.directory.keycloak;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.lienthong.directory.OfficialChanged;
import vn.lienthong.directory.OfficialCreated;
import vn.lienthong.directory.OfficialDeactivated;
import vn.lienthong.directory.OfficialMoved;
import vn.lienthong.directory.UnitChanged;
import vn.lienthong.directory.UnitCreated;
import vn.lienthong.directory.UnitDeactivated;
import vn.lienthong.directory.UnitMerged;
import vn.lienthong.directory.UnitMoved;

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
    void on(UnitCreated event) {
        sync.unitChanged(event.unitId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UnitChanged event) {
        sync.unitChanged(event.unitId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UnitMoved event) {
        sync.unitChanged(event.unitId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UnitDeactivated event) {
        sync.unitChanged(event.unitId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UnitMerged event) {
        sync.unitMerged(event.sourceId(), event.targetId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OfficialCreated event) {
        sync.officialChanged(event.officialId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OfficialChanged event) {
        sync.officialChanged(event.officialId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OfficialMoved event) {
        sync.officialChanged(event.officialId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OfficialDeactivated event) {
        sync.officialChanged(event.officialId());
    }
}
