package vn.lienthong.directory;

/** An official moved to another unit. Published after the change is committed. */
public record OfficialMoved(long officialId, long oldUnitId, long newUnitId) {
}
