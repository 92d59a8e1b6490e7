package vn.lienthong.directory.identity;

/** Demo officials of the real directory, seeded with one test password; one is deactivated by the tests. */
final class TestUsers {

    static final String PASSWORD = "Mat-khau-kiem-thu-2025";
    /** System administrator. */
    static final String ADMIN = "quantri";
    /** An official with no other role. */
    static final String OFFICIAL = "an.nguyen";
    /** An official the tests deactivate before logging in. */
    static final String INACTIVE = "khanh.to";

    private TestUsers() {
    }
}
