package vn.lienthong.app.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Reader;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;

/**
 * The directory as a source of the archive ({@value #SOURCE}): each active unit and each active official is one
 * item readable by everyone signed in, linking to the unit page or the official's card. A unit's item carries its
 * former names, so a renamed or merged-away unit is still found under its old name; deactivated units and
 * officials are taken out. Items are written in Vietnamese whatever the page language, like the directory itself.
 */
@Component
class DirectoryItems {

    static final String SOURCE = "directory";

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Directory directory;
    private final MessageSource messages;

    DirectoryItems(Directory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    static String unitId(long id) {
        return "unit-" + id;
    }

    static String officialId(long id) {
        return "official-" + id;
    }

    /** Puts every active unit and official; for rebuilds. */
    long putAll(Archive archive) {
        long count = 0;
        for (Unit unit : directory.allUnits()) {
            if (!unit.active()) {
                continue;
            }
            count += putWithOfficials(archive, unit, true);
        }
        return count;
    }

    /** Puts the unit as it is now, or removes it if it no longer exists or is inactive. */
    void syncUnit(Archive archive, long unitId) {
        Optional<Unit> unit = directory.findUnit(unitId).filter(Unit::active);
        if (unit.isPresent()) {
            archive.put(unitItem(unit.get(), ancestors(unit.get())));
        }
        else {
            archive.delete(SOURCE, unitId(unitId));
        }
    }

    /**
     * Re-puts the unit, every unit below it and their officials: their items name the unit and its path, which a
     * rename or a move changes.
     */
    void syncSubtree(Archive archive, long unitId) {
        syncUnit(archive, unitId);
        Optional<Unit> root = directory.findUnit(unitId).filter(Unit::active);
        if (root.isEmpty()) {
            return;
        }
        for (Unit unit : directory.subtree(unitId)) {
            putWithOfficials(archive, unit, unit.id() != unitId);
        }
    }

    private long putWithOfficials(Archive archive, Unit unit, boolean withUnit) {
        String ancestors = ancestors(unit);
        long count = 0;
        if (withUnit) {
            archive.put(unitItem(unit, ancestors));
            count++;
        }
        for (Official official : directory.officialsOf(unit.id(), false)) {
            archive.put(officialItem(official, unit, ancestors));
            count++;
        }
        return count;
    }

    /** Puts the official as they are now, or removes them if they no longer exist or are inactive. */
    void syncOfficial(Archive archive, long officialId) {
        Optional<Official> official = directory.findOfficial(officialId).filter(Official::active);
        if (official.isPresent()) {
            Unit unit = directory.findUnit(official.get().unitId()).orElse(null);
            archive.put(officialItem(official.get(), unit, unit == null ? "" : ancestors(unit)));
        }
        else {
            archive.delete(SOURCE, officialId(officialId));
        }
    }

    private ArchiveItem unitItem(Unit unit, String ancestors) {
        List<String> lines = new ArrayList<>();
        lines.add(join(level(unit), unit.code(), ancestors));
        if (!unit.formerNames().isEmpty()) {
            lines.add("Tên cũ: " + String.join("; ", unit.formerNames()));
        }
        directory.mailDomainOf(unit.id()).ifPresent(domain -> {
            if (unit.mailLocalPart() != null && !unit.mailLocalPart().isBlank()) {
                lines.add("Hộp thư chung: " + unit.mailLocalPart() + "@" + domain);
            }
        });
        return ArchiveItem.builder(SOURCE, unitId(unit.id()))
                .title(unit.name())
                .body(String.join("\n", lines))
                .units(unit.code())
                .time(Instant.now())
                .url("/directory/units/" + unit.id())
                .readers(Reader.everyone())
                .build();
    }

    private ArchiveItem officialItem(Official official, Unit unit, String ancestors) {
        ArchiveItem.Builder item = ArchiveItem.builder(SOURCE, officialId(official.id()))
                .title(official.fullName())
                .body(join(official.title(), unit == null ? "" : unit.name(),
                        ancestors, official.username(), official.email(),
                        official.phone()))
                .time(Instant.now())
                .url("/directory/officials/" + official.id())
                .readers(Reader.everyone());
        if (unit != null) {
            item.units(unit.code());
        }
        return item.build();
    }

    private String level(Unit unit) {
        return messages.getMessage("unit.level." + unit.level(), null, unit.level().name(), VIETNAMESE);
    }

    /** The unit's ancestors from the root, without the unit itself, e.g. "Tỉnh Bạc Liêu › Huyện Vĩnh Lợi". */
    private String ancestors(Unit unit) {
        return directory.pathTo(unit.id()).stream()
                .filter(step -> step.id() != unit.id())
                .map(Unit::name)
                .collect(Collectors.joining(" › "));
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part.strip());
            }
        }
        return String.join(" · ", present);
    }
}
