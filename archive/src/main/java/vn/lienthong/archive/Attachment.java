package vn.lienthong.archive;

import java.util.Objects;

/**
 * A file attached to an item. Either its text is already known ({@link #ofText}), or the archive extracts it
 * from the raw bytes ({@link #ofContent}) with Apache Tika (PDF, DOCX, XLSX, ODT, plain text and more), within a
 * size and time limit. A file that cannot be read is indexed by name only, never dropped.
 *
 * @param name    the file name, searchable too
 * @param text    the extracted text, or {@code null} to extract it from {@code content}
 * @param content the raw bytes, or {@code null} when the text is given
 */
public record Attachment(String name, String text, byte[] content) {

    public Attachment {
        Objects.requireNonNull(name, "name");
    }

    public static Attachment ofText(String name, String text) {
        return new Attachment(name, Objects.requireNonNull(text, "text"), null);
    }

    public static Attachment ofContent(String name, byte[] content) {
        return new Attachment(name, null, Objects.requireNonNull(content, "content"));
    }
}
