package vn.lienthong.directory;

import java.time.Duration;

/**
 * Work that must not run on two app instances at the same time: draining a shared spool, a full re-sync, a sweep of
 * what a dead instance left behind. Every instance keeps its own timer and calls {@link #runExclusively}; whichever
 * takes the task's lock (a row in the shared database) runs it, the others skip this round. On one instance the call
 * simply runs the task (and the lock costs one small write).
 *
 * <p>Work that concerns only this instance (its idle connections, its own heartbeat, its in-memory queues) needs no
 * lock: call it directly.
 *
 * <pre>{@code
 * cluster.runExclusively("mail.archive-spool", Duration.ofMinutes(30), spool::drain);
 * }</pre>
 */
public interface ClusterTasks {

    /** Longest task name: the lock table's key column. */
    int MAX_NAME_LENGTH = 64;

    /**
     * Runs {@code task} on this thread unless another instance (or another thread here) is running the task of this
     * name; answers whether it ran. An exception of the task is thrown on, after the lock is released.
     *
     * @param name           unique in the suite, prefixed with the module, e.g. {@code mail.archive-spool}
     * @param lockAtMostFor  how long the lock is kept if this instance dies while running the task: longer than
     *                       the task can take, or another instance may start it while it still runs
     * @param lockAtLeastFor how long the lock is kept even when the task ends sooner: a little under the task's
     *                       period makes it run once per period across all instances rather than once per instance
     *                       (the instances' timers are not in step); {@link Duration#ZERO} releases it at once
     * @throws IllegalArgumentException for an empty or too long name, or {@code lockAtLeastFor > lockAtMostFor}
     */
    boolean runExclusively(String name, Duration lockAtMostFor, Duration lockAtLeastFor, Runnable task);

    /** {@link #runExclusively(String, Duration, Duration, Runnable)} releasing the lock as soon as the task ends. */
    default boolean runExclusively(String name, Duration lockAtMostFor, Runnable task) {
        return runExclusively(name, lockAtMostFor, Duration.ZERO, task);
    }
}
