package vn.lienthong.directory.internal;

/** {@link AbstractClusterTests} on H2 in PostgreSQL mode, the embedded default. */
@OnH2
class ClusterH2Tests extends AbstractClusterTests {
}
