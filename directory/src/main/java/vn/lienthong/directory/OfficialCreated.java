package vn.lienthong.directory;

/** An official was created. Published after the change is committed. */
public record OfficialCreated(long officialId) {
}
