package vn.lienthong.directory;

/**
 * A unit was merged into another; the source's officials and children now belong to the target, and its addresses should keep working as aliases.
 * Published inside the change's transaction: listen with {@code @ApplicationModuleListener} to act after commit.
 */
public record UnitMerged(long sourceId, long targetId) implements DirectoryChange {
}
