package vn.lienthong.archive;

import java.util.Objects;
import java.util.Set;

/**
 * A search as a user asks it.
 *
 * @param query      in the user query language: words, {@code "phrases"}, {@code -word}, {@code from:},
 *                   {@code to:}, {@code in:mail|chat|meeting|directory}, {@code unit:}, {@code after:dd/MM/yyyy},
 *                   {@code before:dd/MM/yyyy}, {@code has:attachment}; empty means everything readable
 * @param principals who is asking: their username, units and roles; no principal means no hit
 * @param sources    restricts to these sources (e.g. a tab on the search page); empty means all
 * @param sort       relevance or newest first
 * @param page       0-based page number
 * @param pageSize   hits per page, 1 to {@value #MAX_PAGE_SIZE}
 */
public record SearchRequest(String query, Set<Reader> principals, Set<String> sources, SearchSort sort, int page,
                            int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    public SearchRequest {
        query = query == null ? "" : query;
        principals = principals == null ? Set.of() : Set.copyOf(principals);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        sort = Objects.requireNonNullElse(sort, SearchSort.RELEVANCE);
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0: " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE + ": " + pageSize);
        }
    }

    /** First page by relevance over all sources. */
    public static SearchRequest of(String query, Set<Reader> principals) {
        return new SearchRequest(query, principals, Set.of(), SearchSort.RELEVANCE, 0, DEFAULT_PAGE_SIZE);
    }

    public SearchRequest withSources(Set<String> sources) {
        return new SearchRequest(query, principals, sources, sort, page, pageSize);
    }

    public SearchRequest withSort(SearchSort sort) {
        return new SearchRequest(query, principals, sources, sort, page, pageSize);
    }

    public SearchRequest withPage(int page, int pageSize) {
        return new SearchRequest(query, principals, sources, sort, page, pageSize);
    }
}
