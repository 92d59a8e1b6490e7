package vn.lienthong.archive.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * {@link NfcNormalizationFilter}: NFC composition of each token. For a Solr schema:
 * {@code <filter class="vn.lienthong.archive.analysis.NfcNormalizationFilterFactory"/>} (or {@code name="vietnameseNfc"}).
 */
public final class NfcNormalizationFilterFactory extends TokenFilterFactory {

    /** The name the factory is known by in analysis chains. */
    public static final String NAME = "vietnameseNfc";

    public NfcNormalizationFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** For the service loader only. */
    public NfcNormalizationFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new NfcNormalizationFilter(input);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return create(input);
    }
}
