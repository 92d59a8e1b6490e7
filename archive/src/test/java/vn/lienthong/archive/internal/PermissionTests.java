package vn.lienthong.archive.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.Archive;

/** {@link PermissionContract} on the embedded Lucene index. */
class PermissionTests extends PermissionContract {

    @TempDir
    Path dir;

    @Override
    Archive open() {
        return TestArchives.open(dir);
    }

    @Override
    void refresh(Archive archive) {
        ((LuceneArchive) archive).refresh();
    }

    @Override
    void close(Archive archive) {
        ((LuceneArchive) archive).close();
    }
}
