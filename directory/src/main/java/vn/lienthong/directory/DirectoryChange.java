package vn.lienthong.directory;

/**
 * Any change to the directory. Modules that keep something in step with the directory (mail accounts, chat
 * channels, Keycloak, the archive) usually react the same way to most changes: re-read the unit or official and
 * apply its current state. They listen to {@link UnitChange}, {@link OfficialChange} and {@link UnitMerged}
 * instead of each event one by one.
 */
public sealed interface DirectoryChange permits UnitChange, OfficialChange, UnitMerged {
}
