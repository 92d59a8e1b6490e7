package vn.lienthong.archive.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link RelevanceContract} on the embedded Lucene index. */
class RelevanceTests extends RelevanceContract {

    @TempDir
    Path dir;

    @Override
    Engine engine() {
        return lucene(dir);
    }
}
