package vn.lienthong.directory;

/** A unit was created. Published after the change is committed. */
public record UnitCreated(long unitId) {
}
