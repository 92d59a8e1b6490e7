package vn.lienthong.directory.internal;

/** {@link AbstractCsvImportTests} on PostgreSQL, the production database. */
@OnPostgres
class CsvImportPostgresTests extends AbstractCsvImportTests {
}
