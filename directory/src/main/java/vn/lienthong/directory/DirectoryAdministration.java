package vn.lienthong.directory;

import java.io.InputStream;

/**
 * Changes to the directory. Every method takes the acting administrator's username and checks their scope
 * ({@link Directory#canAdminister}): a unit administrator changes only their own subtree, and only a system
 * administrator creates roots or grants {@link Role#SYSTEM_ADMIN}. A refusal is a
 * {@link org.springframework.security.access.AccessDeniedException}; invalid input is a
 * {@link DirectoryValidationException} naming the field. Names are normalised to NFC before they are stored.
 *
 * <p>Each successful change publishes one event ({@link UnitCreated}, {@link OfficialMoved}, ...) inside its
 * transaction; listeners that act on it use {@code @ApplicationModuleListener} (after commit, asynchronous).
 */
public interface DirectoryAdministration {

    Unit createUnit(String actor, UnitDraft draft);

    /** Changes code, name, level and mail settings; a new name keeps the old one in {@link Unit#formerNames()}. */
    Unit updateUnit(String actor, long unitId, UnitDraft draft);

    /** Moves a unit under a new parent; refuses a move into its own subtree (a cycle). */
    Unit moveUnit(String actor, long unitId, long newParentId);

    /** Deactivates a unit; refuses while it has active officials or active children. */
    Unit deactivateUnit(String actor, long unitId);

    /**
     * Merges {@code sourceId} into {@code targetId} (Vietnam merges communes and districts): the source's
     * officials and active children move to the target, the source becomes inactive with
     * {@link Unit#mergedIntoId()} set, and its name is kept among the target's former names so it stays findable.
     * Mail addresses follow through {@link UnitMerged}.
     */
    Unit mergeUnit(String actor, long sourceId, long targetId);

    Official createOfficial(String actor, OfficialDraft draft);

    Official updateOfficial(String actor, long officialId, OfficialDraft draft);

    Official moveOfficial(String actor, long officialId, long newUnitId);

    Official deactivateOfficial(String actor, long officialId);

    Official reactivateOfficial(String actor, long officialId);

    /** Sets the password used by the embedded identity provider (ignored by Keycloak, which keeps its own). */
    void setPassword(String actor, long officialId, String rawPassword);

    /**
     * Imports units and officials from CSV (UTF-8, with or without BOM). The whole file is validated first;
     * if any line is bad nothing is imported and the report lists every bad line by number.
     */
    ImportReport importCsv(String actor, ImportKind kind, InputStream csv);
}
