package vn.lienthong.directory;

/**
 * What an administrator enters for a unit.
 *
 * @param parentId only read by {@link DirectoryAdministration#createUnit}; use moveUnit to change it
 */
public record UnitDraft(String code, String name, UnitLevel level, Long parentId, String mailDomain,
                        String mailLocalPart) {
}
