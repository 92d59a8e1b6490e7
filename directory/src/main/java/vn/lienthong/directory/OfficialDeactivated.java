package vn.lienthong.directory;

/** An official was deactivated: no login, no new mail; everything they had is kept. Published after the change is committed. */
public record OfficialDeactivated(long officialId) {
}
