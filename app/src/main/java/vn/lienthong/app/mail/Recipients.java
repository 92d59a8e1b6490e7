package vn.lienthong.app.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;

/**
 * Recipient completion from the directory: active officials and the units that have a mail address, matched
 * without tone marks ("binh" finds "Trần Thị Bình", "van phong vinh loi" the office of Huyện Vĩnh Lợi). Only what
 * the directory page shows every official anyway: names, titles, units and official addresses.
 */
@Component
@WhenMailEnabled
class Recipients {

    static final int LIMIT = 10;
    private static final int MIN_QUERY = 2;

    private final Directory directory;

    Recipients(Directory directory) {
        this.directory = directory;
    }

    List<Recipient> search(String query) {
        String text = query == null ? "" : query.strip();
        if (text.length() < MIN_QUERY) {
            return List.of();
        }
        List<Recipient> found = new ArrayList<>();
        Map<Long, String> unitNames = new HashMap<>();
        for (Official official : directory.searchOfficials(text, LIMIT)) {
            if (!official.active() || official.email() == null || official.email().isBlank()) {
                continue;
            }
            String unit = unitNames.computeIfAbsent(official.unitId(),
                    id -> directory.findUnit(id).map(Unit::name).orElse(""));
            String detail = official.title() == null || official.title().isBlank() ? unit
                    : unit.isEmpty() ? official.title() : official.title() + " · " + unit;
            found.add(Recipient.of(Recipient.Kind.OFFICIAL, official.fullName(), official.email(), detail));
        }
        for (Unit unit : directory.searchUnits(text, LIMIT)) {
            address(unit).ifPresent(address -> found.add(Recipient.of(Recipient.Kind.UNIT, unit.name(), address,
                    unit.code())));
        }
        return found.size() > LIMIT ? found.subList(0, LIMIT) : found;
    }

    /** A unit's group address ({@code vanphong@vinhloi.baclieu.gov.vn}), if it has one. */
    private Optional<String> address(Unit unit) {
        if (!unit.active() || unit.mailLocalPart() == null || unit.mailLocalPart().isBlank()) {
            return Optional.empty();
        }
        return directory.mailDomainOf(unit.id()).map(domain -> unit.mailLocalPart() + "@" + domain);
    }

    /**
     * One suggestion.
     *
     * @param kind    an official or a unit (a group address reaching the unit's officials)
     * @param name    full name or unit name
     * @param address the mail address
     * @param detail  title and unit of an official, code of a unit
     * @param value   what goes into the recipients field: {@code "Trần Thị Bình <binh.tran@...>"}
     */
    record Recipient(Kind kind, String name, String address, String detail, String value) {

        enum Kind { OFFICIAL, UNIT }

        static Recipient of(Kind kind, String name, String address, String detail) {
            // Quotes keep a name with a comma or a semicolon in one piece (see AddressList).
            String display = name.matches(".*[,;\"<>()@].*") ? "\"" + name.replace("\"", "") + "\"" : name;
            return new Recipient(kind, name, address, detail, display + " <" + address + ">");
        }
    }
}
