package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.archive.internal.TestArchives.AS_AN;
import static vn.lienthong.archive.internal.TestArchives.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.archive.SearchSort;
import vn.lienthong.archive.SearchResult.FacetCount;

/**
 * A Solr node goes down: with two copies of every shard, both application instances still find everything.
 * The node comes back at the end, and every replica recovers, for the test classes that follow.
 */
@ExtendWith(TestSolrCloud.class)
class SolrFailoverTests {

    private static final int ITEMS = 200;

    @Test
    void searchFromEitherInstanceStillFindsEverythingWhenOneSolrNodeIsDown() throws Exception {
        try (SolrArchive first = TestSolrCloud.open(TestSolrCloud.SHARED);
             SolrArchive second = TestSolrCloud.open(TestSolrCloud.SHARED)) {
            TestSolrCloud.clear(first);
            List<ArchiveItem> fromFirst = new ArrayList<>();
            List<ArchiveItem> fromSecond = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < ITEMS; i++) {
                ArchiveItem item = ArchiveItem.builder(i % 2 == 0 ? "mail" : "chat", "m" + i)
                        .title("Báo cáo số " + i).body("Kế hoạch chuyển đổi số của huyện Vĩnh Lợi, mục " + i)
                        .units(i % 3 == 0 ? "BL-VL" : "BL").time(Instant.parse("2026-11-02T03:00:00Z").plusSeconds(60L * i))
                        .readers(TestArchives.AN).build();
                (i < ITEMS / 2 ? fromFirst : fromSecond).add(item);
                ids.add(item.id());
            }
            first.putAll(fromFirst);
            fromSecond.forEach(second::put);
            first.refresh();
            SearchResult before = first.search(SearchRequest.of("chuyen doi so vinh loi", AS_AN));
            assertThat(before.total()).isEqualTo(ITEMS);
            assertThat(spreadOverBothShards(first)).isTrue();

            JettySolrRunner stopped = TestSolrCloud.cluster().stopJettySolrRunner(0);
            try {
                TestSolrCloud.cluster().waitForJettyToStop(stopped);
                assertThat(TestSolrCloud.cluster().getSolrClient().getClusterState().getLiveNodes()).hasSize(
                        TestSolrCloud.NODES - 1);

                for (SolrArchive instance : List.of(first, second)) {
                    SearchResult during = instance.search(SearchRequest.of("chuyen doi so vinh loi", AS_AN));
                    assertThat(during.total()).isEqualTo(ITEMS);
                    assertThat(during.facets()).isEqualTo(before.facets());
                    assertThat(during.hits()).isEqualTo(before.hits());
                    assertThat(instance.search(SearchRequest.of("\"mục 199\"", AS_AN)).total()).isEqualTo(1);
                    assertThat(allIds(instance)).hasSize(ITEMS).containsAll(ids);
                }
                assertThat(first.status().itemsBySource()).containsEntry("mail", (long) ITEMS / 2)
                        .containsEntry("chat", (long) ITEMS / 2);
                assertThat(new SolrArchiveHealthIndicator(second).health().getDetails())
                        .containsEntry("degraded", true).containsEntry("items", (long) ITEMS);
            } finally {
                TestSolrCloud.cluster().startJettySolrRunner(stopped);
                TestSolrCloud.cluster().waitForNode(stopped, 60);
                TestSolrCloud.awaitAllActive();
            }
            assertThat(second.search(SearchRequest.of("", Set.of(TestArchives.AN))).facets().sources())
                    .containsExactly(new FacetCount("chat", ITEMS / 2), new FacetCount("mail", ITEMS / 2));
        }
    }

    /** The ids of every item, newest first, page by page. */
    private static List<String> allIds(SolrArchive archive) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page * 100 < ITEMS; page++) {
            ids.addAll(TestArchives.ids(archive.search(SearchRequest.of("", AS_AN).withSort(SearchSort.DATE)
                    .withPage(page, 100))));
        }
        return ids;
    }

    /** Each shard holds some of the items: the stopped node held copies of both. */
    private static boolean spreadOverBothShards(SolrArchive archive) throws Exception {
        DocCollection state = TestSolrCloud.cluster().getSolrClient().getClusterState()
                .getCollection(TestSolrCloud.SHARED);
        for (Slice slice : state.getSlices()) {
            var query = new org.apache.solr.client.solrj.SolrQuery("*:*");
            query.setRows(0);
            query.set("shards", slice.getName());
            if (archive.client().query(TestSolrCloud.SHARED, query).getResults().getNumFound() == 0) {
                return false;
            }
        }
        return true;
    }
}
