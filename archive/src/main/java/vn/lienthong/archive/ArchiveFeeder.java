package vn.lienthong.archive;

/**
 * Implemented by each module that puts items into the archive (as a Spring bean), so the archive can be rebuilt:
 * {@link #refeed} must {@link Archive#put} every item the module currently holds for {@link #source()}.
 * <p>
 * Called on {@link Archive#rebuild()} and at start-up when the index was missing, corrupt or not closed cleanly.
 * It runs on a background thread while the application serves requests; it should stream its items rather
 * than load them all at once.
 */
public interface ArchiveFeeder {

    /** The source this feeder owns, such as {@code mail}; see {@link ArchiveItem#source()}. */
    String source();

    /** Puts every item of the source. An exception leaves the items already in the index untouched. */
    void refeed(Archive archive);
}
