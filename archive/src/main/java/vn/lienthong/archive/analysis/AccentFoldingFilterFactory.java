package vn.lienthong.archive.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * {@link AccentFoldingFilter}: marks off, {@code đ} to {@code d}, from a table. For a Solr schema:
 * {@code <filter class="vn.lienthong.archive.analysis.AccentFoldingFilterFactory"/>} (or {@code name="vietnameseAccentFolding"}).
 */
public final class AccentFoldingFilterFactory extends TokenFilterFactory {

    /** The name the factory is known by in analysis chains. */
    public static final String NAME = "vietnameseAccentFolding";

    public AccentFoldingFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** For the service loader only. */
    public AccentFoldingFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new AccentFoldingFilter(input);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return create(input);
    }
}
