package vn.lienthong.directory;

/**
 * An official was deactivated: no login, no new mail; everything they had is kept.
 * Published inside the change's transaction: listen with {@code @ApplicationModuleListener} to act after commit.
 */
public record OfficialDeactivated(long officialId) implements OfficialChange {
}
