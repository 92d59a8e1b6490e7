package vn.lienthong.app.meetings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import vn.lienthong.app.directory.AdminScope;
import vn.lienthong.app.shell.NotFoundException;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitLevel;

/**
 * What the meeting form offers: the host units the scheduler may choose (the meetings module has the last word),
 * and the directory tree as endpoint choices, each unit one by one and, for a province or district, its whole
 * subtree by level in one click ("Huyện Vĩnh Lợi và mọi xã"), sent as {@code selections=<unitId>:COMMUNE}.
 */
@Component
class EndpointPicker {

    /** A host the scheduler may choose, indented by its depth in the tree. */
    record HostChoice(Unit unit, int depth) {

        public String label() {
            return "\u00a0\u00a0".repeat(depth) + unit.name();
        }
    }

    /** One subtree choice of a unit: the value sent and the words shown. */
    record Subtree(String value, String label) {
    }

    /** A unit of the endpoint tree. */
    record Row(Unit unit, int depth, List<Subtree> subtrees) {
    }

    private final Directory directory;
    private final AdminScope scope;

    EndpointPicker(Directory directory, AdminScope scope) {
        this.directory = directory;
        this.scope = scope;
    }

    Official official(Authentication authentication) {
        return directory.findOfficialByUsername(authentication.getName())
                .orElseThrow(() -> new NotFoundException("official " + authentication.getName()));
    }

    /**
     * System administrators: every unit; unit administrators: the units they manage; everyone: their own unit and,
     * for the staff of an office, the unit above it.
     */
    List<HostChoice> hosts(Authentication authentication) {
        Map<Long, Unit> units = new LinkedHashMap<>();
        directory.findOfficialByUsername(authentication.getName()).ifPresent(official -> {
            Unit unit = directory.findUnit(official.unitId()).orElse(null);
            while (unit != null && unit.level() == UnitLevel.DEPARTMENT && unit.parentId() != null) {
                units.putIfAbsent(unit.id(), unit);
                unit = directory.findUnit(unit.parentId()).orElse(null);
            }
            if (unit != null) {
                // The unit above the office first: a district's staff usually schedule for the district.
                Map<Long, Unit> ordered = new LinkedHashMap<>();
                ordered.put(unit.id(), unit);
                ordered.putAll(units);
                units.clear();
                units.putAll(ordered);
            }
        });
        scope.activeUnits(authentication).forEach(unit -> units.putIfAbsent(unit.id(), unit));
        List<HostChoice> choices = new ArrayList<>();
        units.values().stream().filter(Unit::active)
                .forEach(unit -> choices.add(new HostChoice(unit, unit.path().size() - 1)));
        return choices;
    }

    /** Every active unit in tree order with its subtree choices. */
    List<Row> tree() {
        List<Row> rows = new ArrayList<>();
        for (Unit root : directory.roots()) {
            for (Unit unit : directory.subtree(root.id())) {
                if (!unit.active()) {
                    continue;
                }
                List<Subtree> subtrees = switch (unit.level()) {
                    case PROVINCE -> List.of(
                            new Subtree(unit.id() + ":DISTRICT,COMMUNE", "và mọi huyện, xã"),
                            new Subtree(unit.id() + ":DISTRICT", "và mọi huyện"));
                    case DISTRICT -> List.of(new Subtree(unit.id() + ":COMMUNE", "và mọi xã, phường, thị trấn"));
                    default -> List.of();
                };
                rows.add(new Row(unit, unit.path().size() - 1, subtrees));
            }
        }
        return rows;
    }
}
