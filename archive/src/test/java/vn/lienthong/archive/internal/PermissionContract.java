package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.archive.SearchResult.FacetCount;

/** What a caller may not read they never see, count or facet, whatever the engine. */
abstract class PermissionContract extends ArchiveContract {

    private static final Set<Reader> AN = Set.of(Reader.official("an.nguyen"), Reader.unit("BL"));
    private static final Set<Reader> BINH = Set.of(Reader.official("binh.tran"), Reader.unit("BL-VL"));
    private static final Set<Reader> ADMIN = Set.of(Reader.official("quantri"), Reader.role("SYSTEM_ADMIN"));

    @BeforeEach
    void fill() {
        Archive archive = archive();
        archive.put(item("mail", "to-an", "BL", "2026-10-05T03:00:00Z", Reader.official("an.nguyen")));
        archive.put(item("chat", "vinhloi-channel", "BL-VL", "2026-11-05T03:00:00Z", Reader.unit("bl-vl")));
        archive.put(item("meeting", "admins", "BL", "2026-09-05T03:00:00Z", Reader.parse("role:SYSTEM_ADMIN")));
        archive.put(item("directory", "public", "BL-DH", "2026-08-05T03:00:00Z", Reader.everyone()));
        refresh();
    }

    private static ArchiveItem item(String source, String id, String unit, String time, Reader reader) {
        return ArchiveItem.builder(source, id).title("Kế hoạch chuyển đổi số").body("Báo cáo " + id)
                .units(unit).time(Instant.parse(time)).readers(reader).build();
    }

    private SearchResult search(String query, Set<Reader> principals) {
        return archive().search(SearchRequest.of(query, principals));
    }

    @Test
    void eachCallerSeesOnlyWhatTheirPrincipalsMayRead() {
        assertThat(TestArchives.ids(search("chuyen doi so", AN))).containsExactlyInAnyOrder("to-an", "public");
        assertThat(TestArchives.ids(search("chuyen doi so", BINH))).containsExactlyInAnyOrder("vinhloi-channel", "public");
        assertThat(TestArchives.ids(search("chuyen doi so", ADMIN))).containsExactlyInAnyOrder("admins", "public");
    }

    @Test
    void totalsAndFacetsCountOnlyReadableItems() {
        SearchResult result = search("chuyen doi so", BINH);

        assertThat(result.total()).isEqualTo(2);
        assertThat(result.facets().sources())
                .containsExactlyInAnyOrder(new FacetCount("chat", 1), new FacetCount("directory", 1));
        assertThat(result.facets().units())
                .containsExactlyInAnyOrder(new FacetCount("BL-VL", 1), new FacetCount("BL-DH", 1));
        assertThat(result.facets().months()).containsExactly(new FacetCount("2026-11", 1), new FacetCount("2026-08", 1));
    }

    @Test
    void aQueryMatchingOnlyUnreadableItemsFindsNothingAtAll() {
        SearchResult result = search("vinhloi", AN);

        assertThat(result.total()).isZero();
        assertThat(result.hits()).isEmpty();
        assertThat(result.facets().sources()).isEmpty();
        assertThat(result.facets().units()).isEmpty();
        assertThat(result.facets().months()).isEmpty();
    }

    @Test
    void filtersCannotWidenWhatIsReadable() {
        assertThat(search("in:chat", AN).total()).isZero();
        assertThat(search("unit:BL-VL", AN).total()).isZero();
        assertThat(search("", AN).total()).isEqualTo(2);
    }

    @Test
    void aCallerWithoutPrincipalsSeesNothingNotEvenPublicItems() {
        SearchResult result = search("", Set.of());

        assertThat(result.total()).isZero();
        assertThat(result.hits()).isEmpty();
    }

    @Test
    void readerNamesCompareCaseInsensitively() {
        assertThat(TestArchives.ids(search("", Set.of(Reader.parse("unit:bl-vl")))))
                .containsExactlyInAnyOrder("vinhloi-channel", "public");
        assertThat(TestArchives.ids(search("", Set.of(Reader.parse("ROLE:system_admin")))))
                .containsExactlyInAnyOrder("admins", "public");
    }
}
