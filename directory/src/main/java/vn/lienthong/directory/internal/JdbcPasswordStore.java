package vn.lienthong.directory.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password hashes from the directory's tables. A deactivated official keeps their hash (so a reactivated one can
 * log in again); refusing inactive officials is the identity provider's job, which reads {@code Official#active}.
 */
@Component
@Transactional(readOnly = true)
class JdbcPasswordStore implements PasswordStore {

    private final OfficialRepository officials;

    JdbcPasswordStore(OfficialRepository officials) {
        this.officials = officials;
    }

    @Override
    public Optional<String> passwordHash(long officialId) {
        return officials.passwordHash(officialId);
    }
}
