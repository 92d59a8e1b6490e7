package vn.lienthong.mail;

import java.util.List;

/**
 * App passwords: what an official types into Thunderbird instead of a password (the suite never stores officials'
 * passwords; the webmail needs none). Each has a label, is shown once at creation, is listed with its creation and
 * last use, and can be revoked on its own. Only a hash is kept, by James, which accepts them for IMAP and SMTP AUTH
 * with the official's full address as user name; plain-text logins are refused except over TLS or on the server
 * itself.
 *
 * <p>Every call names the signed-in official by username; an official sees and revokes only their own.
 *
 * @throws MailboxException (every method) with a Vietnamese message when the official has no mailbox, the label is
 *                          invalid, the limit is reached or James cannot be reached
 */
public interface AppPasswords {

    /** The most app passwords one official may have at a time. */
    int MAX_PER_OFFICIAL = 20;

    /** Creates an app password named {@code label} (1-100 characters); its clear text is in the result only. */
    NewAppPassword create(String username, String label);

    /** The official's app passwords, newest first. */
    List<AppPassword> list(String username);

    /** Revokes one; James refuses it from the next login on. Unknown ids (or another official's) do nothing. */
    void revoke(String username, String id);

    /** Server names, ports and security an official needs to set up a mail client. */
    MailClientSettings clientSettings(String username);
}
