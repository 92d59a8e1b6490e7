package vn.lienthong.app.admin;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long administrative job (a rebuild, a re-sync) run on its own thread, one at a time, so the administrator's
 * request returns at once; the page then shows that it runs and, later, how it ended.
 *
 * @param <T> what the job reports
 */
final class BackgroundTask<T> {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTask.class);

    private final String name;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Run<T>> last = new AtomicReference<>();

    BackgroundTask(String name) {
        this.name = name;
    }

    /**
     * How one run went.
     *
     * @param report what the job returned, or {@code null} if it failed
     * @param error  why it failed (one line, no stack trace), or {@code null}
     */
    // Public for the template's expressions.
    public record Run<T>(String startedBy, Instant started, Instant finished, T report, String error) {

        public boolean failed() {
            return error != null;
        }
    }

    /** Starts the job unless one is running; returns whether it started. */
    boolean start(String actor, Supplier<T> job) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Instant started = Instant.now();
        Thread thread = new Thread(() -> {
            try {
                T report = job.get();
                last.set(new Run<>(actor, started, Instant.now(), report, null));
                log.info("{} started by {} finished: {}", name, actor, report);
            }
            catch (RuntimeException e) {
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                last.set(new Run<>(actor, started, Instant.now(), null, error));
                log.error("{} started by {} failed", name, actor, e);
            }
            finally {
                running.set(false);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    boolean running() {
        return running.get();
    }

    Optional<Run<T>> last() {
        return Optional.ofNullable(last.get());
    }
}
