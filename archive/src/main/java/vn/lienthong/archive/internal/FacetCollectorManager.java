package vn.lienthong.archive.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import vn.lienthong.archive.SearchResult.FacetCount;
import vn.lienthong.archive.SearchResult.Facets;

/**
 * Counts every matching document (the exact total) and its source, units and month, straight from the doc
 * values of the documents the query (permission filter included) matched: what a caller may not read is never
 * counted.
 */
final class FacetCollectorManager implements CollectorManager<FacetCollectorManager.Counter, FacetCollectorManager.Counts> {

    static final int MAX_UNITS = 50;

    /** The total and the facets of one search. */
    record Counts(long total, Facets facets) {
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Counts reduce(Collection<Counter> collectors) {
        long total = 0;
        Map<String, Long> sources = new HashMap<>();
        Map<String, Long> units = new HashMap<>();
        Map<String, Long> months = new HashMap<>();
        for (Counter counter : collectors) {
            counter.flush();
            total += counter.total;
            counter.sources.totals.forEach((k, v) -> sources.merge(k, v, Long::sum));
            counter.units.totals.forEach((k, v) -> units.merge(k, v, Long::sum));
            counter.months.totals.forEach((k, v) -> months.merge(k, v, Long::sum));
        }
        Comparator<FacetCount> byCount = Comparator.comparingLong(FacetCount::count).reversed()
                .thenComparing(FacetCount::value);
        return new Counts(total, new Facets(
                sorted(sources, byCount, Integer.MAX_VALUE),
                sorted(units, byCount, MAX_UNITS),
                sorted(months, Comparator.comparing(FacetCount::value).reversed(), Integer.MAX_VALUE)));
    }

    private static List<FacetCount> sorted(Map<String, Long> counts, Comparator<FacetCount> order, int limit) {
        List<FacetCount> list = new ArrayList<>();
        counts.forEach((value, count) -> list.add(new FacetCount(value, count)));
        list.sort(order);
        return List.copyOf(list.subList(0, Math.min(limit, list.size())));
    }

    /** Counts per segment by ordinal, turned into values when the segment is done. */
    static final class Counter extends SimpleCollector {

        private long total;
        private final Dimension sources = new Dimension(Fields.SOURCE_FACET);
        private final Dimension units = new Dimension(Fields.UNIT_FACET);
        private final Dimension months = new Dimension(Fields.MONTH_FACET);

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            sources.next(context);
            units.next(context);
            months.next(context);
        }

        @Override
        public void collect(int doc) throws IOException {
            total++;
            sources.collect(doc);
            units.collect(doc);
            months.collect(doc);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        void flush() {
            sources.flush();
            units.flush();
            months.flush();
        }
    }

    private static final class Dimension {

        private final String field;
        private final Map<String, Long> totals = new HashMap<>();
        private SortedSetDocValues values;
        private int[] counts;

        Dimension(String field) {
            this.field = field;
        }

        void next(LeafReaderContext context) throws IOException {
            values = DocValues.getSortedSet(context.reader(), field);
            counts = new int[(int) values.getValueCount()];
        }

        void collect(int doc) throws IOException {
            if (values.advanceExact(doc)) {
                for (int i = 0, n = values.docValueCount(); i < n; i++) {
                    counts[(int) values.nextOrd()]++;
                }
            }
        }

        void flush() {
            if (values == null) {
                return;
            }
            try {
                for (int ord = 0; ord < counts.length; ord++) {
                    if (counts[ord] > 0) {
                        totals.merge(values.lookupOrd(ord).utf8ToString(), (long) counts[ord], Long::sum);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            values = null;
            counts = null;
        }
    }
}
