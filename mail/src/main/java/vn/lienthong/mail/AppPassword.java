package vn.lienthong.mail;

import java.time.Instant;

/**
 * An app password as listed in settings: never the password itself, which is shown once, at creation.
 *
 * @param id        identifies it for {@link AppPasswords#revoke}
 * @param label     the name the official gave it ("Thunderbird máy văn phòng")
 * @param createdAt when it was created
 * @param lastUsed  when James last accepted it (IMAP or SMTP login), or {@code null} if never; recorded at most about
 *                  once a minute
 */
public record AppPassword(String id, String label, Instant createdAt, Instant lastUsed) {
}
