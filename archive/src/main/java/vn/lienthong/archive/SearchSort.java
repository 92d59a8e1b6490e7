package vn.lienthong.archive;

/** Order of search hits. */
public enum SearchSort {
    /** Best match first; exact-accent matches above folded ones; newer first among equals. */
    RELEVANCE,
    /** Newest first. */
    DATE
}
