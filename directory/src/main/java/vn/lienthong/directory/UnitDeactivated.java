package vn.lienthong.directory;

/** A unit was deactivated. Published after the change is committed. */
public record UnitDeactivated(long unitId) {
}
