package vn.lienthong.archive.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A user query, read but not yet turned into Lucene: free text and filters.
 *
 * @param words      plain words, in order (AND)
 * @param phrases    quoted phrases (AND)
 * @param excluded   {@code -word} and {@code -"phrase"}: none may match
 * @param filters    operator filters ({@code from:}, {@code to:}, {@code in:}, {@code unit:}, {@code has:}),
 *                   possibly negated
 * @param after      {@code after:} day (inclusive), or null
 * @param before     {@code before:} day (exclusive), or null
 */
record ParsedQuery(List<String> words, List<String> phrases, List<String> excluded, List<Filter> filters,
                   LocalDate after, LocalDate before) {

    enum Operator { FROM, TO, IN, UNIT, HAS }

    /** One operator with its value; for {@code IN} the value is the canonical source name. */
    record Filter(Operator operator, String value, boolean negated) {
    }

    boolean hasText() {
        return !words.isEmpty() || !phrases.isEmpty();
    }

    Set<String> sourcesIn() {
        return Set.copyOf(filters.stream().filter(f -> f.operator() == Operator.IN && !f.negated())
                .map(Filter::value).toList());
    }
}
