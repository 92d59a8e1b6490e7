package vn.lienthong.mail.james;

import java.time.Duration;
import java.util.List;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * The JPA domain list, remembering for a minute the domains it found: SMTP, the mailet pipeline and the identity hook
 * ask "is this domain local?" several times per message, each a database query. Only answers "yes" are remembered
 * (James's own cache keeps "no" as well, which would refuse accounts in a domain created a moment before); removing a
 * domain here forgets it at once.
 */
class KnownDomains implements DomainList {

    static final Duration REMEMBER = Duration.ofMinutes(1);

    private final DomainList delegate;
    private final Cache<Domain, Boolean> known = CacheBuilder.newBuilder()
        .maximumSize(10_000)
        .expireAfterWrite(REMEMBER)
        .build();

    KnownDomains(DomainList delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean containsDomain(Domain domain) throws DomainListException {
        if (known.getIfPresent(domain) != null) {
            return true;
        }
        boolean contained = delegate.containsDomain(domain);
        if (contained) {
            known.put(domain, Boolean.TRUE);
        }
        return contained;
    }

    @Override
    public List<Domain> getDomains() throws DomainListException {
        return delegate.getDomains();
    }

    @Override
    public void addDomain(Domain domain) throws DomainListException {
        delegate.addDomain(domain);
    }

    @Override
    public void removeDomain(Domain domain) throws DomainListException {
        known.invalidate(domain);
        delegate.removeDomain(domain);
        known.invalidate(domain);
    }

    @Override
    public Domain getDefaultDomain() throws DomainListException {
        return delegate.getDefaultDomain();
    }
}
