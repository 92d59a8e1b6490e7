package vn.lienthong.app.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import vn.lienthong.app.support.Users;
import vn.lienthong.app.support.WebTestSupport;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Tìm kiếm as HTML: the directory as a source, facets, paging links, malformed queries and hostile content. */
class SearchPagesTests extends WebTestSupport {

    /** Items of a source no module feeds, so no rebuild removes them while the tests run. */
    static final String TEST_SOURCE = "testnote";

    @Autowired
    Archive archive;

    @Autowired
    DirectoryAdministration administration;

    @Test
    void findsAnOfficialByTheirNameTypedWithoutToneMarks() throws Exception {
        long an = official("an.nguyen").id();
        String html = await().atMost(Duration.ofSeconds(30))
                .until(() -> search(Users.OTHER_OFFICIAL, "q", "nguyen van an"),
                        page -> page.contains("href=\"/directory/officials/" + an + "\""));
        assertThat(html).contains("Nguyễn Văn An", "Văn phòng UBND tỉnh", "Danh bạ", "id=\"search-summary\"");
    }

    @Test
    void findsAUnitUnderItsFormerNameAfterARename() throws Exception {
        String code = "BL-VL-T" + suffix(4);
        Unit unit = administration.createUnit("quantri", new UnitDraft(code, "Xã Rạch Sậu Cũ", UnitLevel.COMMUNE,
                unit("BL-VL").id(), null, null));
        awaitHit("rach sau cu", "/directory/units/" + unit.id());

        administration.updateUnit("quantri", unit.id(),
                new UnitDraft(code, "Xã Hưng Thành Mới", UnitLevel.COMMUNE, unit("BL-VL").id(), null, null));

        String renamed = "href=\"/directory/units/" + unit.id() + "\">Xã Hưng Thành Mới</a>";
        String html = await().atMost(Duration.ofSeconds(5))
                .until(() -> search(Users.OFFICIAL, "q", "rach sau cu"), page -> page.contains(renamed));
        assertThat(html).contains("Xã <mark>Rạch</mark> <mark>Sậu</mark> <mark>Cũ</mark>");
        awaitHit("hung thanh moi", "/directory/units/" + unit.id());
    }

    @Test
    void mergedUnitIsFoundThroughTheUnitItWasMergedInto() throws Exception {
        long district = unit("BL-VL").id();
        Unit source = administration.createUnit("quantri", new UnitDraft("BL-VL-S" + suffix(4), "Xã Long Điền Tây",
                UnitLevel.COMMUNE, district, null, null));
        Unit target = administration.createUnit("quantri", new UnitDraft("BL-VL-M" + suffix(4), "Xã Long Thạnh",
                UnitLevel.COMMUNE, district, null, null));
        awaitHit("long dien tay", "/directory/units/" + source.id());

        administration.mergeUnit("quantri", source.id(), target.id());

        String html = await().atMost(Duration.ofSeconds(5))
                .until(() -> search(Users.OFFICIAL, "q", "long dien tay"),
                        page -> page.contains("href=\"/directory/units/" + target.id() + "\"")
                                && !page.contains("href=\"/directory/units/" + source.id() + "\""));
        assertThat(html).contains("Xã Long Thạnh");
    }

    @Test
    void newOfficialIsSearchableWithinASecondAndGoneOnceDeactivated() throws Exception {
        String username = "tester." + suffix(6).toLowerCase();
        Official created = administration.createOfficial("quantri", new OfficialDraft(username,
                "Châu Ngọc Thử", "Chuyên viên", unit("BL-VL-VP").id(), null, null, Set.of(Role.OFFICIAL), null));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> directoryHits(username) == 1);
        assertThat(search(Users.OFFICIAL, "q", username))
                .contains("Châu Ngọc Thử", "/directory/officials/" + created.id());

