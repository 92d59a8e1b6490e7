package vn.lienthong.directory.internal;

/** {@link AbstractClusterTests} on PostgreSQL, the database of several app instances. */
@OnPostgres
class ClusterPostgresTests extends AbstractClusterTests {
}
