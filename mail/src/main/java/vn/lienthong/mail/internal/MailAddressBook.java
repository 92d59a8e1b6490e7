package vn.lienthong.mail.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remembers every address the provisioning gave a unit or an official, so that former addresses keep working after
 * renames, moves and merges (the directory's events do not carry a unit's old address).
 */
class MailAddressBook {

    enum Owner { UNIT, OFFICIAL }

    record Entry(String address, Owner kind, long ownerId) {
    }

    private final JdbcClient jdbc;

    MailAddressBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the address for the owner; an address already recorded keeps its first owner. */
    void remember(Owner kind, long ownerId, String address) {
        String normalised = normalise(address);
        if (find(normalised).isPresent()) {
            return;
        }
        try {
            jdbc.sql("insert into mail_address (address, owner_kind, owner_id) values (:address, :kind, :owner)")
                    .param("address", normalised).param("kind", kind.name()).param("owner", ownerId).update();
        } catch (DuplicateKeyException raced) {
            // Recorded meanwhile: the first owner stays.
        }
    }

    List<String> addressesOf(Owner kind, long ownerId) {
        return jdbc.sql("select address from mail_address where owner_kind = :kind and owner_id = :owner "
                        + "order by created_at, address")
                .param("kind", kind.name()).param("owner", ownerId).query(String.class).list();
    }

    Optional<Entry> find(String address) {
        return jdbc.sql("select address, owner_kind, owner_id from mail_address where address = :address")
                .param("address", normalise(address))
                .query((row, n) -> new Entry(row.getString(1), Owner.valueOf(row.getString(2)), row.getLong(3)))
                .optional();
    }

    static String normalise(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
