package vn.lienthong.archive.internal;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.analysis.VietnameseAnalyzer;

/**
 * A search as both engines build it, and the request parameters that carry it to Solr's
 * {@link ArchiveQParserPlugin}. Apart from that plugin so the application, which has no Solr server classes,
 * can use it.
 */
final class ArchiveQueries {

    /** The name of the query parser in solrconfig.xml ({@code defType}). */
    static final String PARSER = "lienthong";
    /** The caller's principals, one parameter each; none means no hit. */
    static final String READER = "lt.reader";
    /** Restricts to these sources (a tab of the search page). */
    static final String SOURCE = "lt.source";
    /** Sources of the application's feeders that {@code in:} accepts besides the suite's. */
    static final String KNOWN = "lt.known";
    /** Time zone of {@code after:}/{@code before:}. */
    static final String ZONE = "lt.tz";

    private static final Analyzer EXACT = VietnameseAnalyzer.exact();
    private static final Analyzer FOLDED = VietnameseAnalyzer.folded();

    /** The Lucene query and the terms to highlight; throws QuerySyntaxException for a malformed query. */
    static QueryBuilder.Built build(String query, List<Reader> principals, List<String> sources,
                                    List<String> knownSources, ZoneId zone) {
        ParsedQuery parsed = new UserQueryParser(sourceNames(knownSources)).parse(query);
        return new QueryBuilder(EXACT, FOLDED, zone).build(parsed, principals, sources);
    }

    /** What {@code in:} accepts: the suite's sources with their Vietnamese names, and every feeder's source. */
    static Map<String, String> sourceNames(Iterable<String> knownSources) {
        Map<String, String> names = new LinkedHashMap<>(UserQueryParser.defaultSources());
        knownSources.forEach(source -> names.putIfAbsent(source, source));
        return names;
    }

    private ArchiveQueries() {
    }
}
