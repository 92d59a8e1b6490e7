package vn.lienthong.archive.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import vn.lienthong.archive.Archive;

/** What every contract test class shares: an empty archive per test, from the engine the subclass names. */
abstract class ArchiveContract {

    /** Where a contract runs. */
    interface Engine {

        /** An empty archive for one test. */
        Archive open();

        /** Ends a test. */
        void close(Archive archive);
    }

    /** The embedded engine: a new index in {@code dir} per test. */
    static Engine lucene(Path dir) {
        return new Engine() {
            @Override
            public Archive open() {
                return TestArchives.open(dir);
            }

            @Override
            public void close(Archive archive) {
                ((LuceneArchive) archive).close();
            }
        };
    }

    private Archive archive;

    abstract Engine engine();

    final Archive archive() {
        return archive;
    }

    /** Makes what was put in the archive searchable now. */
    final void refresh() {
        ((RebuildableArchive) archive).refresh();
    }

    @BeforeEach
    void openArchive() {
        archive = engine().open();
    }

    @AfterEach
    void closeArchive() {
        engine().close(archive);
    }
}
