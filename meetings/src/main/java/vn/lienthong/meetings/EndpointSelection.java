package vn.lienthong.meetings;

import java.util.Set;

/**
 * Endpoints picked in one step from the directory tree: the unit itself and every active unit of its subtree whose
 * level is among {@code levels}. "Huyện Vĩnh Lợi and all its communes" is
 * {@code new EndpointSelection(vinhLoiId, Set.of(UnitLevel.COMMUNE))}; the province with every district and commune
 * is {@code new EndpointSelection(provinceId, Set.of(UnitLevel.DISTRICT, UnitLevel.COMMUNE))}.
 *
 * @param unitId the root of the selection, always included
 * @param levels the levels taken from below it; empty: the unit alone
 */
public record EndpointSelection(long unitId, Set<vn.lienthong.directory.UnitLevel> levels) {

    public EndpointSelection {
        levels = levels == null ? Set.of() : Set.copyOf(levels);
    }
}
