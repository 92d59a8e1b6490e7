package vn.lienthong.app.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.archive.QuerySyntaxException;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.archive.SearchSort;

/**
 * {@code GET /api/v1/search?q=...&source=...&sort=relevance|date&page=1}: the search page's results as JSON, for a
 * bearer token or the browser session, trimmed to the caller's rights like the page. Pages are 1-based, of
 * {@value Searches#PAGE_SIZE} hits. A malformed query, an unknown order or a page out of range is a 400 problem
 * whose detail says what to fix (for a query, the archive's Vietnamese message and the {@code position}).
 */
@RestController
class SearchApiController {

    private final Searches searches;
    private final MessageSource messages;

    SearchApiController(Searches searches, MessageSource messages) {
        this.searches = searches;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/search", produces = "application/json")
    Results search(@RequestParam(name = "q", defaultValue = "") String query,
                   @RequestParam(name = "source", required = false) List<String> sources,
                   @RequestParam(name = "sort", required = false) String sortValue,
                   @RequestParam(name = "page", defaultValue = "1") String pageValue,
                   Authentication authentication, Locale locale) {
        SearchSort sort = Searches.sort(sortValue).orElseThrow(() -> new BadParameter("sort",
                messages.getMessage("search.api.badSort", null, locale)));
        int page;
        try {
            page = Integer.parseInt(pageValue.strip());
        }
        catch (NumberFormatException e) {
            page = 0;
        }
        if (page < 1 || page > Searches.MAX_PAGE) {
            throw new BadParameter("page",
                    messages.getMessage("search.api.badPage", new Object[] {Searches.MAX_PAGE}, locale));
        }
        return Results.of(searches.search(authentication, query, Searches.sources(sources), sort, page));
    }

    @ExceptionHandler(QuerySyntaxException.class)
    ProblemDetail malformed(QuerySyntaxException malformed, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, malformed.getMessage());
        problem.setTitle(messages.getMessage("search.malformed", null, locale));
        problem.setProperty("field", "q");
        problem.setProperty("position", malformed.position());
        return problem;
    }

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter bad, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bad.getMessage());
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        problem.setProperty("field", bad.field);
        return problem;
    }

    /** A request parameter out of range; the message is for the caller. */
    static final class BadParameter extends RuntimeException {

        private final String field;

        BadParameter(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** The JSON answer. {@code snippet} is HTML: escaped text with {@code <mark>} around the matches. */
    record Results(long total, int page, int pageSize, List<Hit> hits, SearchResult.Facets facets) {

        static Results of(SearchResult result) {
            return new Results(result.total(), result.page() + 1, result.pageSize(),
                    result.hits().stream().map(hit -> new Hit(hit.source(), hit.id(), hit.title(), hit.snippet(),
                            hit.url(), hit.time())).toList(),
                    result.facets());
        }
    }

    record Hit(String source, String id, String title, String snippet, String url, Instant time) {
    }
}
