package vn.lienthong.meetings;

import java.io.IOException;
import java.io.InputStream;

/**
 * A document's bytes, for download. The caller closes the stream.
 *
 * @param contentType the type given at upload when it is one the suite serves as is (PDF, Office, ODF, images,
 *                    text), otherwise {@code application/octet-stream}
 */
public record DocumentContent(String name, String contentType, long size, Opener content) {

    /** Opens the stored file. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
