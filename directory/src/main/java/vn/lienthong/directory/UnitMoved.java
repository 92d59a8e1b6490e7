package vn.lienthong.directory;

/**
 * A unit moved under another parent (its subtree moved with it).
 * Published inside the change's transaction: listen with {@code @ApplicationModuleListener} to act after commit.
 */
public record UnitMoved(long unitId, Long oldParentId, long newParentId) implements UnitChange {
}
