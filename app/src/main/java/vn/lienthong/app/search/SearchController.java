package vn.lienthong.app.search;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.lienthong.archive.QuerySyntaxException;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.archive.SearchSort;

/**
 * Tìm kiếm: one search over mail, chat, meetings and the directory, trimmed to what the official may read. The top
 * bar's box sends {@code q} here. A malformed query shows the archive's Vietnamese explanation above the box, which
 * keeps what was typed. An unknown order or page number falls back to the defaults instead of an error.
 */
@Controller
class SearchController {

    private final Searches searches;
    private final SearchPage.Factory pages;

    SearchController(Searches searches, SearchPage.Factory pages) {
        this.searches = searches;
        this.pages = pages;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", defaultValue = "") String query,
                  @RequestParam(name = "source", required = false) List<String> sourceValues,
                  @RequestParam(name = "sort", required = false) String sortValue,
                  @RequestParam(name = "page", required = false) String pageValue,
                  Authentication authentication, Locale locale, Model model) {
        String q = query.strip();
        Set<String> sources = Searches.sources(sourceValues);
        SearchSort sort = Searches.sort(sortValue).orElse(SearchSort.RELEVANCE);
        int page = page(pageValue);
        SearchResult result = null;
        String error = null;
        if (!q.isEmpty() || !sources.isEmpty()) {
            try {
                result = searches.search(authentication, q, sources, sort, page);
            }
            catch (QuerySyntaxException malformed) {
                error = malformed.getMessage();
            }
        }
        model.addAttribute("query", q);
        model.addAttribute("search", pages.page(q, sources, sort, page, result, error, locale));
        return "search/index";
    }

    private static int page(String value) {
        try {
            int page = value == null ? 1 : Integer.parseInt(value.strip());
            return Math.max(1, Math.min(page, Searches.MAX_PAGE));
        }
        catch (NumberFormatException e) {
            return 1;
        }
    }
}
