package vn.lienthong.archive.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveFeeder;
import vn.lienthong.archive.RebuildReport;
import vn.lienthong.archive.RebuildReport.SourceReport;

/**
 * What both engines share about rebuilds: the registered feeders, one rebuild at a time, its report, the write
 * stamps by which a rebuild tells the items a feeder put again from those it did not, and whether the archive is
 * closed. How one source is re-fed and its stale items removed is each engine's own ({@link #refeed}).
 */
abstract class RebuildableArchive implements Archive, StartupRebuild {

    private static final Logger log = LoggerFactory.getLogger(RebuildableArchive.class);

    private final Supplier<? extends Collection<ArchiveFeeder>> feeders;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong lastStamp = new AtomicLong();
    private final Object rebuildLock = new Object();

    /** @param feeders asked for the feeders when needed, never here (feeders may depend on the archive) */
    RebuildableArchive(Supplier<? extends Collection<ArchiveFeeder>> feeders) {
        this.feeders = feeders;
    }

    /** Lets the feeder put everything again, then removes the items of its source stamped before {@code since}. */
    abstract SourceReport refeed(ArchiveFeeder feeder, long since);

    /** Makes everything put so far durable. */
    public abstract void commit();

    /** Makes everything put so far searchable. */
    public abstract void refresh();

    /** Fails when the archive is closed. */
    final void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("The archive is closed");
        }
    }

    final boolean closed() {
        return closed.get();
    }

    /** True for the first call only: the engine closes what it holds then. */
    final boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    final Collection<ArchiveFeeder> feeders() {
        return feeders.get();
    }

    final boolean rebuilding() {
        return rebuilding.get();
    }

    /**
     * A write stamp strictly after every earlier one of this instance, in epoch microseconds. Milliseconds were
     * not enough: an item put in the same millisecond as a rebuild started counted as re-fed and was never dropped.
     * Older embedded indexes hold milliseconds, which all compare as earlier.
     */
    final long nextStamp() {
        long now = System.currentTimeMillis() * 1000;
        return lastStamp.updateAndGet(previous -> Math.max(previous + 1, now));
    }

    @Override
    public final RebuildReport rebuild() {
        return rebuild(List.copyOf(feeders.get()));
    }

    @Override
    public final RebuildReport rebuild(String source) {
        List<ArchiveFeeder> matching = feeders.get().stream().filter(f -> f.source().equals(source)).toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("No feeder is registered for source '" + source + "'");
        }
        return rebuild(matching);
    }

    private RebuildReport rebuild(List<ArchiveFeeder> list) {
        ensureOpen();
        synchronized (rebuildLock) {
            rebuilding.set(true);
            long started = System.nanoTime();
            try {
                List<SourceReport> reports = new ArrayList<>();
                for (ArchiveFeeder feeder : list) {
                    reports.add(refeed(feeder, nextStamp()));
                }
                commit();
                refresh();
                RebuildReport report = new RebuildReport(reports, Duration.ofNanos(System.nanoTime() - started));
                log.info("Archive rebuilt: {}", report);
                return report;
            } finally {
                rebuilding.set(false);
            }
        }
    }

    /**
     * Lets the feeder put everything again through {@code feeding}, then runs {@code sent} (sends what waits);
     * null when that completed, else the report of the failure (the source's items already indexed are kept).
     */
    static SourceReport feed(ArchiveFeeder feeder, FeedingArchive feeding, Runnable sent) {
        try {
            feeder.refeed(feeding);
            sent.run();
            return null;
        } catch (RuntimeException e) {
            log.error("Archive: feeder of '{}' failed; its items already indexed are kept", feeder.source(), e);
            return new SourceReport(feeder.source(), feeding.count(), 0, e.toString());
        }
    }
}
