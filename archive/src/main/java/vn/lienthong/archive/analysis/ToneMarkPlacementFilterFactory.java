package vn.lienthong.archive.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * {@link ToneMarkPlacementFilter}: one tone-mark placement for {@code oa}, {@code oe}, {@code uy}. For a Solr schema:
 * {@code <filter class="vn.lienthong.archive.analysis.ToneMarkPlacementFilterFactory"/>} (or {@code name="vietnameseToneMark"}).
 */
public final class ToneMarkPlacementFilterFactory extends TokenFilterFactory {

    /** The name the factory is known by in analysis chains. */
    public static final String NAME = "vietnameseToneMark";

    public ToneMarkPlacementFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** For the service loader only. */
    public ToneMarkPlacementFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new ToneMarkPlacementFilter(input);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return create(input);
    }
}
