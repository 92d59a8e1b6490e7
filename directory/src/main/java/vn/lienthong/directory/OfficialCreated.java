package vn.lienthong.directory;

/**
 * An official was created.
 * Published inside the change's transaction: listen with {@code @ApplicationModuleListener} to act after commit.
 */
public record OfficialCreated(long officialId) implements OfficialChange {
}
