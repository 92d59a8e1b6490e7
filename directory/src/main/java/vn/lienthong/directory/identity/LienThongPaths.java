package vn.lienthong.directory.identity;

import java.nio.file.Path;

/**
 * The two suite-wide settings the identity package needs: {@code lienthong.base-url} (the public address as
 * browsers see it, without a trailing slash) and {@code lienthong.data-dir}.
 */
record LienThongPaths(String baseUrl, Path dataDir) {
}
