package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.archive.internal.TestArchives.AN;
import static vn.lienthong.archive.internal.TestArchives.AS_AN;
import static vn.lienthong.archive.internal.TestArchives.ids;
import static vn.lienthong.archive.internal.TestArchives.item;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.solr.common.cloud.DocCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveFeeder;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.ArchiveStatus.Startup;
import vn.lienthong.archive.Attachment;
import vn.lienthong.archive.QuerySyntaxException;
import vn.lienthong.archive.RebuildReport;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;

/**
 * The archive on SolrCloud, as two application instances use it: two {@link SolrArchive}s over one sharded,
 * replicated collection of the shared test cluster.
 */
@ExtendWith(TestSolrCloud.class)
class SolrArchiveTests {

    private static final String COLLECTION = "archive-instances";
    private static final List<ArchiveFeeder> feeders = new CopyOnWriteArrayList<>();
    private static SolrArchive first;
    private static SolrArchive second;
    private static Startup firstStartup;
    private static Startup secondStartup;

    @BeforeAll
    static void openTwoInstances() {
        first = TestSolrCloud.open(COLLECTION, feeders);
        firstStartup = first.startup();
        second = TestSolrCloud.open(COLLECTION, feeders);
        secondStartup = second.startup();
    }

    @AfterAll
    static void closeInstances() {
        first.close();
        second.close();
    }

    @BeforeEach
    void empty() {
        feeders.clear();
        TestSolrCloud.clear(first);
    }

    private static SearchResult search(Archive archive, String query) {
        return archive.search(SearchRequest.of(query, AS_AN));
    }

    @Test
    void theFirstInstanceCreatesAShardedReplicatedCollectionTheSecondFindsIt() {
        assertThat(firstStartup).isEqualTo(Startup.MISSING);
        assertThat(first.rebuildNeeded()).isTrue();
        assertThat(secondStartup).isEqualTo(Startup.CLEAN);
        assertThat(second.rebuildNeeded()).isFalse();

        DocCollection state = TestSolrCloud.cluster().getSolrClient().getClusterState().getCollection(COLLECTION);
        assertThat(state.getSlices()).hasSize(2);
        assertThat(state.getSlices()).allSatisfy(slice -> {
            assertThat(slice.getReplicas()).hasSize(2);
            // the two copies of a shard live on different nodes
            assertThat(slice.getReplicas().stream().map(r -> r.getNodeName()).distinct()).hasSize(2);
        });
        assertThat(state.getConfigName()).isEqualTo(SolrArchive.CONFIGSET_PREFIX + SolrArchive.SCHEMA_VERSION);
    }

    @Test
    void whatOneInstancePutsTheOtherFindsAndDeletes() {
        first.put(item("mail", "1", "Quyết định bổ nhiệm", "Ủy ban nhân dân huyện Vĩnh Lợi"));
        second.put(item("chat", "2", "", "Họp giao ban quyết định lịch trực"));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> search(second, "quyet dinh").total() == 2 && search(first, "quyet dinh").total() == 2);
        assertThat(ids(search(first, "vinh loi"))).containsExactly("1");
        assertThat(ids(search(second, "in:chat giao ban"))).containsExactly("2");

