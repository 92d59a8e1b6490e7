package vn.lienthong.archive;

import java.time.Instant;
import java.util.Map;

/**
 * The archive's state, for an admin page.
 *
 * @param itemsBySource searchable items per source
 * @param startup       how the index was found at start-up
 * @param lastCommit    when changes were last made durable, or {@code null} if not yet
 * @param rebuilding    whether a rebuild is running
 */
public record ArchiveStatus(Map<String, Long> itemsBySource, Startup startup, Instant lastCommit,
                            boolean rebuilding) {

    /** How the index was found when the archive opened. */
    public enum Startup {
        /** Closed cleanly last time: nothing to do. */
        CLEAN,
        /** No index yet: created empty, rebuilt from the feeders. */
        MISSING,
        /** Not closed cleanly (crash, kill): changes since the last commit may be lost, rebuilt from the feeders. */
        UNCLEAN_SHUTDOWN,
        /** Unreadable: moved aside, a new one created and rebuilt from the feeders. */
        CORRUPT
    }
}
