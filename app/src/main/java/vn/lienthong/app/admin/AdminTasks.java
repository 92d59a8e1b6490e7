package vn.lienthong.app.admin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.RebuildReport;
import vn.lienthong.directory.IdentitySync;
import vn.lienthong.directory.IdentitySyncReport;

/**
 * The system administrator's maintenance jobs: rebuilding the archive from every source, and a full re-sync of the
 * outside identity provider, which exists only when Keycloak provisioning is on ({@link IdentitySync}).
 */
@Component
class AdminTasks {

    private final Archive archive;
    private final ObjectProvider<IdentitySync> identitySync;
    private final BackgroundTask<RebuildReport> rebuild = new BackgroundTask<>("archive-rebuild-by-admin");
    private final BackgroundTask<IdentitySyncReport> resync = new BackgroundTask<>("identity-resync-by-admin");

    AdminTasks(Archive archive, ObjectProvider<IdentitySync> identitySync) {
        this.archive = archive;
        this.identitySync = identitySync;
    }

    BackgroundTask<RebuildReport> rebuild() {
        return rebuild;
    }

    BackgroundTask<IdentitySyncReport> resync() {
        return resync;
    }

    boolean identitySyncAvailable() {
        return identitySync.getIfAvailable() != null;
    }

    boolean startRebuild(String actor) {
        return rebuild.start(actor, archive::rebuild);
    }

    /** @throws IllegalStateException when there is no identity provider to sync */
    boolean startResync(String actor) {
        IdentitySync sync = identitySync.getIfAvailable();
        if (sync == null) {
            throw new IllegalStateException("No outside identity provider is provisioned");
        }
        return resync.start(actor, sync::resyncAll);
    }
}
