package vn.lienthong.directory.internal;

import java.util.Optional;

/**
 * The officials' password hashes (BCrypt) for the embedded identity provider. Internal to the directory module:
 * only its identity package reads it. Keycloak keeps its own credentials and never sees these.
 */
public interface PasswordStore {

    /** The BCrypt hash ({@code {bcrypt}$2a$...}, delegating-encoder form) of the official's password, if set. */
    Optional<String> passwordHash(long officialId);
}
