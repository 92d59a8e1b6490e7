package vn.lienthong.archive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Makes the snippet of a hit: the passage of the stored text with the most matched terms, HTML-escaped, matches
 * wrapped in {@code <mark>}. Matching is on folded terms, so {@code quyet} marks {@code Quyết}. The text is
 * re-analysed rather than read from term vectors: stored texts are capped and a page has at most 100 hits.
 */
final class SnippetMaker {

    static final int LENGTH = 200;
    /** Text analysed to find matches; beyond it the snippet falls back to the start of the text. */
    private static final int MAX_ANALYSED = 20_000;

    private final Analyzer folded;

    SnippetMaker(Analyzer folded) {
        this.folded = folded;
    }

    /** The best passage of {@code text}, or null when no term occurs in it. */
    String snippet(String text, Set<String> terms) {
        if (text == null || text.isEmpty() || terms.isEmpty()) {
            return null;
        }
        List<int[]> matches = matches(text, terms);
        if (matches.isEmpty()) {
            return null;
        }
        // The window starting at some match that holds the most matches.
        int bestStart = matches.get(0)[0];
        int bestCount = 0;
        for (int i = 0; i < matches.size(); i++) {
            int start = matches.get(i)[0];
            int count = 0;
            for (int j = i; j < matches.size() && matches.get(j)[1] <= start + LENGTH; j++) {
                count++;
            }
            if (count > bestCount) {
                bestCount = count;
                bestStart = start;
            }
        }
        // Some context before the first match, starting at a word boundary.
        int from = Math.max(0, bestStart - LENGTH / 5);
        while (from > 0 && from < bestStart && !Character.isWhitespace(text.charAt(from - 1))) {
            from++;
        }
        int to = Math.min(text.length(), from + LENGTH);
        while (to < text.length() && to > from && !Character.isWhitespace(text.charAt(to))
                && to - from < LENGTH + 30) {
            to++;
        }
        StringBuilder html = new StringBuilder();
        if (from > 0) {
            html.append("… ");
        }
        int at = from;
        for (int[] match : matches) {
            if (match[0] < from || match[1] > to) {
                continue;
            }
            escape(text, at, match[0], html);
            html.append("<mark>");
            escape(text, match[0], match[1], html);
            html.append("</mark>");
            at = match[1];
        }
        escape(text, at, to, html);
        if (to < text.length()) {
            html.append(" …");
        }
        return html.toString().strip();
    }

    /** The start of the text, escaped, for hits whose match is in the title or the author only. */
    static String lead(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int to = Math.min(text.length(), LENGTH);
        while (to < text.length() && !Character.isWhitespace(text.charAt(to)) && to < LENGTH + 30) {
            to++;
        }
        StringBuilder html = new StringBuilder();
        escape(text, 0, to, html);
        if (to < text.length()) {
            html.append(" …");
        }
        return html.toString().strip();
    }

    private List<int[]> matches(String text, Set<String> terms) {
        List<int[]> matches = new ArrayList<>();
        String analysed = text.length() > MAX_ANALYSED ? text.substring(0, MAX_ANALYSED) : text;
        try (TokenStream stream = folded.tokenStream("snippet", analysed)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (terms.contains(term.toString())) {
                    matches.add(new int[] {offset.startOffset(), offset.endOffset()});
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matches;
    }

    static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
