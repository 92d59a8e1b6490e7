package vn.lienthong.archive;

import java.time.Duration;
import java.util.List;

/**
 * What a rebuild did, source by source.
 *
 * @param sources one entry per source re-fed
 * @param took    how long the whole rebuild took
 */
public record RebuildReport(List<SourceReport> sources, Duration took) {

    public RebuildReport {
        sources = List.copyOf(sources);
    }

    /** True when every feeder finished without error. */
    public boolean succeeded() {
        return sources.stream().allMatch(SourceReport::succeeded);
    }

    /**
     * @param items   items the feeder put
     * @param removed items of the source that were in the index but not re-fed (deleted since), removed
     * @param error   why the feeder failed, or {@code null}; on failure nothing is removed
     */
    public record SourceReport(String source, long items, long removed, String error) {

        public boolean succeeded() {
            return error == null;
        }
    }
}
