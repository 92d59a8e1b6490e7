package vn.lienthong.directory;

/** An official was created, changed, moved or deactivated; re-read them with {@link Directory#findOfficial(long)}. */
public sealed interface OfficialChange extends DirectoryChange
        permits OfficialCreated, OfficialChanged, OfficialMoved, OfficialDeactivated {

    long officialId();
}
