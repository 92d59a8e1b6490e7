package vn.lienthong.archive.internal;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.ArchiveStatus;
import vn.lienthong.archive.RebuildReport;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;

/** An archive as a feeder sees it during a rebuild: passes every call on, but refuses to start another rebuild. */
abstract class FeederArchive implements Archive {

    final Archive archive;

    FeederArchive(Archive archive) {
        this.archive = archive;
    }

    @Override
    public void put(ArchiveItem item) {
        archive.put(item);
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
    public final RebuildReport rebuild() {
        throw new UnsupportedOperationException("A feeder cannot start a rebuild");
    }

    @Override
    public final RebuildReport rebuild(String source) {
        throw new UnsupportedOperationException("A feeder cannot start a rebuild");
    }

    @Override
    public ArchiveStatus status() {
        return archive.status();
    }
}
