package vn.lienthong.directory;

/**
 * A unit was deactivated.
 * Published inside the change's transaction: listen with {@code @ApplicationModuleListener} to act after commit.
 */
public record UnitDeactivated(long unitId) implements UnitChange {
}
