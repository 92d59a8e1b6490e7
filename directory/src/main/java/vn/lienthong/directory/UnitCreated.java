package vn.lienthong.directory;

/**
 * A unit was created.
 * Published inside the change's transaction: listen with {@code @ApplicationModuleListener} to act after commit.
 */
public record UnitCreated(long unitId) implements UnitChange {
}
