package vn.lienthong.archive.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveFeeder;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;

/** Test helpers: archives in temporary folders, items and searches. */
final class TestArchives {

    static final Reader AN = Reader.official("an.nguyen");
    static final Set<Reader> AS_AN = Set.of(AN);

    /** An archive with the default settings, whose feeders are the (mutable) list given. */
    static LuceneArchive open(Path dir, List<ArchiveFeeder> feeders) {
        return LuceneArchive.open(ArchiveSettings.defaults(dir), () -> feeders);
    }

    static LuceneArchive open(Path dir) {
        return open(dir, new CopyOnWriteArrayList<>());
    }

    static ArchiveItem item(String source, String id, String title, String body, Reader... readers) {
        return ArchiveItem.builder(source, id).title(title).body(body).time(Instant.parse("2026-11-02T03:00:00Z"))
                .url("/" + source + "/" + id).readers(readers.length == 0 ? new Reader[] {AN} : readers).build();
    }

    static SearchResult search(Archive archive, String query) {
        return archive.search(SearchRequest.of(query, AS_AN));
    }

    static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    private TestArchives() {
    }
}
