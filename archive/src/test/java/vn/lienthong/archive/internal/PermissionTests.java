package vn.lienthong.archive.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link PermissionContract} on the embedded Lucene index. */
class PermissionTests extends PermissionContract {

    @TempDir
    Path dir;

    @Override
    Engine engine() {
        return lucene(dir);
    }
}
