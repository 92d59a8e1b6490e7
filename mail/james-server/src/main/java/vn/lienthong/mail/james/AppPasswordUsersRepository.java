package vn.lienthong.mail.james;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Iterator;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.reactivestreams.Publisher;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import reactor.core.publisher.Mono;

/**
 * The JPA users repository, plus app passwords: a login (IMAP, SMTP AUTH) succeeds with the account's own password
 * or with one of its app passwords, for an account that exists. Removing an account forgets its app passwords, so a
 * deactivated official's Thunderbird cannot come back with the account.
 *
 * <p>A successful check of an account's own password is remembered for {@link #REMEMBER} (as a SHA-256 of the
 * password, one per account, forgotten as soon as the account is changed or removed): the stored hash is PBKDF2, and
 * the app logs in as the administrator for every webmail call and every message it submits, which made password
 * hashing a quarter of James's CPU time. Wrong passwords are never remembered, so guessing costs the full PBKDF2.
 */
public class AppPasswordUsersRepository implements UsersRepository {

    static final Duration REMEMBER = Duration.ofMinutes(10);

    private final UsersRepository delegate;
    private final AppPasswordStore appPasswords;
    private final Cache<Username, String> verified = CacheBuilder.newBuilder()
        .maximumSize(10_000)
        .expireAfterWrite(REMEMBER)
        .build();
    /** Accounts found to exist, for a minute: delivery asks for every recipient; removing an account forgets it. */
    private final Cache<Username, Boolean> existing = CacheBuilder.newBuilder()
        .maximumSize(100_000)
        .expireAfterWrite(Duration.ofMinutes(1))
        .build();

    public AppPasswordUsersRepository(UsersRepository delegate, AppPasswordStore appPasswords) {
        this.delegate = delegate;
        this.appPasswords = appPasswords;
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        if (password == null) {
            return false;
        }
        String hash = AppPasswordStore.hash(password);
        String remembered = verified.getIfPresent(name);
        if (remembered != null && MessageDigest.isEqual(remembered.getBytes(StandardCharsets.US_ASCII),
            hash.getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        if (delegate.test(name, password)) {
            verified.put(name, hash);
            return true;
        }
        return delegate.contains(name) && appPasswords.matches(name.asString(), password);
    }

    @Override
    public void removeUser(Username name) throws UsersRepositoryException {
        verified.invalidate(name);
        existing.invalidate(name);
        delegate.removeUser(name);
        existing.invalidate(name);
        appPasswords.removeAll(name.asString());
    }

    @Override
    public void addUser(Username username, String password) throws UsersRepositoryException {
        verified.invalidate(username);
        delegate.addUser(username, password);
    }

    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        return delegate.getUserByName(name);
    }

    @Override
    public void updateUser(User user) throws UsersRepositoryException {
        verified.invalidate(user.getUserName());
        delegate.updateUser(user);
    }

    @Override
    public boolean contains(Username name) throws UsersRepositoryException {
        if (existing.getIfPresent(name) != null) {
            return true;
        }
        boolean contained = delegate.contains(name);
        if (contained) {
            existing.put(name, Boolean.TRUE);
        }
        return contained;
    }

    @Override
    public Publisher<Boolean> containsReactive(Username name) {
        if (existing.getIfPresent(name) != null) {
            return Mono.just(true);
        }
        return Mono.from(delegate.containsReactive(name)).doOnNext(contained -> {
            if (contained) {
                existing.put(name, Boolean.TRUE);
            }
        });
    }

    @Override
    public int countUsers() throws UsersRepositoryException {
        return delegate.countUsers();
    }

    @Override
    public Iterator<Username> list() throws UsersRepositoryException {
        return delegate.list();
    }

    @Override
    public Publisher<Username> listReactive() {
        return delegate.listReactive();
    }

    @Override
    public boolean supportVirtualHosting() throws UsersRepositoryException {
        return delegate.supportVirtualHosting();
    }

    @Override
    public Username getUsername(MailAddress mailAddress) throws UsersRepositoryException {
        return delegate.getUsername(mailAddress);
    }

    @Override
    public MailAddress getMailAddressFor(Username username) throws UsersRepositoryException {
        return delegate.getMailAddressFor(username);
    }

    @Override
    public boolean isAdministrator(Username username) throws UsersRepositoryException {
        return delegate.isAdministrator(username);
    }

    @Override
    public boolean isReadOnly() {
        return delegate.isReadOnly();
    }

    @Override
    public void assertValid(Username username) throws UsersRepositoryException {
        delegate.assertValid(username);
    }
}
