package vn.lienthong.directory.internal;

/** {@link AbstractDirectoryManagementTests} on H2, the embedded default. */
@OnH2
class DirectoryManagementH2Tests extends AbstractDirectoryManagementTests {
}
