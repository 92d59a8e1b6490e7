package vn.lienthong.archive.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Puts the tone mark of a syllable ending in {@code oa}, {@code oe} or {@code uy} on the last vowel, so the two
 * spellings in everyday use become one term: {@code "hòa"} and {@code "hoà"} → {@code "hoà"}, {@code "thủy"} and
 * {@code "thuỷ"} → {@code "thuỷ"}, {@code "ủy"} and {@code "uỷ"} → {@code "uỷ"}, {@code "khỏe"} → {@code "khoẻ"}.
 * <p>
 * Only the last two letters of a lower-case NFC token are looked at; syllables with a final consonant
 * ({@code "hoàng"}) are written one way only and are left alone, as are {@code ô}, {@code ơ}, {@code ư}, which are
 * other vowels. Place it after NFC normalisation and lower-casing.
 */
public final class ToneMarkPlacementFilter extends TokenFilter {

    // The five tones, in this order: huyền, sắc, hỏi, ngã, nặng.
    private static final String O = "òóỏõọ";
    private static final String U = "ùúủũụ";
    private static final String A = "àáảãạ";
    private static final String E = "èéẻẽẹ";
    private static final String Y = "ỳýỷỹỵ";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public ToneMarkPlacementFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int length = term.length();
        if (length >= 2) {
            char[] buffer = term.buffer();
            char first = buffer[length - 2];
            char second = buffer[length - 1];
            if (first >= 0x80) { // cheap exit for the common case
                int tone;
                if ((second == 'a' || second == 'e') && (tone = O.indexOf(first)) >= 0) {
                    buffer[length - 2] = 'o';
                    buffer[length - 1] = (second == 'a' ? A : E).charAt(tone);
                } else if (second == 'y' && (tone = U.indexOf(first)) >= 0) {
                    buffer[length - 2] = 'u';
                    buffer[length - 1] = Y.charAt(tone);
                }
            }
        }
        return true;
    }
}
