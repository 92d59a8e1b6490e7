package vn.lienthong.directory.internal;

/** {@link AbstractCsvImportTests} on H2, the embedded default. */
@OnH2
class CsvImportH2Tests extends AbstractCsvImportTests {
}
