package vn.lienthong.archive.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Vietnamese analysis, in two flavours over the same syllable tokens:
 * <ul>
 *   <li>{@link #exact()}: NFC, lower case, one tone-mark placement: {@code "Quyết Định"} → {@code quyết},
 *       {@code định}. Accents count: {@code đường} ≠ {@code dương}.</li>
 *   <li>{@link #folded()}: the same, then marks off and {@code đ} → {@code d}: {@code "Quyết Định"} →
 *       {@code quyet}, {@code dinh}; {@code "Đặng"} → {@code dang}. What a user typing without marks expects.</li>
 * </ul>
 * The chain, top to bottom: standard tokenizer (UAX#29: Vietnamese words are space-separated syllables, and
 * combining marks stay with their letter) → {@link NfcNormalizationFilter} → {@link LowerCaseFilter} →
 * {@link ToneMarkPlacementFilter} → {@link AccentFoldingFilter} (folded only: Lucene's ASCII folding, from a
 * table; it folds {@code đ}, which NFD stripping misses, and multi-mark vowels such as {@code ệ}). No stop words, no stemming: syllables are short
 * and every one may carry meaning. Queries go through the same chain.
 */
public final class VietnameseAnalyzer extends Analyzer {

    private static final int MAX_TOKEN_LENGTH = 255;

    private final boolean folded;

    private VietnameseAnalyzer(boolean folded) {
        this.folded = folded;
    }

    public static VietnameseAnalyzer exact() {
        return new VietnameseAnalyzer(false);
    }

    public static VietnameseAnalyzer folded() {
        return new VietnameseAnalyzer(true);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setMaxTokenLength(MAX_TOKEN_LENGTH);
        TokenStream stream = new NfcNormalizationFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new ToneMarkPlacementFilter(stream);
        if (folded) {
            stream = new AccentFoldingFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream stream = new NfcNormalizationFilter(in);
        stream = new LowerCaseFilter(stream);
        stream = new ToneMarkPlacementFilter(stream);
        return folded ? new AccentFoldingFilter(stream) : stream;
    }
}
