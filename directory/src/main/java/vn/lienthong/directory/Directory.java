package vn.lienthong.directory;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the directory, for every module. Results are snapshots; listen to the directory's events to
 * follow changes. Names in queries may be typed without tone marks and in NFC or NFD: "nguyen van an" finds
 * "Nguyễn Văn An", "vinh loi" finds "Vĩnh Lợi".
 *
 * <p>Lists of officials are sorted the Vietnamese way: by given name, then the full name, with the ICU collator
 * for {@code vi}.
 */
public interface Directory {

    Optional<Unit> findUnit(long id);

    Optional<Unit> findUnitByCode(String code);

    /** Root units (normally the one province), active ones only. */
    List<Unit> roots();

    /** Active children of a unit, sorted by name. */
    List<Unit> children(long unitId);

    /** The unit and every active unit below it, in tree order (parents before children). */
    List<Unit> subtree(long unitId);

    /** All units, active and inactive, in tree order. */
    List<Unit> allUnits();

    /** The unit's ancestors from the root down to the unit itself. */
    List<Unit> pathTo(long unitId);

    /**
     * Units whose current or former name or code matches the query, tone marks ignored. A unit renamed or merged
     * is still found under its old name. Empty query: no results.
     */
    List<Unit> searchUnits(String query, int limit);

    /** The mail domain that applies to a unit: its own, or the nearest ancestor's; empty if none is set. */
    Optional<String> mailDomainOf(long unitId);

    Optional<Official> findOfficial(long id);

    Optional<Official> findOfficialByUsername(String username);

    Optional<Official> findOfficialByEmail(String email);

    /** Officials of exactly this unit (not its subtree); {@code includeInactive} adds deactivated ones. */
    List<Official> officialsOf(long unitId, boolean includeInactive);

    /** Active officials of the unit and every unit below it. */
    List<Official> officialsInSubtree(long unitId);

    /**
     * Active officials whose full name, username, e-mail or title matches every word of the query, tone marks
     * ignored ("nguyen van an" finds "Nguyễn Văn An"). Vietnamese order.
     */
    List<Official> searchOfficials(String query, int limit);

    /**
     * Whether the official with this username may administer the unit: a system administrator may administer
     * every unit, a unit administrator the subtree of their managed unit, anyone else none.
     */
    boolean canAdminister(String username, long unitId);
}
