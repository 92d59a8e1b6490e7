package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Attachment;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.archive.SearchSort;

/**
 * The two engines give the same answers: the shared relevance set's documents, spread over sources, units,
 * months, readers and attachments, go into the embedded Lucene index and into a sharded SolrCloud collection;
 * every query of the set and more (filters, exclusions, phrases, both sorts, two pages, three callers) must
 * return equal {@link SearchResult}s: the same hits in the same order, snippets, totals and facets.
 */
@ExtendWith(TestSolrCloud.class)
class EngineEquivalenceTests {

    private static final List<Set<Reader>> CALLERS = List.of(
            Set.of(Reader.official("an.nguyen"), Reader.unit("BL"), Reader.role("OFFICIAL")),
            Set.of(Reader.official("binh.tran"), Reader.unit("BL-VL")),
            Set.of(Reader.official("quantri"), Reader.role("SYSTEM_ADMIN")));
    private static final String[] SOURCES = {"mail", "chat", "meeting", "directory"};
    private static final String[] UNITS = {"BL", "BL-VL", "BL-DH"};
    private static final List<Reader> READERS = List.of(Reader.official("an.nguyen"), Reader.unit("bl-vl"),
            Reader.everyone(), Reader.role("system_admin"), Reader.unit("BL"));
    private static final List<String> MORE_QUERIES = List.of("", "in:mail", "in:chat in:meeting", "unit:BL-VL",
            "has:attachment", "ke hoach -in:chat", "\"chuyển đổi số\"", "quyết định -dự", "huyen -hoa",
            "from:an.nguyen", "to:binh.tran", "after:01/10/2026 before:01/12/2026", "bao cao unit:bl", "hop");

    @TempDir
    static Path dir;

    private static LuceneArchive lucene;
    private static SolrArchive solr;
    private static List<String> queries;

    @BeforeAll
    static void loadBothEngines() throws IOException {
        lucene = TestArchives.open(dir);
        solr = TestSolrCloud.open(TestSolrCloud.SHARED);
        TestSolrCloud.clear(solr);
        Path data = RelevanceContract.sharedData();
        List<String> lines = Files.readAllLines(data.resolve("search-vi-docs.tsv"), StandardCharsets.UTF_8);
        List<ArchiveItem> items = new ArrayList<>();
        Instant start = Instant.parse("2026-08-20T01:00:00Z");
        int n = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            ArchiveItem.Builder item = ArchiveItem.builder(SOURCES[n % SOURCES.length], cols[0].trim())
                    .title(cols[1]).body(cols.length > 2 ? cols[2] : "")
                    .author(n % 2 == 0 ? "Nguyễn Văn An <an.nguyen@baclieu.gov.vn>" : "Trần Thị Bình")
                    .recipients(n % 3 == 0 ? "binh.tran@vinhloi.baclieu.gov.vn" : "hong.vo@baclieu.gov.vn")
                    .units(UNITS[n % UNITS.length])
                    // distinct times, over four months: ties in score are broken alike by both engines
                    .time(start.plus(Duration.ofHours(77L * n)))
                    .url("/x/" + cols[0].trim())
                    .readers(READERS.get(n % READERS.size()), Reader.official("an.nguyen"));
            if (n % 4 == 1) {
                item.attachment(Attachment.ofText("ke-hoach_" + n + ".txt", "Kế hoạch chuyển đổi số chi tiết " + n));
            }
            items.add(item.build());
            n++;
        }
        assertThat(items).isNotEmpty();
        lucene.putAll(items);
        solr.putAll(items);
        lucene.refresh();
        solr.refresh();

        queries = new ArrayList<>(MORE_QUERIES);
        List<String> queryLines = Files.readAllLines(data.resolve("search-vi-queries.tsv"), StandardCharsets.UTF_8);
        for (String line : queryLines.subList(1, queryLines.size())) {
            if (!line.isBlank()) {
                queries.add(line.split("\t", -1)[0]);
            }
        }
    }

    @AfterAll
    static void close() {
        lucene.close();
        solr.close();
    }

    @Test
    void everyQueryOfTheSharedSetAndMoreGivesEqualResultsOnBothEngines() {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String query : queries) {
            for (Set<Reader> caller : CALLERS) {
                for (SearchSort sort : SearchSort.values()) {
                    for (int[] page : new int[][] {{0, 100}, {1, 3}}) {
                        SearchRequest request = SearchRequest.of(query, caller).withSort(sort)
                                .withPage(page[0], page[1]);
                        SearchResult expected = lucene.search(request);
                        SearchResult actual = solr.search(request);
                        compared++;
                        if (!actual.equals(expected)) {
                            differences.add(request + "\n  lucene: " + expected + "\n  solr:   " + actual);
                        }
                    }
                }
            }
        }
        assertThat(differences).as("results that differ between the engines").isEmpty();
        assertThat(compared).isGreaterThan(300);
    }

    @Test
    void theComparisonIsNotVacuous() {
        SearchRequest request = SearchRequest.of("", CALLERS.get(0));
        SearchResult result = solr.search(request);

        assertThat(result.total()).isGreaterThan(10);
        assertThat(result.facets().sources()).hasSize(4);
        assertThat(result.facets().units()).hasSize(3);
        assertThat(result.facets().months().size()).isGreaterThan(2);
        assertThat(solr.search(SearchRequest.of("chuyen doi so", CALLERS.get(1))).total())
                .isLessThan(solr.search(SearchRequest.of("chuyen doi so", CALLERS.get(0))).total());
    }
}
