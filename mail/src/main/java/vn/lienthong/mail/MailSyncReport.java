package vn.lienthong.mail;

import java.time.Duration;
import java.util.List;

/**
 * What a full mail re-sync changed in James.
 *
 * @param domainsAdded        mail domains created
 * @param accountsCreated     accounts created for active officials (renamed ones included)
 * @param accountsRemoved     accounts of deactivated officials removed (their mail is kept)
 * @param aliasesAdded        former addresses of officials made aliases
 * @param groupMembersAdded   unit-address memberships added
 * @param groupMembersRemoved unit-address memberships removed
 * @param failures            what could not be done, one line each
 * @param took                how long it took
 */
public record MailSyncReport(int domainsAdded, int accountsCreated, int accountsRemoved, int aliasesAdded,
                             int groupMembersAdded, int groupMembersRemoved, List<String> failures, Duration took) {

    public MailSyncReport {
        failures = List.copyOf(failures);
    }

    public boolean changedAnything() {
        return domainsAdded + accountsCreated + accountsRemoved + aliasesAdded + groupMembersAdded
                + groupMembersRemoved > 0;
    }
}
