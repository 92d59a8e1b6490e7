package vn.lienthong.directory.identity;

/**
 * The app's own OIDC client at the identity provider: the configured id and secret, or for the embedded provider
 * without a configured secret, one generated once and kept in the data folder.
 */
record AppClient(String id, String secret) {

    @Override
    public String toString() {
        return "AppClient[id=" + id + ", secret=***]";
    }
}
