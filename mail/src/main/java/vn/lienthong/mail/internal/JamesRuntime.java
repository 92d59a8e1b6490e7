package vn.lienthong.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The James runtime shipped inside this module (our Guice main and James's own libraries), extracted under
 * {@code <data>/james/runtime/<content hash>}: re-extracted when a new build brings a different runtime, older
 * extractions removed.
 */
public final class JamesRuntime {

    static final String RESOURCE = "/vn/lienthong/mail/internal/runtime/lienthong-james-server.zip";
    static final String MAIN_CLASS = "vn.lienthong.mail.james.LienThongJamesServer";
    private static final Logger log = LoggerFactory.getLogger(JamesRuntime.class);

    private final Path home;

    private JamesRuntime(Path home) {
        this.home = home;
    }

    /** The runtime under {@code runtimeFolder}, extracted first if this build's is not there yet. */
    public static synchronized JamesRuntime extract(Path runtimeFolder) {
        try {
            String version = contentHash();
            Path home = runtimeFolder.resolve(version);
            if (!Files.exists(home.resolve(".complete"))) {
                long started = System.nanoTime();
                Path partial = runtimeFolder.resolve(version + ".partial");
                deleteRecursively(partial);
                Files.createDirectories(partial);
                unzip(partial);
                Files.writeString(partial.resolve(".complete"), version);
                deleteRecursively(home);
                Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
                log.info("James runtime {} extracted to {} in {} ms", version, home, (System.nanoTime() - started) / 1_000_000);
            }
            removeOthers(runtimeFolder, version);
            return new JamesRuntime(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Không giải nén được James vào " + runtimeFolder
                    + " (cannot extract the James runtime)", e);
        }
    }

    public Path home() {
        return home;
    }

    /** The class path argument: the launcher expands {@code lib/*} itself. */
    String classPath() {
        return home.resolve("lib") + java.io.File.separator + "*";
    }

    private static InputStream open() {
        InputStream in = JamesRuntime.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Thiếu bộ chạy James trong gói mail (the James runtime is not packaged): "
                    + "build it with ./mvnw -pl mail -am package");
        }
        return in;
    }

    private static String contentHash() throws IOException {
        try (InputStream in = new DigestInputStream(open(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStreamSink.INSTANCE);
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unzip(Path target) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(open())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Entry outside the runtime folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void removeOthers(Path runtimeFolder, String keep) throws IOException {
        try (Stream<Path> children = Files.list(runtimeFolder)) {
            for (Path child : children.filter(p -> !p.getFileName().toString().equals(keep)).toList()) {
                deleteRecursively(child);
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Discards what is written: only the digest of the stream matters. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
