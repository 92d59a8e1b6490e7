package vn.lienthong.directory;

/**
 * An official's name, title, mail, phone or roles changed (or they were reactivated).
 * Published inside the change's transaction: listen with {@code @ApplicationModuleListener} to act after commit.
 */
public record OfficialChanged(long officialId, String oldEmail, String newEmail) implements OfficialChange {
}
