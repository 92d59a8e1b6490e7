package vn.lienthong.directory;

/**
 * An official moved to another unit.
 * Published inside the change's transaction: listen with {@code @ApplicationModuleListener} to act after commit.
 */
public record OfficialMoved(long officialId, long oldUnitId, long newUnitId) implements OfficialChange {
}
