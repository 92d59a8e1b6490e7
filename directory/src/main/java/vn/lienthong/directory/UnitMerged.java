package vn.lienthong.directory;

/** A unit was merged into another; the source's officials and children now belong to the target, and its addresses should keep working as aliases. Published after the change is committed. */
public record UnitMerged(long sourceId, long targetId) {
}
