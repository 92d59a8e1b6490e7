package vn.lienthong.directory.internal;

import vn.lienthong.directory.internal.UnitRepository.UnitRow;

/**
 * Who makes a change, and over what: a system administrator over everything, a unit administrator over the
 * subtree whose root has the path {@code managedPath}.
 */
record Actor(String username, boolean systemAdmin, String managedPath) {

    /** The directory itself (demo data, start-up tasks): acts as a system administrator. */
    static final Actor SYSTEM = new Actor("(system)", true, null);

    boolean canAdminister(UnitRow unit) {
        return systemAdmin || (managedPath != null && unit.path().startsWith(managedPath));
    }
}
