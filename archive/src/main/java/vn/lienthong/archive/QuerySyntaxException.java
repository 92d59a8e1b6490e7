package vn.lienthong.archive;

/**
 * A search query the archive cannot read: an unclosed quote, a date not in dd/MM/yyyy, an unknown {@code in:}
 * source... The message is in Vietnamese and meant for the user as it is; {@link #position()} points at the
 * offending character of the query (0-based).
 */
public class QuerySyntaxException extends RuntimeException {

    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
