package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.archive.internal.TestArchives.AN;
import static vn.lienthong.archive.internal.TestArchives.AS_AN;
import static vn.lienthong.archive.internal.TestArchives.ids;
import static vn.lienthong.archive.internal.TestArchives.item;
import static vn.lienthong.archive.internal.TestArchives.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.ArchiveFeeder;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.ArchiveStatus;
import vn.lienthong.archive.Attachment;
import vn.lienthong.archive.QuerySyntaxException;
import vn.lienthong.archive.RebuildReport;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.archive.SearchResult.FacetCount;
import vn.lienthong.archive.SearchSort;

class LuceneArchiveTests {

    @TempDir
    Path dir;

    private final List<ArchiveFeeder> feeders = new CopyOnWriteArrayList<>();
    private LuceneArchive archive;

    @BeforeEach
    void open() {
        archive = TestArchives.open(dir, feeders);
    }

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void putIsSearchableWithinOneSecondWithoutACommit() {
        archive.put(item("chat", "m1", "", "Họp giao ban lúc 8 giờ"));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> search(archive, "giao ban").total() == 1);
        assertThat(archive.status().lastCommit()).isNull();
    }

    @Test
    void whileNobodySearchesPutsDoNotReopenTheIndexYetTheNextSearchSeesThem() {
        archive.put(item("chat", "m1", "", "Họp giao ban lúc 8 giờ"));
        archive.put(item("chat", "m2", "", "Giao ban tuần sau"));

        // Several refresh intervals pass without a reopen: a bulk load writes no tiny segments.
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(2)).until(() -> archive.reopens() == 0);
        assertThat(search(archive, "giao ban").total()).isEqualTo(2);
        assertThat(archive.reopens()).isEqualTo(1);
    }

    @Test
    void whileSearchesRunTheIndexIsReopenedInTheBackgroundWithinOneSecond() {
        assertThat(search(archive, "giao ban").total()).isZero();
        long reopens = archive.reopens();

        archive.put(item("chat", "m1", "", "Họp giao ban lúc 8 giờ"));

        // No search asks for it: the refresher reopens because a search ran a moment ago.
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> archive.reopens() > reopens);
        assertThat(search(archive, "giao ban").total()).isEqualTo(1);
    }

    @Test
    void statusCountsWhatWasPutWithoutAnExplicitRefresh() {
        archive.put(item("chat", "m1", "", "một"));
        archive.put(item("mail", "m2", "", "hai"));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> archive.status().itemsBySource().values().stream().mapToLong(Long::longValue).sum() == 2);
    }

    @Test
    void puttingTheSameItemTwiceKeepsOneWithTheLatestContent() {
        archive.put(item("mail", "42", "Bản nháp", "phiên bản một"));
        archive.put(item("mail", "42", "Bản chính thức", "phiên bản hai"));
        archive.put(item("chat", "42", "", "cùng id, nguồn khác"));
        archive.refresh();

        SearchResult result = search(archive, "in:mail");
        assertThat(result.total()).isEqualTo(1);
        assertThat(result.hits().get(0).title()).isEqualTo("Bản chính thức");
        assertThat(search(archive, "phien ban mot").total()).isZero();
        assertThat(archive.status().itemsBySource()).containsEntry("mail", 1L).containsEntry("chat", 1L);
    }

    @Test
    void deleteRemovesOneItemAndDeleteAllASource() {
        archive.put(item("mail", "1", "Thư một", ""));
        archive.put(item("mail", "2", "Thư hai", ""));
        archive.put(item("chat", "1", "", "Tin nhắn một"));
        archive.delete("mail", "1");
        archive.refresh();
        assertThat(ids(search(archive, ""))).containsExactlyInAnyOrder("2", "1");
        assertThat(search(archive, "in:mail").hits()).extracting(SearchResult.Hit::id).containsExactly("2");

        archive.deleteAll("mail");
        archive.refresh();
        assertThat(search(archive, "").hits()).extracting(SearchResult.Hit::source).containsExactly("chat");
    }

    @Test
    void hitsCarryWhatTheResultPageShows() {
        archive.put(ArchiveItem.builder("mail", "7").title("Giấy mời họp").body("Kính mời dự họp trực tuyến.")
                .author("Nguyễn Văn An <an.nguyen@baclieu.gov.vn>").units("BL-VL")
                .time(Instant.parse("2026-11-02T03:00:00Z")).url("/mail/7")
                .attachment(Attachment.ofText("chuong-trinh.txt", "Chương trình hội nghị")).readers(AN).build());
        archive.refresh();

        SearchResult.Hit hit = search(archive, "moi hop").hits().get(0);
        assertThat(hit.source()).isEqualTo("mail");
        assertThat(hit.id()).isEqualTo("7");
        assertThat(hit.title()).isEqualTo("Giấy mời họp");
        assertThat(hit.snippet()).isEqualTo("Kính <mark>mời</mark> dự <mark>họp</mark> trực tuyến.");
        assertThat(hit.url()).isEqualTo("/mail/7");
        assertThat(hit.time()).isEqualTo(Instant.parse("2026-11-02T03:00:00Z"));
        assertThat(hit.author()).isEqualTo("Nguyễn Văn An <an.nguyen@baclieu.gov.vn>");
        assertThat(hit.units()).containsExactly("BL-VL");
        assertThat(hit.attachments()).containsExactly("chuong-trinh.txt");
    }

    @Test
    void snippetsEscapeHtmlAndMarkMatchesOnly() {
        archive.put(item("chat", "x", "", "<script>alert('x')</script> & quyết định <b>mới</b>"));
        archive.refresh();

        assertThat(search(archive, "quyet dinh").hits().get(0).snippet()).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>quyết</mark> <mark>định</mark> "
                        + "&lt;b&gt;mới&lt;/b&gt;");
    }

    @Test
    void snippetShowsThePassageAroundTheMatchesOfALongBody() {
        String body = "Mở đầu. ".repeat(60) + "Nội dung về đường dây nóng phòng chống thiên tai. " + "Kết thúc. ".repeat(60);
        archive.put(item("mail", "long", "Thông báo", body));
        archive.refresh();

        String snippet = search(archive, "duong day nong").hits().get(0).snippet();
        assertThat(snippet).startsWith("… ").endsWith(" …")
                .contains("<mark>đường</mark> <mark>dây</mark> <mark>nóng</mark>");
        assertThat(snippet.length()).isLessThan(SnippetMaker.LENGTH + 100);
    }

    @Test
    void operatorsFilterByAuthorRecipientSourceUnitDateAndAttachment() {
        archive.put(ArchiveItem.builder("mail", "a").title("Báo cáo tháng").author("Nguyễn Văn An <an.nguyen@baclieu.gov.vn>")
                .recipients("Trần Thị Bình <binh.tran@vinhloi.baclieu.gov.vn>").units("BL-VL")
                .time(Instant.parse("2026-10-15T03:00:00Z")).attachment(Attachment.ofText("so-lieu.xlsx", "số liệu"))
                .readers(AN).build());
        archive.put(ArchiveItem.builder("chat", "b").body("Báo cáo nhanh").author("Trần Thị Bình <binh.tran>")
                .units("BL-DH").time(Instant.parse("2026-11-03T03:00:00Z")).readers(AN).build());
        archive.refresh();

        assertThat(ids(search(archive, "bao cao from:an.nguyen"))).containsExactly("a");
        assertThat(ids(search(archive, "bao cao from:\"Trần Thị Bình\""))).containsExactly("b");
        assertThat(ids(search(archive, "from:tran"))).containsExactly("b");
        assertThat(ids(search(archive, "to:binh.tran"))).containsExactly("a");
        assertThat(ids(search(archive, "bao cao in:chat"))).containsExactly("b");
        assertThat(ids(search(archive, "bao cao -in:chat"))).containsExactly("a");
        assertThat(ids(search(archive, "unit:bl-dh"))).containsExactly("b");
        assertThat(ids(search(archive, "after:01/11/2026"))).containsExactly("b");
        assertThat(ids(search(archive, "before:01/11/2026"))).containsExactly("a");
        assertThat(ids(search(archive, "after:15/10/2026 before:16/10/2026"))).containsExactly("a");
        assertThat(ids(search(archive, "has:attachment"))).containsExactly("a");
        assertThat(ids(search(archive, "so lieu"))).containsExactly("a");
        assertThat(ids(search(archive, "bao cao -nhanh"))).containsExactly("a");
        assertThat(ids(search(archive, "bao cao -\"báo cáo nhanh\""))).containsExactly("a");
    }

    @Test
    void excludingAnAccentedWordKeepsOtherAccents() {
        archive.put(item("chat", "road", "", "đường mới"));
        archive.put(item("chat", "name", "", "ông Dương mới"));
        archive.refresh();

        assertThat(ids(search(archive, "moi -đường"))).containsExactly("name");
        assertThat(ids(search(archive, "moi -duong"))).isEmpty();
    }

    @Test
    void sortsByDateNewestFirstAndPages() {
        for (int day = 1; day <= 5; day++) {
            archive.put(ArchiveItem.builder("chat", "d" + day).body("Tin nhắn trực ban ngày " + day)
                    .time(Instant.parse("2026-11-0" + day + "T03:00:00Z")).readers(AN).build());
        }
        archive.refresh();

        SearchRequest byDate = SearchRequest.of("truc ban", AS_AN).withSort(SearchSort.DATE);
        assertThat(ids(archive.search(byDate.withPage(0, 2)))).containsExactly("d5", "d4");
        SearchResult second = archive.search(byDate.withPage(1, 2));
        assertThat(ids(second)).containsExactly("d3", "d2");
        assertThat(second.total()).isEqualTo(5);
        assertThat(ids(archive.search(byDate.withPage(2, 2)))).containsExactly("d1");
        assertThat(archive.search(byDate.withPage(5, 2)).hits()).isEmpty();
        assertThat(ids(archive.search(byDate.withSources(Set.of("mail"))))).isEmpty();
    }

    @Test
    void monthFacetUsesTheSuitesTimeZone() {
        // 31/10 18:00 UTC is already 1 November in Việt Nam.
        archive.put(ArchiveItem.builder("chat", "late").body("trực ban").time(Instant.parse("2026-10-31T18:00:00Z"))
                .readers(AN).build());
        archive.put(ArchiveItem.builder("chat", "early").body("trực ban").time(Instant.parse("2026-10-31T16:00:00Z"))
                .readers(AN).build());
        archive.refresh();

        assertThat(search(archive, "truc ban").facets().months())
                .containsExactly(new FacetCount("2026-11", 1), new FacetCount("2026-10", 1));
        assertThat(ids(search(archive, "after:01/11/2026"))).containsExactly("late");
    }

    @Test
    void malformedQueriesThrowTheSyntaxErrorEvenForCallersWithoutPrincipals() {
        assertThatThrownBy(() -> search(archive, "\"chưa đóng"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("ngoặc kép");
        assertThatThrownBy(() -> archive.search(SearchRequest.of("in:fax", Set.of())))
                .isInstanceOf(QuerySyntaxException.class);
    }

    @Test
    void inAcceptsTheSourceOfARegisteredFeeder() {
        feeders.add(feeder("document", archive -> { }));
        archive.put(item("document", "1", "Văn bản đến", ""));
        archive.refresh();

        assertThat(ids(search(archive, "in:document"))).containsExactly("1");
    }

    @Test
    void rebuildRefeedsASourceAndDropsWhatItNoLongerHas() {
        archive.put(item("mail", "kept", "Thư cũ", ""));
        archive.put(item("mail", "gone", "Thư đã xoá ở nguồn", ""));
        archive.put(item("chat", "other", "", "Nguồn khác không bị động đến"));
        feeders.add(feeder("mail", a -> {
            a.put(item("mail", "kept", "Thư cũ, bản mới", ""));
            a.put(item("mail", "new", "Thư mới", ""));
        }));

        RebuildReport report = archive.rebuild("mail");

        assertThat(report.succeeded()).isTrue();
        assertThat(report.sources()).containsExactly(new RebuildReport.SourceReport("mail", 2, 1, null));
        assertThat(ids(search(archive, "in:mail"))).containsExactlyInAnyOrder("kept", "new");
        assertThat(ids(search(archive, "in:chat"))).containsExactly("other");
        assertThat(archive.status().lastCommit()).isNotNull();
    }

    @Test
    void aFailingFeederRemovesNothing() {
        archive.put(item("mail", "kept", "Thư cũ", ""));
        feeders.add(feeder("mail", a -> {
            throw new IllegalStateException("mail store unavailable");
        }));

        RebuildReport report = archive.rebuild();

        assertThat(report.succeeded()).isFalse();
        assertThat(report.sources().get(0).error()).contains("mail store unavailable");
        assertThat(ids(search(archive, "in:mail"))).containsExactly("kept");
    }

    @Test
    void rebuildOfASourceWithoutFeederIsRefused() {
        assertThatThrownBy(() -> archive.rebuild("fax")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fax");
    }

    @Test
    void statusCountsItemsPerSourceAndTellsHowTheIndexWasFound() {
        archive.put(item("mail", "1", "a", ""));
        archive.put(item("mail", "2", "b", ""));
        archive.put(item("meeting", "1", "c", ""));
        archive.refresh();

        ArchiveStatus status = archive.status();
        assertThat(status.itemsBySource().keySet()).containsExactly("mail", "meeting");
        assertThat(status.itemsBySource()).containsEntry("mail", 2L).containsEntry("meeting", 1L);
        assertThat(status.startup()).isEqualTo(ArchiveStatus.Startup.MISSING);
        assertThat(status.rebuilding()).isFalse();
    }

    @Test
    void itemsNobodyMayReadAreRefused() {
        assertThatThrownBy(() -> ArchiveItem.builder("mail", "1").title("x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no readers");
        assertThatThrownBy(() -> ArchiveItem.builder("Mail:x", "1").readers(AN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
    }

    static ArchiveFeeder feeder(String source, java.util.function.Consumer<vn.lienthong.archive.Archive> refeed) {
        return new ArchiveFeeder() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public void refeed(vn.lienthong.archive.Archive archive) {
                refeed.accept(archive);
            }
        };
    }
}
