package vn.lienthong.directory.internal;

import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import vn.lienthong.directory.ClusterTasks;

/** {@link ClusterTasks} on ShedLock: one row per task name in {@code dir_shedlock}, times on the database's clock. */
final class ShedLockClusterTasks implements ClusterTasks {

    private final LockingTaskExecutor executor;

    ShedLockClusterTasks(LockProvider locks) {
        this.executor = new DefaultLockingTaskExecutor(locks);
    }

    @Override
    public boolean runExclusively(String name, Duration lockAtMostFor, Duration lockAtLeastFor, Runnable task) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("task name empty or longer than " + MAX_NAME_LENGTH + ": " + name);
        }
        if (lockAtMostFor.isNegative() || lockAtMostFor.isZero() || lockAtLeastFor.isNegative()
                || lockAtLeastFor.compareTo(lockAtMostFor) > 0) {
            throw new IllegalArgumentException("need 0 <= lockAtLeastFor <= lockAtMostFor and lockAtMostFor > 0 for "
                    + name + " (" + lockAtLeastFor + ", " + lockAtMostFor + ")");
        }
        try {
            return executor.executeWithLock(() -> {
                task.run();
                return null;
            }, new LockConfiguration(Instant.now(), name, lockAtMostFor, lockAtLeastFor)).wasExecuted();
        }
        catch (RuntimeException | Error ex) {
            throw ex;
        }
        catch (Throwable ex) {
            throw new IllegalStateException(ex); // a Runnable throws no checked exception
        }
    }
}
