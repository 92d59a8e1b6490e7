package vn.lienthong.archive.internal;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PermissionContract} on a sharded, replicated SolrCloud collection, emptied before each test. */
class SolrPermissionTests extends PermissionContract {

    @RegisterExtension
    static final TestSolrCloud.SharedCollection solr = new TestSolrCloud.SharedCollection();

    @Override
    Engine engine() {
        return solr;
    }
}
