package vn.lienthong.app.search;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import vn.lienthong.app.support.Users;
import vn.lienthong.app.support.WebTestSupport;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Reader;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/v1/search}: its JSON, its 400 problems, and who may call it; the page's refusal of strangers. */
class SearchApiTests extends WebTestSupport {

    @Autowired
    Archive archive;

    @Test
    void answersTotalHitsAndFacetsAsJson() throws Exception {
        String word = "congvan" + SearchPagesTests.suffix(6).toLowerCase();
        archive.put(ArchiveItem.builder(SearchPagesTests.TEST_SOURCE, word)
                .title("Công văn về lịch tiếp dân").body("Lịch tiếp dân tháng 10 " + word).units("BL-VL")
                .time(Instant.parse("2026-10-02T01:30:00Z")).url("/mail/" + word)
                .readers(Reader.official("an.nguyen")).build());
        await().atMost(Duration.ofSeconds(5)).until(() -> mvc.perform(get("/api/v1/search").param("q", word)
                .with(Users.OFFICIAL.bearer())).andReturn().getResponse().getContentAsString().contains("\"total\":1"));

        mvc.perform(get("/api/v1/search").param("q", "lich tiep dan " + word)
                        .param("source", SearchPagesTests.TEST_SOURCE + ",mail").param("sort", "date").param("page", "1")
                        .with(Users.OFFICIAL.bearer()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.hits[0].source").value(SearchPagesTests.TEST_SOURCE))
                .andExpect(jsonPath("$.hits[0].id").value(word))
                .andExpect(jsonPath("$.hits[0].title").value("Công văn về lịch tiếp dân"))
                .andExpect(jsonPath("$.hits[0].snippet", containsString("<mark>tiếp</mark>")))
                .andExpect(jsonPath("$.hits[0].url").value("/mail/" + word))
                .andExpect(jsonPath("$.hits[0].time").value(containsString("2026-10-02")))
                .andExpect(jsonPath("$.facets.sources[0].value").value(SearchPagesTests.TEST_SOURCE))
                .andExpect(jsonPath("$.facets.units[0].value").value("BL-VL"))
                .andExpect(jsonPath("$.facets.months[0].value").value("2026-10"));
    }

    @Test
    void findsTheDirectoryWithoutToneMarks() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/api/v1/search")
                        .param("q", "tran thi binh").param("source", "directory").with(Users.OFFICIAL.bearer()))
                .andReturn().getResponse().getContentAsString().contains("Trần Thị Bình"));
        mvc.perform(get("/api/v1/search").param("q", "vinh loi in:danhba").with(Users.OFFICIAL.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[*].title", hasItem("Huyện Vĩnh Lợi")))
                .andExpect(jsonPath("$.hits[*].url", hasItem("/directory/units/" + unit("BL-VL").id())));
    }

    @Test
    void malformedQueryIsA400ProblemWithTheVietnameseMessage() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "quyết định \"quản lý").with(Users.OFFICIAL.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Câu tìm kiếm chưa đúng"))
                .andExpect(jsonPath("$.detail", containsString("Thiếu dấu ngoặc kép")))
                .andExpect(jsonPath("$.field").value("q"))
                .andExpect(jsonPath("$.position").isNumber());
        mvc.perform(get("/api/v1/search").param("q", "in:fax").with(Users.OFFICIAL.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("fax")));
    }

    @Test
    void badOrderOrPageIsA400Problem() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "a").param("sort", "size").with(Users.OFFICIAL.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("sort"));
        for (String page : new String[] {"0", "-1", "x", "501"}) {
            mvc.perform(get("/api/v1/search").param("q", "a").param("page", page).with(Users.OFFICIAL.bearer()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("page"));
        }
    }

    @Test
    void strangersAreRefused() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "quyet dinh"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("hits"))));
        mvc.perform(get("/search").param("q", "quyet dinh").accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("/oauth2/authorization/")));
        mvc.perform(get("/api/v1/search").param("q", "quyet dinh").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
    }
}
