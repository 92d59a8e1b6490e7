package vn.lienthong.app.search;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.archive.SearchSort;

/**
 * One search as the page and the API ask it: the caller's principals ({@link ArchivePrincipals}), the query, the
 * sources, the order and a 1-based page of {@value #PAGE_SIZE} hits.
 */
@Component
class Searches {

    static final int PAGE_SIZE = 20;
    /** Deep pages cost the archive page × size hits; nobody reads 500 pages of results. */
    static final int MAX_PAGE = 500;

    private final Archive archive;
    private final ArchivePrincipals principals;

    Searches(Archive archive, ArchivePrincipals principals) {
        this.archive = archive;
        this.principals = principals;
    }

    /**
     * @throws vn.lienthong.archive.QuerySyntaxException when the query is malformed (its message is for the user)
     * @throws IllegalArgumentException when the page is not 1..{@value #MAX_PAGE}
     */
    SearchResult search(Authentication caller, String query, Set<String> sources, SearchSort sort, int page) {
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be 1.." + MAX_PAGE + ": " + page);
        }
        SearchRequest request = new SearchRequest(query == null ? "" : query.strip(), principals.of(caller), sources,
                sort, page - 1, PAGE_SIZE);
        return archive.search(request);
    }

    /**
     * Source names as given in the request: repeated ({@code source=mail&source=chat}) or comma-separated, lower
     * case, blanks dropped.
     */
    static Set<String> sources(Collection<String> values) {
        Set<String> sources = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    String source = part.strip().toLowerCase(Locale.ROOT);
                    if (!source.isEmpty()) {
                        sources.add(source);
                    }
                }
            }
        }
        return sources;
    }

    /** {@code relevance} (or nothing) and {@code date}, any case; anything else is empty. */
    static Optional<SearchSort> sort(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(SearchSort.RELEVANCE);
        }
        for (SearchSort sort : SearchSort.values()) {
            if (sort.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }

    static int pages(SearchResult result) {
        long pages = (result.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        return (int) Math.min(pages, MAX_PAGE);
    }
}
