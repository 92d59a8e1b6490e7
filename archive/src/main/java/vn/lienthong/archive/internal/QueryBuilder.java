package vn.lienthong.archive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import vn.lienthong.archive.QuerySyntaxException;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.internal.ParsedQuery.Filter;
import vn.lienthong.archive.internal.ParsedQuery.Operator;

/**
 * Turns a parsed user query into one Lucene query.
 * <p>
 * Every word must match (AND), in the title, the body, an attachment or the author. Each word is looked up in
 * both forms: the exact field (accents as typed) with a higher weight and the folded field (marks off), so
 * {@code quyet dinh} finds {@code Quyết định} and {@code đường} ranks {@code đường} above {@code dương}. A word
 * that analyses to several syllables ({@code HĐND-UBND}) and a quoted phrase match as phrases; for two words or
 * more, items with the words side by side (the multi-syllable word {@code quản lý}) are boosted. Filters and the
 * permission filter are non-scoring FILTER clauses, so they trim hits, totals and facets alike.
 */
final class QueryBuilder {

    // Weights: exact-accent match over folded match; title over body over attachments.
    private static final float TITLE_EXACT = 3f;
    private static final float TITLE_FOLDED = 1.5f;
    private static final float BODY_EXACT = 2f;
    private static final float BODY_FOLDED = 1f;
    private static final float ATTACHMENT_EXACT = 0.6f;
    private static final float ATTACHMENT_FOLDED = 0.3f;
    private static final float AUTHOR = 1f;
    private static final float ADJACENT_TITLE = 2f;
    private static final float ADJACENT_BODY = 1.5f;

    private final Analyzer exact;
    private final Analyzer folded;
    private final ZoneId zone;

    QueryBuilder(Analyzer exact, Analyzer folded, ZoneId zone) {
        this.exact = exact;
        this.folded = folded;
        this.zone = zone;
    }

    /** The query and the folded terms to highlight in snippets. */
    record Built(Query query, Set<String> highlightTerms) {
    }

    Built build(ParsedQuery parsed, Collection<Reader> principals, Collection<String> sources) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<String> highlight = new LinkedHashSet<>();
        boolean scored = false;

        List<String> adjacentExact = new ArrayList<>();
        List<String> adjacentFolded = new ArrayList<>();
        for (String word : parsed.words()) {
            List<String> e = tokens(exact, word);
            List<String> f = tokens(folded, word);
            if (f.isEmpty()) {
                continue; // punctuation only
            }
            query.add(e.size() == 1 && f.size() == 1 ? termClause(e.get(0), f.get(0)) : phraseClause(e, f), Occur.MUST);
            highlight.addAll(f);
            adjacentExact.addAll(e);
            adjacentFolded.addAll(f);
            scored = true;
        }
        if (adjacentFolded.size() >= 2 && adjacentFolded.size() == adjacentExact.size()) {
            query.add(boost(phrase(Fields.TITLE_FOLDED, adjacentFolded), ADJACENT_TITLE), Occur.SHOULD);
            query.add(boost(phrase(Fields.BODY_FOLDED, adjacentFolded), ADJACENT_BODY), Occur.SHOULD);
            if (!adjacentExact.equals(adjacentFolded)) {
                query.add(boost(phrase(Fields.TITLE_EXACT, adjacentExact), ADJACENT_TITLE), Occur.SHOULD);
                query.add(boost(phrase(Fields.BODY_EXACT, adjacentExact), ADJACENT_BODY), Occur.SHOULD);
            }
        }
        for (String text : parsed.phrases()) {
            List<String> e = tokens(exact, text);
            List<String> f = tokens(folded, text);
            if (!f.isEmpty()) {
                query.add(phraseClause(e, f), Occur.MUST);
                highlight.addAll(f);
                scored = true;
            }
        }
        for (String text : parsed.excluded()) {
            Query excluded = exclusion(text);
            if (excluded != null) {
                query.add(excluded, Occur.MUST_NOT);
            }
        }
        addFilters(query, parsed);
        if (!sources.isEmpty()) {
            query.add(inSet(Fields.SOURCE, sources), Occur.FILTER);
        }
        Set<String> readers = new LinkedHashSet<>();
        principals.forEach(p -> readers.add(p.toString()));
        readers.add(Reader.everyone().toString());
        query.add(inSet(Fields.READERS, readers), Occur.FILTER);
        if (!scored) {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return new Built(query.build(), highlight);
    }

