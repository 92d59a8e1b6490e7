package vn.lienthong.directory;

import java.util.List;

/**
 * A unit (đơn vị) of the administrative tree: a province, district, commune, or an office inside one.
 *
 * @param id          database id, stable for the unit's whole life (also across renames)
 * @param code        unique code, e.g. {@code BL}, {@code BL-VL}, {@code BL-VL-CT}; upper case, letters, digits, '-'
 * @param name        current name in NFC, e.g. "Huyện Vĩnh Lợi"
 * @param level       administrative level
 * @param parentId    parent unit, {@code null} for a root (the province)
 * @param path        ids from the root down to this unit, this one included
 * @param mailDomain  the mail domain of this unit's subtree if it has its own (e.g. {@code vinhloi.baclieu.gov.vn}),
 *                    or {@code null} to inherit the parent's
 * @param mailLocalPart local part of the unit's own address (e.g. {@code vanphong}), or {@code null} if the unit
 *                    has no group address
 * @param active      {@code false} once deactivated or merged into another unit
 * @param mergedIntoId the unit this one was merged into, or {@code null}
 * @param formerNames names the unit had before renames and merges, oldest first; still searchable
 */
public record Unit(long id, String code, String name, UnitLevel level, Long parentId, List<Long> path,
                   String mailDomain, String mailLocalPart, boolean active, Long mergedIntoId,
                   List<String> formerNames) {

    public Unit {
        path = List.copyOf(path);
        formerNames = List.copyOf(formerNames);
    }

    /** Whether {@code other} is this unit or lies below it. */
    public boolean contains(Unit other) {
        return other.path().contains(id);
    }

    /** Depth in the tree, 0 for a root. */
    public int depth() {
        return path.size() - 1;
    }
}
