package vn.lienthong.app.search;

import org.springframework.stereotype.Component;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveFeeder;

/** Re-feeds the directory's active units and officials when the archive is rebuilt. */
@Component
class DirectoryArchiveFeeder implements ArchiveFeeder {

    private final DirectoryItems items;

    DirectoryArchiveFeeder(DirectoryItems items) {
        this.items = items;
    }

    @Override
    public String source() {
        return DirectoryItems.SOURCE;
    }

    @Override
    public void refeed(Archive archive) {
        items.putAll(archive);
    }
}
