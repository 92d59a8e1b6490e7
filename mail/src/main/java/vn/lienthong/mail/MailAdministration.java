package vn.lienthong.mail;

import java.util.List;

/**
 * Administration of the mail server: the same calls for the embedded and an external James (over WebAdmin REST).
 * Addresses are full mail addresses ({@code an.nguyen@baclieu.gov.vn}); a domain must exist before its accounts,
 * aliases or groups.
 *
 * <p>Accounts get a random password that nobody ever sees: the webmail opens a mailbox through James's
 * administrator impersonation, and officials who want a desktop client set an app password.
 */
public interface MailAdministration {

    void addDomain(String domain);

    boolean domainExists(String domain);

    List<String> domains();

    void removeDomain(String domain);

    /** Creates the account with a random, never shown password; does nothing if it exists already. */
    void createAccount(String address);

    boolean accountExists(String address);

    List<String> accounts();

    /**
     * Removes the account only: its mailboxes and messages stay in James (keyed by the address) and come back when
     * an account of the same address is created again. Mail to a deleted account is refused at RCPT time.
     */
    void deleteAccount(String address);

    /**
     * Renames an account, its mailboxes and messages included, to {@code to} (which must not exist yet; it is
     * created). Waits for James's rename task to finish. The old account is removed afterwards and the old
     * address becomes an alias of the new one.
     */
    void renameAccount(String from, String to);

    /** Sets the password a desktop client (Thunderbird) uses; the webmail never needs it. */
    void setPassword(String address, String password);

    void setQuota(String address, MailQuota quota);

    /** The account's own limits (not the domain's or the global ones). */
    MailQuota quota(String address);

    /** Mail to {@code alias} reaches {@code address}, and the account may send as the alias. */
    void addAlias(String address, String alias);

    void removeAlias(String address, String alias);

    List<String> aliases(String address);

    /** Mail to {@code group} (e.g. a unit address) reaches every member. */
    void addGroupMember(String group, String member);

    void removeGroupMember(String group, String member);

    List<String> groupMembers(String group);

    List<String> groups();

    void createMailbox(String address, String mailbox);

    List<String> mailboxes(String address);

    long messageCount(String address, String mailbox);

    long unseenMessageCount(String address, String mailbox);
}
