package vn.lienthong.archive.analysis;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds marks off and {@code đ} to {@code d}: term for term the output of Lucene's {@link ASCIIFoldingFilter}
 * ({@code "Đặng"} → {@code "Dang"}, {@code "ệ"} → {@code "e"}, {@code "æ"} → {@code "ae"}), read from a table.
 * <p>
 * Why a table: {@link ASCIIFoldingFilter#foldToASCII(char[], int, char[], int, int)} is one switch of some 14,000
 * bytecodes, above the JIT's limit for huge methods, so the JVM interprets it for every accented character; it was
 * the hottest method when indexing and highlighting Vietnamese. Its folding is per character, so a table built
 * from it once per character of the Basic Multilingual Plane gives the same terms, and indexes written with either
 * filter stay compatible.
 */
public final class AccentFoldingFilter extends TokenFilter {

    /** The one-character fold of each char; {@code 0} where the fold is several characters ({@link #LONG}). */
    private static final char[] SHORT = new char[Character.MAX_VALUE + 1];
    /** Folds of more than one character ({@code æ} → {@code ae}), null elsewhere. */
    private static final char[][] LONG = new char[Character.MAX_VALUE + 1][];

    static {
        char[] in = new char[1];
        char[] out = new char[8];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (c < 0x80) {
                SHORT[c] = (char) c;
                continue;
            }
            in[0] = (char) c;
            int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, 1);
            if (length == 1) {
                SHORT[c] = out[0];
            } else {
                LONG[c] = Arrays.copyOf(out, length);
            }
        }
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private char[] scratch = new char[64];

    public AccentFoldingFilter(TokenStream input) {
        super(input);
    }

    /** The folded form of one character. */
    static String fold(char c) {
        return LONG[c] != null ? new String(LONG[c]) : String.valueOf(SHORT[c]);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        // In place while every fold is one character: all of Vietnamese.
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (c >= 0x80) {
                if (LONG[c] != null) {
                    foldLonger(buffer, i, length);
                    return true;
                }
                buffer[i] = SHORT[c];
            }
        }
        return true;
    }

    /** Folds the rest of the term from {@code from}, where some character folds to several. */
    private void foldLonger(char[] buffer, int from, int length) {
        int rest = length - from;
        if (scratch.length < rest) {
            scratch = new char[Math.max(rest, scratch.length * 2)];
        }
        System.arraycopy(buffer, from, scratch, 0, rest);
        term.setLength(from);
        for (int i = 0; i < rest; i++) {
            char c = scratch[i];
            char[] longer = LONG[c];
            if (longer != null) {
                term.append(new String(longer));
            } else {
                term.append(c < 0x80 ? c : SHORT[c]);
            }
        }
    }
}
