package vn.lienthong.archive.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienthong.archive.Archive;

/** {@link PermissionContract} on a sharded, replicated SolrCloud collection, emptied before each test. */
@ExtendWith(TestSolrCloud.class)
class SolrPermissionTests extends PermissionContract {

    private static SolrArchive solr;

    @BeforeAll
    static void openCollection() {
        solr = TestSolrCloud.open(TestSolrCloud.SHARED);
    }

    @AfterAll
    static void closeCollection() {
        solr.close();
    }

    @Override
    Archive open() {
        TestSolrCloud.clear(solr);
        return solr;
    }

    @Override
    void refresh(Archive archive) {
        solr.refresh();
    }

    @Override
    void close(Archive archive) {
        // the collection stays open for the next test
    }
}
