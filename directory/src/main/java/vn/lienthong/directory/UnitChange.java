package vn.lienthong.directory;

/** A unit was created, changed, moved or deactivated; re-read it with {@link Directory#findUnit(long)}. */
public sealed interface UnitChange extends DirectoryChange
        permits UnitCreated, UnitChanged, UnitMoved, UnitDeactivated {

    long unitId();
}
