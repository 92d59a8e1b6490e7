package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.archive.internal.TestArchives.ids;
import static vn.lienthong.archive.internal.TestArchives.item;
import static vn.lienthong.archive.internal.TestArchives.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Relevance, whatever the engine: the shared public set (every expected id in the top 10, every {@code a>b}
 * ranking), then cases of our own: unmarked queries, accents, đ, place names, multi-syllable words, NFD.
 * Each engine's test class gives an empty archive per test.
 */
abstract class RelevanceContract extends ArchiveContract {

    /** The shared set lives beside the repository: {@code <repo>/../shared/data}. */
    static Path sharedData() {
        Path module = Path.of("").toAbsolutePath();
        Path repo = Files.exists(module.resolve("archive")) ? module : module.getParent();
        Path data = repo.getParent().resolve("shared").resolve("data");
        if (!Files.isRegularFile(data.resolve("search-vi-docs.tsv"))
                || !Files.isRegularFile(data.resolve("search-vi-queries.tsv"))) {
            throw new AssertionError("The shared relevance set is missing: expected search-vi-docs.tsv and "
                    + "search-vi-queries.tsv in " + data + " (the shared/ folder beside the repository)");
        }
        return data;
    }

    private record Expectation(String query, List<String> mustFind, List<String[]> rankings) {
    }

    @Test
    void sharedRelevanceSetPasses() throws IOException {
        Path data = sharedData();
        List<String> docLines = Files.readAllLines(data.resolve("search-vi-docs.tsv"), StandardCharsets.UTF_8);
        int docs = 0;
        for (String line : docLines.subList(1, docLines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            archive().put(item("mail", cols[0].trim(), cols[1], cols.length > 2 ? cols[2] : ""));
            docs++;
        }
        assertThat(docs).as("documents in the shared set").isGreaterThan(0);
        refresh();

        List<Expectation> expectations = new ArrayList<>();
        List<String> queryLines = Files.readAllLines(data.resolve("search-vi-queries.tsv"), StandardCharsets.UTF_8);
        for (String line : queryLines.subList(1, queryLines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            List<String> mustFind = split(cols.length > 1 ? cols[1] : "");
            List<String[]> rankings = split(cols.length > 2 ? cols[2] : "").stream()
                    .map(r -> r.split(">")).toList();
            expectations.add(new Expectation(cols[0], mustFind, rankings));
        }
        assertThat(expectations).as("queries in the shared set").isNotEmpty();

        List<String> failures = new ArrayList<>();
        for (Expectation expectation : expectations) {
            List<String> top = ids(search(archive(), expectation.query()));
            List<String> top10 = top.subList(0, Math.min(10, top.size()));
            for (String id : expectation.mustFind()) {
                if (!top10.contains(id)) {
                    failures.add("'" + expectation.query() + "': " + id + " not in top 10 " + top10);
                }
            }
            for (String[] ranking : expectation.rankings()) {
                int above = rank(top, ranking[0].trim());
                int below = rank(top, ranking[1].trim());
                if (above >= below) {
                    failures.add("'" + expectation.query() + "': " + ranking[0] + " should rank above " + ranking[1]
                            + " in " + top);
                }
            }
        }
        assertThat(failures).as("relevance failures").isEmpty();
    }

    private static int rank(List<String> ids, String id) {
        int index = ids.indexOf(id);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void accentedQueryRanksTheExactWordAboveOtherAccentsOfTheSameLetters() {
        archive().put(item("chat", "road", "", "Sửa đường Trần Phú"));
        archive().put(item("chat", "name", "", "Ông Dương Văn Minh gửi báo cáo"));
        archive().put(item("chat", "office", "", "Chủ tịch đương nhiệm phát biểu"));
        refresh();

        assertThat(ids(search(archive(), "đường")).get(0)).isEqualTo("road");
        assertThat(ids(search(archive(), "dương")).get(0)).isEqualTo("name");
        assertThat(ids(search(archive(), "đương")).get(0)).isEqualTo("office");
        assertThat(ids(search(archive(), "duong"))).containsExactlyInAnyOrder("road", "name", "office");
    }

    @Test
    void unmarkedPlaceNameFindsThePlaceAndRanksAdjacentSyllablesFirst() {
        archive().put(item("mail", "scattered", "Thành phố Vinh", "Lợi ích của chương trình"));
        archive().put(item("mail", "place", "Họp tại huyện Vĩnh Lợi", "Thành phần: các xã"));
        archive().put(item("mail", "other", "Huyện Hòa Bình", "Không liên quan"));
        refresh();

        assertThat(ids(search(archive(), "vinh loi"))).containsExactly("place", "scattered");
        assertThat(ids(search(archive(), "Vĩnh Lợi")).get(0)).isEqualTo("place");
    }

    @Test
    void multiSyllableWordRanksAdjacentSyllablesFirstAndQuotesRequireThem() {
        archive().put(item("mail", "apart", "Quản trị hệ thống và lý lịch cán bộ", ""));
        archive().put(item("mail", "word", "Quy chế quản lý văn bản", ""));
        refresh();

        assertThat(ids(search(archive(), "quan ly"))).containsExactly("word", "apart");
        assertThat(ids(search(archive(), "\"quản lý\""))).containsExactly("word");
        assertThat(ids(search(archive(), "\"quan ly\""))).containsExactly("word");
    }

    @Test
    void dWithStrokeFoldsToD() {
        archive().put(item("chat", "dang", "", "Anh Đặng Văn Hùng đã đến"));
        refresh();

        assertThat(ids(search(archive(), "dang van hung"))).containsExactly("dang");
        assertThat(ids(search(archive(), "DEN"))).containsExactly("dang");
    }

    @Test
    void decomposedQueriesAndDocumentsMatchComposedOnes() {
        archive().put(item("mail", "nfd", nfd("Quyết định bổ nhiệm"), nfd("Ủy ban nhân dân huyện Vĩnh Lợi")));
        archive().put(item("mail", "nfc", "Quyết định khen thưởng", "Ủy ban nhân dân xã Châu Thới"));
        refresh();

        assertThat(ids(search(archive(), nfd("Quyết định")))).containsExactlyInAnyOrder("nfd", "nfc");
        assertThat(ids(search(archive(), "Vĩnh Lợi"))).containsExactly("nfd");
        assertThat(ids(search(archive(), nfd("\"Châu Thới\"")))).containsExactly("nfc");
        assertThat(search(archive(), "vinh loi").hits().get(0).title()).isEqualTo("Quyết định bổ nhiệm");
    }

    @Test
    void eitherTonePlacementFindsTheOtherAsAnExactMatch() {
        archive().put(item("mail", "old", "Uỷ ban nhân dân huyện Hoà Bình", ""));
        archive().put(item("mail", "plain", "Uy ban nhan dan huyen Hoa Binh", ""));
        refresh();

        assertThat(ids(search(archive(), "Ủy ban Hòa Bình"))).containsExactly("old", "plain");
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }
}