    private void addFilters(BooleanQuery.Builder query, ParsedQuery parsed) {
        List<String> in = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (Filter filter : parsed.filters()) {
            if (filter.operator() == Operator.IN && !filter.negated()) {
                in.add(filter.value());
                continue;
            }
            if (filter.operator() == Operator.UNIT && !filter.negated()) {
                units.add(filter.value().toLowerCase(Locale.ROOT));
                continue;
            }
            Query q = switch (filter.operator()) {
                case FROM -> person(Fields.AUTHOR_FOLDED, filter);
                case TO -> person(Fields.RECIPIENTS_FOLDED, filter);
                case IN -> new TermQuery(new Term(Fields.SOURCE, filter.value()));
                case UNIT -> new TermQuery(new Term(Fields.UNIT, filter.value().toLowerCase(Locale.ROOT)));
                case HAS -> new TermQuery(new Term(Fields.HAS, filter.value()));
            };
            query.add(q, filter.negated() ? Occur.MUST_NOT : Occur.FILTER);
        }
        // Several in: (or unit:) values mean any of them.
        if (!in.isEmpty()) {
            query.add(inSet(Fields.SOURCE, in), Occur.FILTER);
        }
        if (!units.isEmpty()) {
            query.add(inSet(Fields.UNIT, units), Occur.FILTER);
        }
        if (parsed.after() != null || parsed.before() != null) {
            long from = parsed.after() == null ? Long.MIN_VALUE : startOf(parsed.after());
            long to = parsed.before() == null ? Long.MAX_VALUE : startOf(parsed.before()) - 1;
            query.add(LongPoint.newRangeQuery(Fields.TIME, from, to), Occur.FILTER);
        }
    }

    private Query person(String field, Filter filter) {
        List<String> f = tokens(folded, filter.value());
        if (f.isEmpty()) {
            throw new QuerySyntaxException("Không hiểu \"" + filter.value() + "\" sau "
                    + filter.operator().name().toLowerCase(Locale.ROOT) + ":. Hãy nhập tên hoặc tên đăng nhập.", 0);
        }
        return f.size() == 1 ? new TermQuery(new Term(field, f.get(0))) : phrase(field, f);
    }

    /** {@code -word}: typed with marks excludes that exact word only; typed without marks, every accented form. */
    private Query exclusion(String text) {
        List<String> e = tokens(exact, text);
        List<String> f = tokens(folded, text);
        if (f.isEmpty()) {
            return null;
        }
        boolean accented = !e.equals(f);
        List<String> terms = accented ? e : f;
        String[] fields = accented
                ? new String[] {Fields.TITLE_EXACT, Fields.BODY_EXACT, Fields.ATTACHMENT_EXACT}
                : new String[] {Fields.TITLE_FOLDED, Fields.BODY_FOLDED, Fields.ATTACHMENT_FOLDED};
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : fields) {
            any.add(terms.size() == 1 ? new TermQuery(new Term(field, terms.get(0))) : phrase(field, terms), Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * One word in every field. The exact fields count only when the word was typed with marks: a word typed
     * without them says nothing about accents ({@code vinh} may mean Vinh or Vĩnh), so all its forms rank alike.
     */
    private static Query termClause(String e, String f) {
        BooleanQuery.Builder any = new BooleanQuery.Builder()
                .add(boost(new TermQuery(new Term(Fields.TITLE_FOLDED, f)), TITLE_FOLDED), Occur.SHOULD)
                .add(boost(new TermQuery(new Term(Fields.BODY_FOLDED, f)), BODY_FOLDED), Occur.SHOULD)
                .add(boost(new TermQuery(new Term(Fields.ATTACHMENT_FOLDED, f)), ATTACHMENT_FOLDED), Occur.SHOULD)
                .add(boost(new TermQuery(new Term(Fields.AUTHOR_FOLDED, f)), AUTHOR), Occur.SHOULD);
        if (!e.equals(f)) {
            any.add(boost(new TermQuery(new Term(Fields.TITLE_EXACT, e)), TITLE_EXACT), Occur.SHOULD)
                    .add(boost(new TermQuery(new Term(Fields.BODY_EXACT, e)), BODY_EXACT), Occur.SHOULD)
                    .add(boost(new TermQuery(new Term(Fields.ATTACHMENT_EXACT, e)), ATTACHMENT_EXACT), Occur.SHOULD);
        }
        return any.build();
    }

    private static Query phraseClause(List<String> e, List<String> f) {
        BooleanQuery.Builder any = new BooleanQuery.Builder()
                .add(boost(phrase(Fields.TITLE_FOLDED, f), TITLE_FOLDED), Occur.SHOULD)
                .add(boost(phrase(Fields.BODY_FOLDED, f), BODY_FOLDED), Occur.SHOULD)
                .add(boost(phrase(Fields.ATTACHMENT_FOLDED, f), ATTACHMENT_FOLDED), Occur.SHOULD)
                .add(boost(phrase(Fields.AUTHOR_FOLDED, f), AUTHOR), Occur.SHOULD);
        if (e.size() == f.size() && !e.equals(f)) {
            any.add(boost(phrase(Fields.TITLE_EXACT, e), TITLE_EXACT), Occur.SHOULD)
                    .add(boost(phrase(Fields.BODY_EXACT, e), BODY_EXACT), Occur.SHOULD)
                    .add(boost(phrase(Fields.ATTACHMENT_EXACT, e), ATTACHMENT_EXACT), Occur.SHOULD);
        }
        return any.build();
    }

    private static Query phrase(String field, List<String> terms) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0)));
        }
        return new PhraseQuery(field, terms.toArray(String[]::new));
    }

    private static Query boost(Query query, float boost) {
        return new BoostQuery(query, boost);
    }

    private static Query inSet(String field, Collection<String> values) {
        List<BytesRef> terms = values.stream().map(BytesRef::new).toList();
        return new TermInSetQuery(field, terms);
    }

    private long startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
