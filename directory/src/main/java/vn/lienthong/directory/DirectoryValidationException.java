package vn.lienthong.directory;

/**
 * Input that the directory refuses: a duplicate code, a cycle in the tree, a missing name. {@link #field()} names
 * the offending field (as in the draft records) so a form can show the message next to it; the message is in
 * Vietnamese, ready to show.
 */
public class DirectoryValidationException extends RuntimeException {

    private final String field;

    public DirectoryValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
