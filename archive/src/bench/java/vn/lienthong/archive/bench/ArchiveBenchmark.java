package vn.lienthong.archive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.archive.SearchSort;
import vn.lienthong.archive.internal.ArchiveSettings;
import vn.lienthong.archive.internal.LuceneArchive;

/**
 * Indexes N synthetic items (80 % chat-sized, 20 % mail-sized) through the archive and the same items through a
 * bare IndexWriter, reports items/s of both and their ratio, then runs a mixed query set with permission filters
 * against the archive and reports latency percentiles. Not a test; run with the {@code bench} profile:
 * <pre>
 *   ./mvnw -B -pl archive -Pbench test-compile exec:java -Dbench.items=1000000 [-Dbench.queries=2000] [-Dbench.threads=2]
 * </pre>
 * Only indexing calls are timed: items are generated (deterministically) in batches outside the timed part.
 */
public final class ArchiveBenchmark {

    private static final int BATCH = 20_000;
    private static final int WARMUP_ITEMS = 20_000;
    private static final int WARMUP_QUERIES = 300;

    interface Sink {
        void put(ArchiveItem item) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        int items = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        int queries = Integer.parseInt(args.length > 1 ? args[1] : "2000");
        int threads = Integer.parseInt(args.length > 2 ? args[2] : "2");
        Path dir = Path.of(args.length > 3 ? args[3] : "target/bench");
        deleteTree(dir);
        Files.createDirectories(dir);
        int mails = items / 5;
        int chats = items - mails;
        System.out.printf("Benchmark: %,d items (%,d chat, %,d mail), %d indexing threads, %d cores, heap %d MB%n",
                items, chats, mails, threads, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // Warm the JIT on both paths so neither profits from running second.
            try (LuceneArchive archive = LuceneArchive.open(settings(dir.resolve("warm-archive")), List::of);
                 BareLuceneIndexer bare = new BareLuceneIndexer(dir.resolve("warm-bare"), 64)) {
                index(pool, threads, new SyntheticItems(false), WARMUP_ITEMS, archive::put);
                index(pool, threads, new SyntheticItems(false), WARMUP_ITEMS, bare::put);
            }
            deleteTree(dir.resolve("warm-archive"));
            deleteTree(dir.resolve("warm-bare"));

            double bareChat;
            double bareMail;
            double bareAll;
            long bareCpu = processCpuNanos();
            try (BareLuceneIndexer bare = new BareLuceneIndexer(dir.resolve("bare"), 64)) {
                long chatNanos = index(pool, threads, new SyntheticItems(false), chats, bare::put);
                long mailNanos = index(pool, threads, new SyntheticItems(true), mails, bare::put);
                long commit = System.nanoTime();
                bare.commit();
                long commitNanos = System.nanoTime() - commit;
                bareChat = rate(chats, chatNanos);
                bareMail = rate(mails, mailNanos);
                bareAll = rate(items, chatNanos + mailNanos + commitNanos);
                // Up to the commit, as for the archive below (close would add the wait for running merges).
                bareCpu = processCpuNanos() - bareCpu;
            }
            System.out.printf("bare IndexWriter : chat %,10.0f items/s | mail %,8.0f items/s | all %,10.0f items/s"
                    + " | %,.0f items per CPU-second%n", bareChat, bareMail, bareAll, rate(items, bareCpu));
            deleteTree(dir.resolve("bare"));

            long archiveCpu = processCpuNanos();
            try (LuceneArchive archive = LuceneArchive.open(settings(dir.resolve("archive")), List::of)) {
                long chatNanos = index(pool, threads, new SyntheticItems(false), chats, archive::put);
                long mailNanos = index(pool, threads, new SyntheticItems(true), mails, archive::put);
                long commit = System.nanoTime();
                archive.commit();
                long commitNanos = System.nanoTime() - commit;
                double chat = rate(chats, chatNanos);
                double mail = rate(mails, mailNanos);
                double all = rate(items, chatNanos + mailNanos + commitNanos);
                archiveCpu = processCpuNanos() - archiveCpu;
                System.out.printf("Archive.put      : chat %,10.0f items/s | mail %,8.0f items/s | all %,10.0f items/s"
                        + " | %,.0f items per CPU-second%n", chat, mail, all, rate(items, archiveCpu));
                System.out.printf("ratio bare/archive: chat %.2f | mail %.2f | all %.2f%n",
                        bareChat / chat, bareMail / mail, bareAll / all);
                archive.refresh();
                System.out.printf("index: %,d items, %,d MB on disk%n", archive.status().itemsBySource().values()
                        .stream().mapToLong(Long::longValue).sum(), size(dir.resolve("archive")) >> 20);
                queries(archive, queries);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ArchiveSettings settings(Path dir) {
        return ArchiveSettings.defaults(dir).withCommitInterval(Duration.ofSeconds(60));
    }

    /** Indexes items [0, count) in batches; returns the nanoseconds spent in the sink only. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long index(ExecutorService pool, int threads, SyntheticItems generator, int count, Sink sink)
            throws Exception {
        long nanos = 0;
        for (int from = 0; from < count; from += BATCH) {
            List<ArchiveItem> batch = generator.batch(from, Math.min(count, from + BATCH));
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            int slice = (batch.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<ArchiveItem> part = batch.subList(Math.min(batch.size(), t * slice),
                        Math.min(batch.size(), (t + 1) * slice));
                parts.add(pool.submit(() -> {
                    for (ArchiveItem item : part) {
                        sink.put(item);
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            nanos += System.nanoTime() - start;
        }
        return nanos;
    }

    private static void queries(LuceneArchive archive, int count) {
        SplittableRandom random = new SplittableRandom(42);
        List<SearchRequest> requests = new ArrayList<>();
        for (int i = 0; i < count + WARMUP_QUERIES; i++) {
            requests.add(query(random));
        }
        for (SearchRequest request : requests.subList(0, WARMUP_QUERIES)) {
            archive.search(request);
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] nanos = new long[count];
        long[] cpuNanos = new long[count];
        long hits = 0;
        for (int i = 0; i < count; i++) {
            SearchRequest request = requests.get(WARMUP_QUERIES + i);
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            SearchResult result = archive.search(request);
            nanos[i] = System.nanoTime() - start;
            cpuNanos[i] = cpu.getCurrentThreadCpuTime() - cpuStart;
            hits += result.total();
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        System.out.printf("queries: %,d mixed (words, accented words, phrases, in:, unit:, after:, from:, date sort), "
                        + "each with the permission filter of a random official (username + unit), facets and snippets%n",
                count);
        System.out.printf("latency ms: p50 %.2f | p90 %.2f | p99 %.2f | max %.2f | mean %.2f; mean total hits %,d%n",
                ms(nanos[count / 2]), ms(nanos[(int) (count * 0.9)]), ms(nanos[(int) (count * 0.99)]),
                ms(nanos[count - 1]), ms((long) Arrays.stream(nanos).average().orElse(0)), hits / count);
        System.out.printf("CPU ms per query (unaffected by other processes): p50 %.2f | p90 %.2f | p99 %.2f | max %.2f%n",
                ms(cpuNanos[count / 2]), ms(cpuNanos[(int) (count * 0.9)]), ms(cpuNanos[(int) (count * 0.99)]),
                ms(cpuNanos[count - 1]));
    }

    private static SearchRequest query(SplittableRandom random) {
        int official = random.nextInt(SyntheticItems.OFFICIALS);
        Set<Reader> principals = Set.of(Reader.official(SyntheticItems.official(official)),
                Reader.unit(SyntheticItems.unit(official % SyntheticItems.UNITS)), Reader.role("official"));
        String w1 = SyntheticItems.word(random);
        String w2 = SyntheticItems.word(random);
        String text = switch (random.nextInt(8)) {
            case 0 -> fold(w1) + " " + fold(w2);
            case 1 -> w1;
            case 2 -> "\"" + w1 + " " + w2 + "\"";
            case 3 -> fold(w1) + " in:chat";
            case 4 -> w1 + " unit:" + SyntheticItems.unit(random.nextInt(SyntheticItems.UNITS));
            case 5 -> fold(w1) + " after:01/" + (1 + random.nextInt(12)) + "/2026";
            case 6 -> "from:" + SyntheticItems.official(official % SyntheticItems.UNITS + SyntheticItems.UNITS * random.nextInt(10));
            default -> fold(w1) + " " + w2;
        };
        SearchSort sort = random.nextInt(4) == 0 ? SearchSort.DATE : SearchSort.RELEVANCE;
        return new SearchRequest(text, principals, Set.of(), sort, 0, 20);
    }

    private static String fold(String word) {
        return Normalizer.normalize(word.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{Mn}", "");
    }

    private static double rate(int items, long nanos) {
        return items / (nanos / 1e9);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private ArchiveBenchmark() {
    }
}
