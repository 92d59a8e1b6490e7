package vn.lienthong.mail.internal;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.archive.Reader;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;

/**
 * Who may read a mail in the archive: the official behind each local address (current or former), the unit behind
 * each unit address (current or former, and the unit it was merged into); and, per Message-ID, the union of everyone
 * ever recorded (table {@code mail_archive_reader}).
 */
class MailReaders {

    private static final int MAX_MERGE_HOPS = 32;

    /** A local address and what it belongs to: an official's username, a unit's code, or neither. */
    record Local(String address, String username, String unitCode) {
    }

    private final Directory directory;
    private final MailAddressBook addresses;
    private final JdbcClient jdbc;

    MailReaders(Directory directory, MailAddressBook addresses, JdbcClient jdbc) {
        this.directory = directory;
        this.addresses = addresses;
        this.jdbc = jdbc;
    }

    /** The official or unit behind an address, if it is one of ours. */
    Optional<Local> resolve(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String normalised = MailAddressBook.normalise(address);
        Optional<Official> official = directory.findOfficialByEmail(normalised);
        if (official.isPresent()) {
            return Optional.of(new Local(normalised, official.get().username(), null));
        }
        return addresses.find(normalised).flatMap(entry -> switch (entry.kind()) {
            case OFFICIAL -> directory.findOfficial(entry.ownerId())
                    .map(owner -> new Local(normalised, owner.username(), null));
            case UNIT -> directory.findUnit(entry.ownerId())
                    .map(unit -> new Local(normalised, null, unit.code()));
        });
    }

    /** The readers an address gives: {@code official:<username>}, or {@code unit:<code>} (and its merge target's). */
    Set<Reader> readersOf(Local local) {
        Set<Reader> readers = new LinkedHashSet<>();
        if (local.username() != null) {
            readers.add(Reader.official(local.username()));
        }
        if (local.unitCode() != null) {
            readers.add(Reader.unit(local.unitCode()));
            directory.findUnitByCode(local.unitCode()).ifPresent(unit -> effective(unit)
                    .ifPresent(target -> readers.add(Reader.unit(target.code()))));
        }
        return readers;
    }

    /** The unit code of an official (the sender's unit is one of the units a mail belongs to). */
    Optional<String> unitCodeOf(String username) {
        return directory.findOfficialByUsername(username).flatMap(official -> directory.findUnit(official.unitId()))
                .map(Unit::code);
    }

    /** A unit code as the directory spells it (readers keep codes in lower case). */
    String unitCode(String code) {
        return directory.findUnitByCode(code).or(() -> directory.findUnitByCode(code.toUpperCase(java.util.Locale.ROOT)))
                .map(Unit::code).orElse(code);
    }

    /** Records the readers of a Message-ID and returns everyone recorded for it. */
    Set<Reader> remember(String messageId, Set<Reader> readers) {
        for (Reader reader : readers) {
            jdbc.sql("insert into mail_archive_reader (message_id, reader) select :id, :reader where not exists "
                            + "(select 1 from mail_archive_reader where message_id = :id and reader = :reader)")
                    .param("id", messageId).param("reader", reader.toString()).update();
        }
        return recorded(messageId);
    }

    Set<Reader> recorded(String messageId) {
        return jdbc.sql("select reader from mail_archive_reader where message_id = :id order by reader")
                .param("id", messageId).query(String.class).list().stream().map(Reader::parse)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The unit mail to {@code unit} reaches when it was merged away; empty when it was not. */
    private Optional<Unit> effective(Unit unit) {
        Unit current = unit;
        for (int hop = 0; hop < MAX_MERGE_HOPS && current.mergedIntoId() != null; hop++) {
            Optional<Unit> next = directory.findUnit(current.mergedIntoId());
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
        }
        return current.id() == unit.id() ? Optional.empty() : Optional.of(current);
    }
}
