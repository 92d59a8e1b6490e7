package vn.lienthong.archive;

import java.util.Collection;

/**
 * The archive: one full-text index over everything the suite's modules hold, searched with permissions.
 * <p>
 * Items are keyed by {@code (source, id)}: {@link #put} replaces whatever was stored under that key, so feeding
 * the same item twice is harmless. A put is visible to {@link #search} within one second (near-real-time) and
 * durable after the next scheduled commit; the index is derived data, so a crash before that commit is repaired
 * by a rebuild from the {@link ArchiveFeeder}s at the next start.
 * <p>
 * All methods are thread-safe. {@link #put} blocks while attachment text is extracted (bounded by the configured
 * time limit per attachment).
 */
public interface Archive {

    /** Adds the item, or replaces the item with the same source and id. */
    void put(ArchiveItem item);

    /** Puts each item in turn. */
    default void putAll(Collection<ArchiveItem> items) {
        items.forEach(this::put);
    }

    /** Removes the item with this source and id, if there is one. */
    void delete(String source, String id);

    /** Removes every item of the source (for example before a source re-imports everything itself). */
    void deleteAll(String source);

    /**
     * Runs the query, trimmed to what the request's principals may read: hits, total and facets alike.
     *
     * @throws QuerySyntaxException when the query is malformed; its message is meant for the user (Vietnamese)
     */
    SearchResult search(SearchRequest request);

    /**
     * Re-feeds every source that has a registered {@link ArchiveFeeder}. Items of a source that its feeder no
     * longer puts are removed once the feeder has finished without error. Search keeps working meanwhile.
     */
    RebuildReport rebuild();

    /**
     * Re-feeds one source.
     *
     * @throws IllegalArgumentException when no feeder is registered for the source
     */
    RebuildReport rebuild(String source);

    /** Item counts per source and the state the index was found in at start-up, for an admin page. */
    ArchiveStatus status();
}
