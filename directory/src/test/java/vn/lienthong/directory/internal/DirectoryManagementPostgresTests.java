package vn.lienthong.directory.internal;

/** {@link AbstractDirectoryManagementTests} on PostgreSQL, the production database. */
@OnPostgres
class DirectoryManagementPostgresTests extends AbstractDirectoryManagementTests {
}
