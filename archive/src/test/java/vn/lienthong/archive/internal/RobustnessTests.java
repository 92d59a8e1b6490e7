package vn.lienthong.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.ArchiveFeeder;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.ArchiveStatus.Startup;
import vn.lienthong.archive.RebuildReport;
import vn.lienthong.archive.SearchRequest;

/** The index is derived data: a crash, a corrupt or a missing index costs a rebuild, never items. */
class RobustnessTests {

    @TempDir
    Path dir;

    static ArchiveItem message(int i) {
        return ArchiveItem.builder("chat", String.valueOf(i)).body("Tin nhắn trực ban số " + i)
                .time(Instant.parse("2026-11-02T03:00:00Z").plusSeconds(i)).readers(TestArchives.AN).build();
    }

    private static ArchiveFeeder feederOf(List<Integer> ids) {
        return LuceneArchiveTests.feeder("chat", archive -> ids.forEach(i -> archive.put(message(i))));
    }

    private static long chatCount(LuceneArchive archive) {
        return archive.search(SearchRequest.of("in:chat", TestArchives.AS_AN)).total();
    }

    @Test
    void killingTheJvmWhilePuttingLosesNothingAfterRestartAndRebuild() throws Exception {
        Path index = dir.resolve("archive");
        Path truth = dir.resolve("chat-store.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                CrashingFeedMain.class.getName(), index.toString(), truth.toString())
                .redirectErrorStream(true).start();
        AtomicInteger put = new AtomicInteger(-1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("put ")) {
                        put.set(Integer.parseInt(line.substring(4).trim()));
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> put.get() >= 1000 || !child.isAlive());
            assertThat(child.isAlive()).as("the feeding JVM is still running when killed").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        List<Integer> stored = storedIds(truth);
        assertThat(stored.size()).isGreaterThan(1000);
        try (LuceneArchive restarted = LuceneArchive.open(ArchiveSettings.defaults(index), () -> List.of(feederOf(stored)))) {
            assertThat(restarted.startup()).isEqualTo(Startup.UNCLEAN_SHUTDOWN);
            assertThat(restarted.rebuildNeeded()).isTrue();
            restarted.refresh();
            assertThat(chatCount(restarted)).as("items lost by the kill, before the rebuild").isLessThan(stored.size());

            RebuildReport report = restarted.rebuildIfNeeded();

            assertThat(report.succeeded()).isTrue();
            assertThat(chatCount(restarted)).isEqualTo(stored.size());
            int last = stored.get(stored.size() - 1);
            assertThat(TestArchives.ids(restarted.search(SearchRequest.of("truc ban so " + last, TestArchives.AS_AN))))
                    .contains(String.valueOf(last));
            assertThat(restarted.rebuildNeeded()).isFalse();
        }
        try (LuceneArchive again = TestArchives.open(index)) {
            assertThat(again.startup()).isEqualTo(Startup.CLEAN);
            assertThat(chatCount(again)).isEqualTo(stored.size());
        }
    }

    /** Ids whose line was completely written before the kill. */
    private static List<Integer> storedIds(Path truth) throws IOException {
        String text = Files.readString(truth, StandardCharsets.US_ASCII);
        List<Integer> ids = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) { // the last piece has no newline: incomplete or empty
            ids.add(Integer.parseInt(lines[i]));
        }
        return ids;
    }

    @Test
    void aCorruptIndexIsMovedAsideAndRebuiltAtStartUp() throws IOException {
        Path index = dir.resolve("archive");
        List<Integer> ids = java.util.stream.IntStream.range(0, 300).boxed().toList();
        try (LuceneArchive archive = TestArchives.open(index)) {
            ids.forEach(i -> archive.put(message(i)));
        }
        truncateLargestFile(index.resolve(LuceneArchive.INDEX));

        try (LuceneArchive archive = LuceneArchive.open(ArchiveSettings.defaults(index), () -> List.of(feederOf(ids)))) {
            assertThat(archive.startup()).isEqualTo(Startup.CORRUPT);
            try (Stream<Path> files = Files.list(index)) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("index.corrupt-"));
            }
            assertThat(archive.rebuildIfNeeded().succeeded()).isTrue();
            assertThat(chatCount(archive)).isEqualTo(ids.size());
        }
    }

    @Test
    void aMissingIndexIsCreatedAndRebuiltAtStartUp() throws IOException {
        Path index = dir.resolve("archive");
        List<Integer> ids = List.of(1, 2, 3);
        try (LuceneArchive archive = TestArchives.open(index)) {
            ids.forEach(i -> archive.put(message(i)));
        }
        deleteTree(index.resolve(LuceneArchive.INDEX));

        try (LuceneArchive archive = LuceneArchive.open(ArchiveSettings.defaults(index), () -> List.of(feederOf(ids)))) {
            assertThat(archive.startup()).isEqualTo(Startup.MISSING);
            assertThat(archive.rebuildIfNeeded().succeeded()).isTrue();
            assertThat(chatCount(archive)).isEqualTo(3);
        }
    }

    @Test
    void anIndexOpenInAnotherWriterIsRefusedNotMovedAside() throws IOException {
        Path index = dir.resolve("archive");
        try (LuceneArchive first = TestArchives.open(index)) {
            first.put(message(1));
            first.commit();

            assertThatThrownBy(() -> TestArchives.open(index))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another process");
            first.refresh();
            assertThat(chatCount(first)).isEqualTo(1);
        }
        try (Stream<Path> files = Files.list(index)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("index.corrupt-"));
        }
    }

    @Test
    void aFailedStartUpRebuildIsTriedAgainAtTheNextStart() throws IOException {
        Path index = dir.resolve("archive");
        try (LuceneArchive archive = LuceneArchive.open(ArchiveSettings.defaults(index),
                () -> List.of(LuceneArchiveTests.feeder("chat", a -> {
                    throw new IllegalStateException("chat store down");
                })))) {
            assertThat(archive.rebuildIfNeeded().succeeded()).isFalse();
        }
        try (LuceneArchive archive = LuceneArchive.open(ArchiveSettings.defaults(index), () -> List.of(feederOf(List.of(7))))) {
            assertThat(archive.startup()).isEqualTo(Startup.CLEAN);
            assertThat(archive.rebuildNeeded()).isTrue();
            archive.rebuildIfNeeded();
            assertThat(chatCount(archive)).isEqualTo(1);
        }
    }

    private static void truncateLargestFile(Path index) throws IOException {
        Path largest;
        try (Stream<Path> files = Files.list(index)) {
            largest = files.filter(p -> !p.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(RobustnessTests::size)).orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(largest, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
