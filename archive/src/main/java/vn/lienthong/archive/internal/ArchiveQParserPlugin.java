package vn.lienthong.archive.internal;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;
import vn.lienthong.archive.QuerySyntaxException;
import vn.lienthong.archive.Reader;

/**
 * The suite's query language inside Solr ({@code defType=lienthong}): the user's query is read by the same
 * {@link UserQueryParser} and turned into the same Lucene query by the same {@link QueryBuilder} as on the
 * embedded engine, permission filter included, so both engines match and score alike.
 * <p>
 * Parameters besides {@code q}: {@value #READER} (repeated, the caller's principals; none means no hit),
 * {@value #SOURCE} (repeated, restricts to these sources), {@value #KNOWN} (repeated, sources of the
 * application's feeders that {@code in:} accepts besides the suite's), {@value #ZONE} (time zone of
 * {@code after:}/{@code before:}). Loaded by Solr from the archive's jar; see {@code solrconfig.xml}.
 */
public class ArchiveQParserPlugin extends QParserPlugin {

    public static final String NAME = ArchiveQueries.PARSER;
    static final String READER = ArchiveQueries.READER;
    static final String SOURCE = ArchiveQueries.SOURCE;
    static final String KNOWN = ArchiveQueries.KNOWN;
    static final String ZONE = ArchiveQueries.ZONE;

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() throws SyntaxError {
                String[] readers = params.getParams(READER);
                if (readers == null || readers.length == 0) {
                    return new MatchNoDocsQuery("no principal");
                }
                String zone = params.get(ZONE, "Asia/Ho_Chi_Minh");
                try {
                    return ArchiveQueries.build(qstr == null ? "" : qstr, list(readers).stream().map(Reader::parse).toList(),
                            list(params.getParams(SOURCE)), list(params.getParams(KNOWN)), ZoneId.of(zone)).query();
                } catch (QuerySyntaxException | IllegalArgumentException e) {
                    throw new SyntaxError(e.getMessage(), e);
                }
            }
        };
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
