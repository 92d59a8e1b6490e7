package vn.lienthong.meetings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.lienthong.meetings.MeetingException;

/**
 * The documents' files: {@code <directory>/<meeting id>/<random name>}, written to a temporary file first and moved
 * into place once complete, so a crash never leaves half a document under a real name.
 */
@Component
class MeetingDocumentStore {

    /** A file written: its name in the meeting's folder, size and SHA-256. */
    record Stored(String storageName, long size, String sha256) {
    }

    private final Path root;
    private final long maxSize;

    MeetingDocumentStore(MeetingsSettings settings, @Value("${lienthong.data-dir:./data}") String dataDir) {
        this.root = (settings.documentsDirectory() != null ? settings.documentsDirectory()
                : Path.of(dataDir).resolve("meetings").resolve("documents")).toAbsolutePath().normalize();
        this.maxSize = settings.documents().maxSize().toBytes();
    }

    long maxSize() {
        return maxSize;
    }

    /** Copies the stream into the meeting's folder; refuses (and keeps nothing) past the size limit. */
    Stored write(long meetingId, InputStream content) {
        try {
            Path folder = Files.createDirectories(root.resolve(Long.toString(meetingId)));
            Path temporary = Files.createTempFile(folder, ".upload-", ".part");
            MessageDigest sha256 = Secrets.digest();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    size += read;
                    if (size > maxSize) {
                        throw new MeetingException(MeetingException.Reason.TOO_LARGE, "Tài liệu quá lớn: tối đa "
                                + size(maxSize) + " mỗi tệp.");
                    }
                    out.write(buffer, 0, read);
                }
            }
            catch (RuntimeException | IOException ex) {
                Files.deleteIfExists(temporary);
                throw ex;
            }
            String name = Secrets.token().substring(0, 24);
            Path target = folder.resolve(name);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(temporary, target);
            }
            return new Stored(name, size, HexFormat.of().formatHex(sha256.digest()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not store a document of meeting " + meetingId, ex);
        }
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    Path path(long meetingId, String storageName) {
        Path path = root.resolve(Long.toString(meetingId)).resolve(storageName).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("outside the documents folder: " + storageName);
        }
        return path;
    }

    InputStream open(long meetingId, String storageName) throws IOException {
        return Files.newInputStream(path(meetingId, storageName));
    }

    byte[] read(long meetingId, String storageName) throws IOException {
        return Files.readAllBytes(path(meetingId, storageName));
    }

    void delete(long meetingId, String storageName) {
        try {
            Files.deleteIfExists(path(meetingId, storageName));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
