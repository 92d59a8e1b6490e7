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
import vn.lienthong.directory.OfficialChange;
import vn.lienthong.directory.UnitChange;
import vn.lienthong.directory.UnitMerged;

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
    void on(UnitChange change) {
        // A rename, a new code or a move shows in the items of everything below the unit too.
        later(change, archive -> items.syncSubtree(archive, change.unitId()));
    }

    /** The source goes; the target now has the source's name among its former names, its officials and children. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UnitMerged event) {
        later(event, archive -> {
            items.syncUnit(archive, event.sourceId());
            items.syncSubtree(archive, event.targetId());
        });
    }

    /** Also published on reactivation: the official comes back. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(OfficialChange change) {
        later(change, archive -> items.syncOfficial(archive, change.officialId()));
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
