package vn.lienthong.directory;

/** A unit's code, name, level or mail settings changed; the names differ on a rename. Published after the change is committed. */
public record UnitChanged(long unitId, String oldName, String newName) {
}
