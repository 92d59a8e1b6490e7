package vn.lienthong.directory;

import java.util.List;

/**
 * The outcome of a CSV import: either everything was imported ({@link #errors()} empty) or nothing was.
 *
 * @param imported number of rows created or updated (0 when there are errors)
 * @param errors   every problem found, by line number in the file (the header is line 1)
 */
public record ImportReport(int imported, List<LineError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }

    /** A problem with one line (0 for the file as a whole), in Vietnamese, ready to show. */
    public record LineError(long line, String message) {
    }
}
