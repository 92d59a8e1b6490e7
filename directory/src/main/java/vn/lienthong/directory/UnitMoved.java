package vn.lienthong.directory;

/** A unit moved under another parent (its subtree moved with it). Published after the change is committed. */
public record UnitMoved(long unitId, Long oldParentId, long newParentId) {
}
