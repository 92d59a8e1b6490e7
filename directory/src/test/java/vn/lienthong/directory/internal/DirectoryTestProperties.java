package vn.lienthong.directory.internal;

/** Settings shared by the database test contexts: small import limits keep the limit tests fast. */
final class DirectoryTestProperties {

    static final String MAX_SIZE = "lienthong.directory.import.max-size=64KB";
    static final String MAX_ROWS = "lienthong.directory.import.max-rows=50";

    private DirectoryTestProperties() {
    }
}
