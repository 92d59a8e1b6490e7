package vn.lienthong.archive;

import java.time.Instant;
import java.util.List;

/**
 * One page of hits, with the total and the facets of the whole result, all trimmed to what the caller may read.
 *
 * @param total    number of readable items matching the query
 * @param page     the page returned (0-based)
 * @param pageSize the page size asked for
 * @param hits     this page's hits
 * @param facets   counts by source, unit and month over all matching readable items
 */
public record SearchResult(long total, int page, int pageSize, List<Hit> hits, Facets facets) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /**
     * One item found.
     *
     * @param snippet     a passage of the body (or of an attachment's text) around the matches, HTML-escaped, with
     *                    matches in {@code <mark>...</mark>}: safe to insert as HTML as it is
     * @param attachments names of the item's attachments
     */
    public record Hit(String source, String id, String title, String snippet, String url, Instant time,
                      String author, List<String> units, List<String> attachments) {
    }

    /**
     * Counts over the whole result, largest first (months: newest first).
     *
     * @param months months as {@code yyyy-MM}, in the suite's time zone
     */
    public record Facets(List<FacetCount> sources, List<FacetCount> units, List<FacetCount> months) {

        public static final Facets EMPTY = new Facets(List.of(), List.of(), List.of());
    }

    /** One facet value and how many readable items of the result have it. */
    public record FacetCount(String value, long count) {
    }

    /** No hit, for a caller with no principal. */
    public static SearchResult empty(SearchRequest request) {
        return new SearchResult(0, request.page(), request.pageSize(), List.of(), Facets.EMPTY);
    }
}