        administration.deactivateOfficial("quantri", created.id());
        await().atMost(Duration.ofSeconds(2)).until(() -> directoryHits(username) == 0);
    }

    @Test
    void malformedQueryIsExplainedInVietnameseAndKeptInTheBox() throws Exception {
        String html = HtmlUtils.htmlUnescape(mvc.perform(get("/search").param("q", "\"quản lý")
                        .with(Users.OFFICIAL.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(html).contains("id=\"search-error\"", "Câu tìm kiếm chưa đúng", "Thiếu dấu ngoặc kép",
                        "aria-invalid=\"true\"", "value=\"\"quản lý\"")
                .doesNotContain("QuerySyntaxException", "at vn.lienthong");

        assertThat(search(Users.OFFICIAL, "q", "after:2026-10-01")).contains("id=\"search-error\"", "dd/MM/yyyy");
    }

    @Test
    void hostileHtmlInAnItemIsShownAsText() throws Exception {
        String id = suffix(8);
        archive.put(ArchiveItem.builder(TEST_SOURCE, id)
                .title("<script>alert('tieu de')</script> Công văn hiểm " + id)
                .body("Nội dung <img src=x onerror=alert(1)> công văn hiểm & \"trích dẫn\" " + id)
                .author("<b>Kẻ xấu</b>")
                .url("javascript:alert(1)")
                .readers(Reader.official("an.nguyen"))
                .build());

        String html = await().atMost(Duration.ofSeconds(5))
                .until(() -> search(Users.OFFICIAL, "q", "cong van hiem " + id), page -> page.contains("search-snippet"));
        assertThat(html)
                .contains("&lt;script&gt;alert(&#39;tieu de&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                        "&lt;b&gt;Kẻ xấu&lt;/b&gt;", "<mark>")
                .doesNotContain("<script>alert", "<img src=x", "<b>Kẻ xấu", "javascript:alert");
    }

    @Test
    void facetsNarrowTheQueryAndPagesLinkOn() throws Exception {
        String word = "phongtrao" + suffix(5).toLowerCase();
        Instant october = Instant.parse("2026-10-15T03:00:00Z");
        for (int i = 0; i < Searches.PAGE_SIZE + 3; i++) {
            archive.put(ArchiveItem.builder(TEST_SOURCE, word + "-" + i)
                    .title("Phong trào " + i).body("Báo cáo " + word).units("BL-VP").time(october)
                    .url("/mail/" + word + "-" + i).readers(Reader.everyone()).build());
        }
        String html = await().atMost(Duration.ofSeconds(5))
                .until(() -> search(Users.OFFICIAL, "q", word), page -> page.contains("id=\"search-pages\""));

        assertThat(html).contains("id=\"facet-unit\"", "Văn phòng UBND tỉnh", "id=\"facet-month\"", "Tháng 10/2026",
                "href=\"/search?q=" + word + "+unit%3ABL-VP\"",
                "href=\"/search?q=" + word + "+after%3A01%2F10%2F2026+before%3A01%2F11%2F2026\"",
                "href=\"/search?q=" + word + "&amp;source=" + TEST_SOURCE + "\"",
                "href=\"/search?q=" + word + "&amp;page=2\"", "Trang 1/2", "15/10/2026 10:00");

        String second = search(Users.OFFICIAL, "q", word + " unit:BL-VP", "sort", "date", "page", "2");
        assertThat(second).contains("Trang 2/2", "rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void nothingFoundSaysSo() throws Exception {
        assertThat(search(Users.OFFICIAL, "q", "khongcogica" + suffix(6)))
                .contains("id=\"search-empty\"", "Không tìm thấy kết quả nào");
    }

    @Test
    void emptySearchShowsTheQueryLanguage() throws Exception {
        assertThat(search(Users.OFFICIAL))
                .contains("id=\"search-help\"", "from:an.nguyen", "has:attachment", "after:01/10/2026")
                .doesNotContain("id=\"search-summary\"");
        assertThat(search(Users.OFFICIAL, "lang", "en")).contains("How to write a search", "Best match", "Directory");
    }

    private void awaitHit(String query, String href) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> search(Users.OFFICIAL, "q", query).contains("href=\"" + href + "\""));
    }

    private long directoryHits(String query) {
        return archive.search(SearchRequest.of(query, Set.of(Reader.official("an.nguyen")))
                .withSources(Set.of(DirectoryItems.SOURCE))).total();
    }

    /** The search page as the user sees it, for request parameters given as name, value, name, value... */
    private String search(Users user, String... parameters) throws Exception {
        MockHttpServletRequestBuilder request = get("/search").with(user.session());
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static String suffix(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length).toUpperCase();
    }
}
