package vn.lienthong.mail;

/**
 * A just created app password: {@code password} is the only time the clear text exists outside the official's
 * mail client; only its hash is stored.
 *
 * @param appPassword the listed entry
 * @param username    what to type as user name in the mail client: the official's full mail address
 * @param password    the password to type, shown once
 */
public record NewAppPassword(AppPassword appPassword, String username, String password) {

    @Override
    public String toString() {
        return "NewAppPassword[" + appPassword + ", username=" + username + "]";
    }
}
