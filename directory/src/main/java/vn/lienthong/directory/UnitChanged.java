package vn.lienthong.directory;

/**
 * A unit's code, name, level or mail settings changed; the names differ on a rename.
 * Published inside the change's transaction: listen with {@code @ApplicationModuleListener} to act after commit.
 */
public record UnitChanged(long unitId, String oldName, String newName) implements UnitChange {
}
