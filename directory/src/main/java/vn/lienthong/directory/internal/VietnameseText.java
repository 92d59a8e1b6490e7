package vn.lienthong.directory.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;

/**
 * Vietnamese text as the directory stores, searches and sorts it.
 *
 * <ul>
 * <li>{@link #clean}: NFC, whitespace collapsed ("Nguye\u0302\u0303n  Văn An " → "Nguyễn Văn An").</li>
 * <li>{@link #fold}: NFC → lower case → đ to d → tone and vowel marks removed ("Đặng Vĩnh Lợi" → "dang vinh loi").
 * Stripping combining marks alone misses đ, which is a letter of its own, not d with a mark.</li>
 * <li>{@link #OFFICIAL_ORDER}: by given name (last word), then full name, with the ICU collator for {@code vi}.</li>
 * </ul>
 */
final class VietnameseText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[.@_\\-]+");

    private static final Collator COLLATOR = vietnameseCollator();

    /** Vietnamese collation for names: "An" before "Ân" before "Bình" before "Đức". */
    static final Comparator<String> NAME_ORDER = COLLATOR::compare;

    /** Lists of officials: by given name, then full name, then username (to be stable). */
    static final Comparator<Official> OFFICIAL_ORDER = Comparator.comparing(Official::givenName, NAME_ORDER)
            .thenComparing(Official::fullName, NAME_ORDER)
            .thenComparing(Official::username);

    static final Comparator<Unit> UNIT_ORDER = Comparator.comparing(Unit::name, NAME_ORDER).thenComparing(Unit::code);

    private VietnameseText() {
    }

    private static Collator vietnameseCollator() {
        Collator collator = Collator.getInstance(new ULocale("vi"));
        // A frozen collator is immutable and safe to share between threads.
        return collator.freeze();
    }

    /** NFC. */
    static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** NFC, trimmed, runs of whitespace replaced by one space; {@code null} when nothing is left. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = SPACES.matcher(nfc(text)).replaceAll(" ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Lower case without tone marks, for search: "Huyện Vĩnh Lợi" → "huyen vinh loi". Never {@code null}. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = nfc(text).toLowerCase(Locale.ROOT)
                .replace('đ', 'd')
                // Icelandic eth (U+00F0, from U+00D0) is sometimes typed for Đ: it looks the same.
                .replace('ð', 'd');
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(stripped).replaceAll(" ").strip();
    }

    /** The folded words of a query; empty for a blank query. */
    static List<String> queryWords(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /**
     * Search text: every part folded and joined with spaces, with identifiers (username, e-mail, code) also split
     * at '.', '@', '_' and '-' so each piece can be found by its start ("bl-vl" also yields "bl" and "vl").
     */
    static String searchText(List<String> texts, List<String> identifiers) {
        StringBuilder text = new StringBuilder();
        for (String part : texts) {
            append(text, fold(part));
        }
        for (String identifier : identifiers) {
            String folded = fold(identifier);
            append(text, folded);
            String split = WORD_SEPARATORS.matcher(folded).replaceAll(" ").strip();
            if (!split.equals(folded)) {
                append(text, split);
            }
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String folded) {
        if (!folded.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(folded);
        }
    }
}
