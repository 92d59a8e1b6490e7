package vn.lienthong.archive.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveItem;

/** The archive as a feeder sees it during a rebuild: counts its puts, and refuses to start another rebuild. */
final class FeedingArchive extends FeederArchive {

    private static final Logger log = LoggerFactory.getLogger(FeedingArchive.class);

    private final String source;
    private final AtomicLong count = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();

    FeedingArchive(Archive archive, String source) {
        super(archive);
        this.source = source;
    }

    long count() {
        return count.get();
    }

    @Override
    public void put(ArchiveItem item) {
        archive.put(item);
        if (item.source().equals(source)) {
            count.incrementAndGet();
        } else if (warned.compareAndSet(false, true)) {
            log.warn("Feeder of '{}' put an item of source '{}': it will not be cleaned up by this rebuild",
                    source, item.source());
        }
    }
}