        second.delete("mail", "1");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> search(first, "quyet dinh").total() == 1);
        first.deleteAll("chat");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> search(second, "").total() == 0);
    }

    @Test
    void puttingTheSameItemFromBothInstancesKeepsOneWithTheLatestContent() {
        first.put(item("mail", "42", "Bản nháp", "phiên bản một"));
        second.put(item("mail", "42", "Bản chính thức", "phiên bản hai"));
        first.refresh();

        SearchResult result = search(first, "in:mail");
        assertThat(result.total()).isEqualTo(1);
        assertThat(result.hits().get(0).title()).isEqualTo("Bản chính thức");
        assertThat(search(second, "phien ban mot").total()).isZero();
        assertThat(second.status().itemsBySource()).containsEntry("mail", 1L);
    }

    @Test
    void hitsCarryWhatTheResultPageShows() {
        first.put(ArchiveItem.builder("mail", "7").title("Giấy mời họp").body("Kính mời dự họp trực tuyến.")
                .author("Nguyễn Văn An <an.nguyen@baclieu.gov.vn>").units("BL-VL")
                .time(Instant.parse("2026-11-02T03:00:00Z")).url("/mail/7")
                .attachment(Attachment.ofText("chuong-trinh.txt", "Chương trình hội nghị")).readers(AN).build());
        first.refresh();

        SearchResult.Hit hit = search(second, "moi hop").hits().get(0);
        assertThat(hit).isEqualTo(new SearchResult.Hit("mail", "7", "Giấy mời họp",
                "Kính <mark>mời</mark> dự <mark>họp</mark> trực tuyến.", "/mail/7",
                Instant.parse("2026-11-02T03:00:00Z"), "Nguyễn Văn An <an.nguyen@baclieu.gov.vn>", List.of("BL-VL"),
                List.of("chuong-trinh.txt")));
        assertThat(ids(search(second, "chuong trinh hoi nghi has:attachment"))).containsExactly("7");
        assertThat(ids(search(second, "from:an.nguyen after:01/11/2026 before:03/11/2026"))).containsExactly("7");
    }

    @Test
    void aMalformedQueryIsAVietnameseSyntaxError() {
        assertThatThrownBy(() -> search(first, "\"quản lý")).isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining("Thiếu dấu ngoặc kép");
        assertThatThrownBy(() -> search(first, "in:fax")).isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining("fax");
    }

    @Test
    void aFeedersSourceIsKnownToInOnBothInstances() {
        feeders.add(LuceneArchiveTests.feeder("hoso", archive -> archive.put(item("hoso", "1", "Hồ sơ", ""))));
        first.rebuild("hoso");

        assertThat(ids(search(second, "in:hoso"))).containsExactly("1");
    }

    @Test
    void rebuildFromOneInstanceRemovesWhatTheSourceNoLongerHoldsAndKeepsAllOnFailure() {
        first.put(item("chat", "kept", "", "còn"));
        second.put(item("chat", "gone", "", "đã xoá ở nguồn"));
        second.put(item("mail", "other", "", "nguồn khác"));
        feeders.add(LuceneArchiveTests.feeder("chat", archive -> archive.put(item("chat", "kept", "", "còn"))));

        RebuildReport report = first.rebuild();

        assertThat(report.succeeded()).isTrue();
        assertThat(report.sources()).containsExactly(new RebuildReport.SourceReport("chat", 1, 1, null));
        assertThat(ids(search(second, ""))).containsExactlyInAnyOrder("kept", "other");

        feeders.clear();
        feeders.add(LuceneArchiveTests.feeder("chat", archive -> {
            throw new IllegalStateException("nguồn không đọc được");
        }));
        assertThat(second.rebuild().succeeded()).isFalse();
        assertThat(ids(search(first, ""))).containsExactlyInAnyOrder("kept", "other");
    }

    @Test
    void aLargeRebuildIsSentInBatchesAndLosesNothing() {
        int items = SolrArchive.BATCH * 2 + 37;
        feeders.add(LuceneArchiveTests.feeder("chat", archive -> {
            for (int i = 0; i < items; i++) {
                archive.put(item("chat", "c" + i, "", "Tin nhắn số " + i));
            }
        }));

        RebuildReport report = second.rebuild("chat");

        assertThat(report.sources()).containsExactly(new RebuildReport.SourceReport("chat", items, 0, null));
        assertThat(search(first, "tin nhan").total()).isEqualTo(items);
    }

    @Test
    void healthShowsTheCollectionAndItsActiveReplicas() {
        first.put(item("chat", "1", "", "một"));
        first.refresh();

        var health = new SolrArchiveHealthIndicator(second).health();

        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails()).containsEntry("collection", COLLECTION).containsEntry("items", 1L)
                .containsEntry("degraded", false);
    }
}
