package vn.lienthong.chat.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lienthong.chat.ChatFile;

/**
 * Files of messages (chat_file) and their bytes in pieces of {@value #CHUNK} bytes (chat_file_chunk), written and
 * read one piece at a time so a file is never whole in memory. Callers hold the transaction of a write.
 */
@Repository
class FileRepository {

    static final int CHUNK = 256 * 1024;

    private static final String COLUMNS = "id, channel_id, uploaded_by, name, content_type, size_bytes, sha256, "
            + "created_at";

    private final JdbcClient jdbc;

    FileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Thrown by {@link #write} when the stream holds more than the limit; whatever was written rolls back. */
    static final class TooLarge extends RuntimeException {

        TooLarge() {
            super(null, null, false, false);
        }
    }

    /**
     * Writes the file: its pieces first, then its row with the size and SHA-256 seen. Answers the file as stored.
     *
     * @throws TooLarge when more than {@code maxBytes} come out of the stream
     */
    FileRow write(String id, long channelId, String uploadedBy, String name, String contentType, InputStream in,
                  long maxBytes, Instant at) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[CHUNK];
        long size = 0;
        int n = 0;
        // The row goes first (the pieces refer to it) with the size unknown yet; it is set when all is read.
        jdbc.sql("insert into chat_file (" + COLUMNS + ") values (?, ?, ?, ?, ?, 0, '', ?)")
                .params(id, channelId, uploadedBy, name, contentType, Timestamps.in(at)).update();
        while (true) {
            int filled = in.readNBytes(buffer, 0, CHUNK);
            if (filled == 0) {
                break;
            }
            size += filled;
            if (size > maxBytes) {
                throw new TooLarge();
            }
            sha256.update(buffer, 0, filled);
            byte[] piece = filled == CHUNK ? buffer.clone() : java.util.Arrays.copyOf(buffer, filled);
            jdbc.sql("insert into chat_file_chunk (file_id, n, data) values (?, ?, ?)").params(id, n++, piece)
                    .update();
            if (filled < CHUNK) {
                break;
            }
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        jdbc.sql("update chat_file set size_bytes = ?, sha256 = ? where id = ?").params(size, digest, id).update();
        return new FileRow(id, channelId, uploadedBy, name, contentType, size, digest, at);
    }

    Optional<FileRow> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from chat_file where id = ?").param(id)
                .query(FileRepository::row).optional();
    }

    /** The files with these ids, as messages show them. */
    Map<String, ChatFile> views(Collection<String> ids) {
        Map<String, ChatFile> views = new HashMap<>();
        if (ids.isEmpty()) {
            return views;
        }
        jdbc.sql("select " + COLUMNS + " from chat_file where id in (:ids)").param("ids", ids)
                .query(FileRepository::row).list()
                .forEach(row -> views.put(row.id(), row.view()));
        return views;
    }

    /** Copies the bytes to {@code out}, one piece (one query) at a time. */
    void copy(String id, OutputStream out) throws IOException {
        int pieces = jdbc.sql("select count(*) from chat_file_chunk where file_id = ?").param(id)
                .query(Integer.class).single();
        for (int n = 0; n < pieces; n++) {
            byte[] piece = jdbc.sql("select data from chat_file_chunk where file_id = ? and n = ?").params(id, n)
                    .query((rs, row) -> rs.getBytes("data")).single();
            out.write(piece);
        }
    }

    /** The whole file in memory, for text extraction; callers check the size first. */
    byte[] readAll(String id) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            copy(id, bytes);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    private static FileRow row(ResultSet rs, int row) throws SQLException {
        return new FileRow(rs.getString("id"), rs.getLong("channel_id"), rs.getString("uploaded_by"),
                rs.getString("name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                Timestamps.out(rs, "created_at"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A stored file (row of chat_file). */
    record FileRow(String id, long channelId, String uploadedBy, String name, String contentType, long size,
                   String sha256, Instant createdAt) {

        ChatFile view() {
            return new ChatFile(id, name, size, contentType);
        }
    }
}
