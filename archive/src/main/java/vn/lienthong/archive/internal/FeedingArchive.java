package vn.lienthong.archive.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.ArchiveStatus;
import vn.lienthong.archive.RebuildReport;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;

/** The archive as a feeder sees it during a rebuild: counts its puts, and refuses to start another rebuild. */
final class FeedingArchive implements Archive {

    private static final Logger log = LoggerFactory.getLogger(FeedingArchive.class);

    private final Archive archive;
    private final String source;
    private final AtomicLong count = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();

    FeedingArchive(Archive archive, String source) {
        this.archive = archive;
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

    @Override
    public void delete(String source, String id) {
        archive.delete(source, id);
    }

    @Override
    public void deleteAll(String source) {
        archive.deleteAll(source);
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return archive.search(request);
    }

    @Override
    public RebuildReport rebuild() {
        throw new UnsupportedOperationException("A feeder cannot start a rebuild");
    }

    @Override
    public RebuildReport rebuild(String source) {
        throw new UnsupportedOperationException("A feeder cannot start a rebuild");
    }

    @Override
    public ArchiveStatus status() {
        return archive.status();
    }
}
