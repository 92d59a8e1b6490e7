package vn.lienthong.archive.internal;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RelevanceContract} on a sharded, replicated SolrCloud collection, emptied before each test. */
class SolrRelevanceTests extends RelevanceContract {

    @RegisterExtension
    static final TestSolrCloud.SharedCollection solr = new TestSolrCloud.SharedCollection();

    @Override
    Engine engine() {
        return solr;
    }
}
