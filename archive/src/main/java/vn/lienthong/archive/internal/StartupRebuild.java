package vn.lienthong.archive.internal;

import vn.lienthong.archive.RebuildReport;

/** An archive whose index may need re-feeding from the sources once the application is ready. */
interface StartupRebuild {

    /** True when the index was found missing, corrupt or not closed cleanly and no rebuild has succeeded since. */
    boolean rebuildNeeded();

    /** Runs the rebuild when {@link #rebuildNeeded()}; its report, or null if none was needed. */
    RebuildReport rebuildIfNeeded();
}
