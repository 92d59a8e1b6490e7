package vn.lienthong.archive.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * Run in its own JVM by {@link RobustnessTests}: opens an archive that commits rarely, records each item in a
 * "source of truth" file (as a mail store would keep a message) and puts it, without end, until it is killed.
 * Prints {@code put N} so the test knows how far it got.
 */
public final class CrashingFeedMain {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path source = Path.of(args[1]);
        LuceneArchive archive = LuceneArchive.open(ArchiveSettings.defaults(dir).withCommitInterval(Duration.ofHours(1)),
                List::of);
        archive.commit(); // an index exists on disk, nearly empty: what is put from now on is uncommitted
        System.out.println("ready");
        try (FileChannel truth = FileChannel.open(source, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (int i = 0; ; i++) {
                truth.write(ByteBuffer.wrap((i + "\n").getBytes(StandardCharsets.US_ASCII)));
                truth.force(false);
                archive.put(RobustnessTests.message(i));
                if (i % 50 == 0) {
                    System.out.println("put " + i);
                    System.out.flush();
                }
            }
        }
    }

    private CrashingFeedMain() {
    }
}
