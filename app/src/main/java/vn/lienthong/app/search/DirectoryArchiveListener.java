package vn.lienthong.app.search;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.lienthong.archive.Archive;
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
 * Keeps the directory's items in the archive in step with its events. The directory publishes them inside its
 * transaction; they are acted on once it has committed (so the archive never shows a change that was rolled back),
 * on one thread of our own, in order. The app enables neither {@code @Async} nor an event publication registry,
 * so {@code @ApplicationModuleListener} would run on the administrator's request thread and any failure would
 * reach them after their change was already saved; here a failure is logged and the next rebuild repairs it.
 */
@Component
class DirectoryArchiveListener implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DirectoryArchiveListener.class);

    private final Archive archive;
    private final DirectoryItems items;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "archive-directory");
        thread.setDaemon(true);
        return thread;
    });

    DirectoryArchiveListener(Archive archive, DirectoryItems items) {
        this.archive = archive;
        this.items = items;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UnitCreated event) {
        later(event, archive -> items.syncUnit(archive, event.unitId()));
    }

    /** A rename or a new code: officials' items name their unit too. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UnitChanged event) {
        later(event, archive -> items.syncSubtree(archive, event.unitId()));
    }

    /** The path of the unit and of everything below it changed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UnitMoved event) {
        later(event, archive -> items.syncSubtree(archive, event.unitId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UnitDeactivated event) {
        later(event, archive -> items.syncUnit(archive, event.unitId()));
    }

    /** The source goes; the target now has the source's name among its former names, its officials and children. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UnitMerged event) {
        later(event, archive -> {
            items.syncUnit(archive, event.sourceId());
            items.syncSubtree(archive, event.targetId());
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(OfficialCreated event) {
        later(event, archive -> items.syncOfficial(archive, event.officialId()));
    }

    /** Also published on reactivation: the official comes back. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(OfficialChanged event) {
        later(event, archive -> items.syncOfficial(archive, event.officialId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(OfficialMoved event) {
        later(event, archive -> items.syncOfficial(archive, event.officialId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(OfficialDeactivated event) {
        later(event, archive -> items.syncOfficial(archive, event.officialId()));
    }

    private void later(Object event, Consumer<Archive> work) {
        try {
            worker.execute(() -> {
                try {
                    work.accept(archive);
                }
                catch (RuntimeException e) {
                    log.warn("Archive not updated for {}; a rebuild (Quản trị › Lưu trữ) repairs it", event, e);
                }
            });
        }
        catch (RejectedExecutionException e) {
            log.warn("Archive not updated for {}: shutting down", event);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
