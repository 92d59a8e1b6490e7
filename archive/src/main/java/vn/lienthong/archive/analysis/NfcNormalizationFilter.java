package vn.lienthong.archive.analysis;

import java.io.IOException;
import java.text.Normalizer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Composes each token to Unicode NFC, so text typed with combining marks (NFD, as some Mac and mobile keyboards
 * send it) becomes the same term as precomposed text: {@code "Nguye\u0302\u0303n"} → {@code "Nguyễn"}.
 * <p>
 * Runs on tokens rather than on the character stream so offsets keep pointing into the original text; the
 * standard tokenizer keeps combining marks inside the word they belong to. Tokens already in NFC (nearly all)
 * pass through untouched.
 */
public final class NfcNormalizationFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public NfcNormalizationFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (mayNeedComposing() && !Normalizer.isNormalized(term, Normalizer.Form.NFC)) {
            String composed = Normalizer.normalize(term, Normalizer.Form.NFC);
            term.setEmpty().append(composed);
        }
        return true;
    }

    /**
     * False when every character is below U+0300 (where nothing composes further) or a precomposed letter of
     * Latin Extended Additional (U+1E00–U+1EFF, the Vietnamese ế, ộ, ữ...): the cost of the full check is then
     * skipped for nearly every token.
     */
    private boolean mayNeedComposing() {
        char[] buffer = term.buffer();
        for (int i = 0, n = term.length(); i < n; i++) {
            char c = buffer[i];
            if (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) {
                return true;
            }
        }
        return false;
    }
}
