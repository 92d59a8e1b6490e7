package vn.lienthong.mail.james;

import com.google.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.protocols.smtp.core.AbstractSenderAuthIdentifyVerificationHook;
import org.apache.james.rrt.api.CanSendFrom;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

/**
 * The submission rule "the envelope sender is the authenticated user, or an address that user may send as (alias,
 * group)", with one addition: James's administrator (the app's account) may submit for any local address. James 3.8.1's
 * SMTP {@code AUTH PLAIN} drops the authorisation identity, so the app cannot act for an official the way it does over
 * IMAP; it authenticates as the administrator after checking the sender itself (the official signed in). Replaces
 * {@code verifyIdentity} (turned off in smtpserver.xml), whose hook has no such exception.
 */
public class SubmissionIdentityHook extends AbstractSenderAuthIdentifyVerificationHook {

    private final DomainList domains;
    private final UsersRepository users;
    private final CanSendFrom canSendFrom;

    @Inject
    public SubmissionIdentityHook(DomainList domains, UsersRepository users, CanSendFrom canSendFrom) {
        this.domains = domains;
        this.users = users;
        this.canSendFrom = canSendFrom;
    }

    @Override
    protected boolean isLocalDomain(Domain domain) {
        try {
            return domains.containsDomain(domain);
        } catch (DomainListException e) {
            throw new IllegalStateException("Unable to read the domain list", e);
        }
    }

    @Override
    protected Username getUser(MailAddress address) {
        try {
            return users.getUsername(address);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("Unable to read the users repository", e);
        }
    }

    @Override
    protected boolean isSenderAllowed(Username connectedUser, Username sender) {
        try {
            return users.isAdministrator(connectedUser) || canSendFrom.userCanSendFrom(connectedUser, sender);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("Unable to read the users repository", e);
        }
    }
}
