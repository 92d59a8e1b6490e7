package vn.lienthong.archive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.archive.ArchiveFeeder;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.ArchiveStatus;
import vn.lienthong.archive.ArchiveStatus.Startup;
import vn.lienthong.archive.Attachment;
import vn.lienthong.archive.RebuildReport;
import vn.lienthong.archive.RebuildReport.SourceReport;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.archive.SearchSort;
import vn.lienthong.archive.analysis.VietnameseAnalyzer;

/**
 * The archive on an embedded Lucene index: one {@link IndexWriter}, a near-real-time {@link SearcherManager}
 * (a put is searchable within the refresh interval, at most 1 s, without a commit), commits on a schedule and at
 * {@link #close()}.
 * <p>
 * The searcher is reopened only for searches: while searches run, a background thread reopens it every refresh
 * interval, and a search that finds it older than the interval (after a quiet spell) reopens it first. Every
 * reopen flushes the writer's buffer into a new segment, so reopening on a clock while nobody searches (a bulk
 * load, a rebuild at night) would write many tiny segments and merge them again and again for no reader.
 * <p>
 * Layout under the configured directory: {@code index/} (the Lucene index), {@code writer.open} (present while
 * open: found at start-up it means the last run did not close cleanly), {@code rebuild.pending} (a start-up
 * rebuild has not yet succeeded) and {@code index.corrupt-<time>/} (an unreadable index, moved aside).
 * <p>
 * At {@link #open}: a missing index is created, a corrupt one is moved aside and a new one created, and an
 * unclean shutdown is noted; in each case {@link #rebuildIfNeeded()} re-feeds every source from its
 * {@link ArchiveFeeder}. An index locked by another process is an error: it is never moved aside.
 */
public final class LuceneArchive extends RebuildableArchive implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneArchive.class);

    static final String INDEX = "index";
    static final String OPEN_MARKER = "writer.open";
    static final String REBUILD_MARKER = "rebuild.pending";
    /** Deepest hit reachable by paging. */
    static final int MAX_WINDOW = 10_000;
    /** After a search, the background thread keeps the searcher fresh for this long. */
    static final Duration SEARCHES_ACTIVE = Duration.ofSeconds(10);

    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(Fields.TIME, SortField.Type.LONG, true));
    private static final Sort BY_DATE = new Sort(new SortField(Fields.TIME, SortField.Type.LONG, true),
            SortField.FIELD_SCORE);
    private static final Set<String> HIT_FIELDS = Set.of(Fields.SOURCE, Fields.ID, Fields.TITLE, Fields.BODY,
            Fields.ATTACHMENT_TEXT, Fields.ATTACHMENT_NAME, Fields.AUTHOR, Fields.URL, Fields.TIME, Fields.UNIT_FACET);

    private final ArchiveSettings settings;
    private final Path root;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService refresher;
    private final ScheduledExecutorService committer;
    private final long refreshNanos;
    /** {@link System#nanoTime()} when the last search started. */
    private volatile long lastSearch;
    /** {@link System#nanoTime()} when the newest completed refresh started: everything put before is visible. */
    private final AtomicLong refreshedAsOf = new AtomicLong();
    private final AtomicLong reopens = new AtomicLong();
    private final DocumentMapper mapper;
    private final QueryBuilder queries;
    private final SnippetMaker snippets;
    private final AttachmentTextExtractor extractor;
    private final Startup startup;
    private final AtomicLong lastCommit = new AtomicLong();

    private LuceneArchive(ArchiveSettings settings, Supplier<? extends Collection<ArchiveFeeder>> feeders,
                          Opened opened) throws IOException {
        super(feeders);
        this.settings = settings;
        this.root = settings.directory();
        this.directory = opened.directory();
        this.writer = opened.writer();
        this.startup = opened.startup();
        Analyzer exact = VietnameseAnalyzer.exact();
        Analyzer folded = VietnameseAnalyzer.folded();
        this.mapper = new DocumentMapper(settings.timeZone());
        this.queries = new QueryBuilder(exact, folded, settings.timeZone());
        this.snippets = new SnippetMaker(folded);
        this.extractor = new AttachmentTextExtractor(settings.attachments());
        this.searchers = new SearcherManager(writer, true, false, null);
        searchers.addListener(new ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {
            }

            @Override
            public void afterRefresh(boolean didRefresh) {
                if (didRefresh) {
                    reopens.incrementAndGet();
                }
            }
        });
        long now = System.nanoTime();
        this.refreshNanos = settings.refreshInterval().toNanos();
        this.refreshedAsOf.set(now);
        this.lastSearch = now - SEARCHES_ACTIVE.toNanos() - 1;
        this.refresher = daemon("archive-refresh");
        refresher.scheduleWithFixedDelay(this::refreshForSearches, refreshNanos, refreshNanos, TimeUnit.NANOSECONDS);
        this.committer = daemon("archive-commit");
        long every = settings.commitInterval().toMillis();
        committer.scheduleWithFixedDelay(this::commitQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens (or creates) the archive in {@code settings.directory()}. Never fails for a missing or corrupt
     * index; fails when the directory cannot be written or another process holds the index.
     *
     * @param feeders asked for the registered feeders when a rebuild runs (lazily, so feeders may depend on
     *                the archive)
     */
    public static LuceneArchive open(ArchiveSettings settings, Supplier<? extends Collection<ArchiveFeeder>> feeders) {
        try {
            Files.createDirectories(settings.directory());
            Opened opened = openIndex(settings);
            Files.writeString(settings.directory().resolve(OPEN_MARKER), Instant.now().toString());
            LuceneArchive archive = new LuceneArchive(settings, feeders, opened);
            log.info("Archive opened at {} ({}, {} items)", settings.directory(), opened.startup(),
                    opened.writer().getDocStats().numDocs);
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the archive index at " + settings.directory(), e);
        }
    }

    private record Opened(Directory directory, IndexWriter writer, Startup startup) {
    }

    private static Opened openIndex(ArchiveSettings settings) throws IOException {
        Path root = settings.directory();
        Path indexPath = root.resolve(INDEX);
        boolean unclean = Files.exists(root.resolve(OPEN_MARKER));
        Startup startup;
        FSDirectory directory = FSDirectory.open(indexPath);
        // Hold the write lock while checking, so an index another process has open is never judged nor moved.
        try (Lock lock = obtainLock(directory, indexPath)) {
            if (!DirectoryReader.indexExists(directory)) {
                startup = Startup.MISSING;
                if (unclean) {
                    log.warn("Archive index at {} is missing: a new one is created and rebuilt from the sources",
                            indexPath);
                }
            } else {
                Exception problem = verify(directory, settings.verifyOnStart());
                if (problem == null) {
                    startup = unclean ? Startup.UNCLEAN_SHUTDOWN : Startup.CLEAN;
                } else {
                    directory.close();
                    Path aside = root.resolve(INDEX + ".corrupt-"
                            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
                    Files.move(indexPath, aside);
                    log.error("Archive index at {} is unreadable ({}): moved to {}; a new index is created and "
                            + "rebuilt from the sources", indexPath, problem.toString(), aside);
                    directory = FSDirectory.open(indexPath);
                    startup = Startup.CORRUPT;
                }
            }
        }
        if (startup == Startup.UNCLEAN_SHUTDOWN) {
            log.warn("Archive was not closed cleanly last time: changes since its last commit may be missing; "
                    + "the sources will re-feed it");
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(settings.ramBufferMb())
                .setCommitOnClose(true);
        IndexWriter writer = new IndexWriter(directory, config);
        boolean rebuild = startup == Startup.MISSING || startup == Startup.CORRUPT
                || (startup == Startup.UNCLEAN_SHUTDOWN && settings.rebuildAfterUncleanShutdown());
        if (rebuild) {
            Files.writeString(root.resolve(REBUILD_MARKER), startup.name());
        }
        return new Opened(directory, writer, startup);
    }

    private static Lock obtainLock(Directory directory, Path indexPath) throws IOException {
        try {
            Files.createDirectories(indexPath);
            return directory.obtainLock(IndexWriter.WRITE_LOCK_NAME);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("The archive index at " + indexPath
                    + " is in use by another process; stop it first", e);
        }
    }

    /** The problem that makes the index unreadable, or null. */
    private static Exception verify(Directory directory, boolean checksums) {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            if (checksums) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    leaf.reader().checkIntegrity();
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }

    /** Per-field analysis: the exact fields keep accents, everything else is folded. */
    static Analyzer analyzer() {
        Analyzer exact = VietnameseAnalyzer.exact();
        return new PerFieldAnalyzerWrapper(VietnameseAnalyzer.folded(), Map.of(
                Fields.TITLE_EXACT, exact, Fields.BODY_EXACT, exact, Fields.ATTACHMENT_EXACT, exact));
    }

    // ---- writing

    @Override
    public void put(ArchiveItem item) {
        ensureOpen();
        List<DocumentMapper.AttachmentText> texts = new ArrayList<>(item.attachments().size());
        for (Attachment attachment : item.attachments()) {
            String text = attachment.text() != null ? attachment.text()
                    : attachment.content() != null ? extractor.extract(attachment.name(), attachment.content()) : "";
            texts.add(new DocumentMapper.AttachmentText(attachment.name(), text));
        }
        Document doc = mapper.toDocument(item, texts, nextStamp());
        try {
            writer.updateDocument(new Term(Fields.KEY, Fields.key(item.source(), item.id())), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot index " + item.source() + ":" + item.id(), e);
        }
    }

    @Override
    public void delete(String source, String id) {
        ensureOpen();
        try {
            writer.deleteDocuments(new Term(Fields.KEY, Fields.key(source, id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void deleteAll(String source) {
        ensureOpen();
        try {
            writer.deleteDocuments(new Term(Fields.SOURCE, source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything put so far searchable now, instead of within the refresh interval. */
    @Override
    public void refresh() {
        long started = System.nanoTime();
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refreshedAsOf.accumulateAndGet(started, Math::max);
    }

    /** How many times the searcher was reopened on new changes (for tests and monitoring). */
    long reopens() {
        return reopens.get();
    }

    /**
     * Called before every search: a searcher older than the refresh interval is refreshed first, so whatever was
     * put at least one interval before the search started is visible, however long nobody searched.
     */
    private void freshenForSearch() {
        long now = System.nanoTime();
        lastSearch = now;
        if (now - refreshedAsOf.get() >= refreshNanos) {
            refresh();
        }
    }

    /** Every refresh interval: keeps the searcher fresh while searches run, so they rarely wait for a reopen. */
    private void refreshForSearches() {
        if (System.nanoTime() - lastSearch > SEARCHES_ACTIVE.toNanos()) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            if (!closed()) {
                log.error("Archive refresh failed; will retry at the next interval", e);
            }
        }
    }

    /** Makes everything put so far durable now, instead of at the next scheduled commit. */
    @Override
    public void commit() {
        try {
            writer.commit();
            lastCommit.set(System.currentTimeMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commitQuietly() {
        try {
            if (writer.hasUncommittedChanges()) {
                commit();
            }
        } catch (RuntimeException e) {
            if (!closed()) {
                log.error("Archive commit failed; will retry at the next interval", e);
            }
        }
    }

    // ---- searching

    @Override
    public SearchResult search(SearchRequest request) {
        ensureOpen();
        ParsedQuery parsed = new UserQueryParser(knownSources()).parse(request.query());
        if (request.principals().isEmpty()) {
            return SearchResult.empty(request);
        }
        QueryBuilder.Built built = queries.build(parsed, request.principals(), request.sources());
        int window = Math.min((request.page() + 1) * request.pageSize(), MAX_WINDOW);
        int from = request.page() * request.pageSize();
        Sort sort = request.sort() == SearchSort.DATE ? BY_DATE : BY_RELEVANCE;
        freshenForSearch();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Object[] results = searcher.search(built.query(), new MultiCollectorManager(
                        new TopFieldCollectorManager(sort, window, null, 1), new FacetCollectorManager()));
                TopFieldDocs top = (TopFieldDocs) results[0];
                FacetCollectorManager.Counts counts = (FacetCollectorManager.Counts) results[1];
                List<SearchResult.Hit> hits = new ArrayList<>();
                StoredFields stored = searcher.storedFields();
                for (int i = from; i < top.scoreDocs.length; i++) {
                    hits.add(hit(stored, top.scoreDocs[i], built.highlightTerms()));
                }
                return new SearchResult(counts.total(), request.page(), request.pageSize(), hits, counts.facets());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed", e);
        }
    }

    private SearchResult.Hit hit(StoredFields stored, ScoreDoc scoreDoc, Set<String> terms) throws IOException {
        Document doc = stored.document(scoreDoc.doc, HIT_FIELDS);
        String body = doc.get(Fields.BODY);
        String snippet = snippets.snippet(body, terms);
        if (snippet == null) {
            snippet = snippets.snippet(doc.get(Fields.ATTACHMENT_TEXT), terms);
        }
        if (snippet == null) {
            snippet = SnippetMaker.lead(body);
        }
        IndexableField time = doc.getField(Fields.TIME);
        return new SearchResult.Hit(doc.get(Fields.SOURCE), doc.get(Fields.ID), doc.get(Fields.TITLE), snippet,
                doc.get(Fields.URL), Instant.ofEpochMilli(time.numericValue().longValue()), doc.get(Fields.AUTHOR),
                List.of(doc.getValues(Fields.UNIT_FACET)), List.of(doc.getValues(Fields.ATTACHMENT_NAME)));
    }

    private Map<String, String> knownSources() {
        Map<String, String> sources = new LinkedHashMap<>(UserQueryParser.defaultSources());
        for (ArchiveFeeder feeder : feeders()) {
            sources.putIfAbsent(feeder.source(), feeder.source());
        }
        return sources;
    }

    // ---- rebuilding

    /** True when the index was missing, corrupt or not closed cleanly and no rebuild has succeeded since. */
    @Override
    public boolean rebuildNeeded() {
        return Files.exists(root.resolve(REBUILD_MARKER));
    }

    /** Runs the start-up rebuild when {@link #rebuildNeeded()}; returns its report, or null if none was needed. */
    @Override
    public RebuildReport rebuildIfNeeded() {
        if (!rebuildNeeded()) {
            return null;
        }
        log.info("Archive: rebuilding from the sources ({})", startup);
        RebuildReport report = rebuild();
        if (report.succeeded()) {
            try {
                Files.deleteIfExists(root.resolve(REBUILD_MARKER));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            log.error("Archive rebuild did not complete; it will be tried again at the next start: {}", report);
        }
        return report;
    }

    @Override
    SourceReport refeed(ArchiveFeeder feeder, long since) {
        String source = feeder.source();
        FeedingArchive feeding = new FeedingArchive(this, source);
        SourceReport failed = feed(feeder, feeding, () -> { });
        if (failed != null) {
            return failed;
        }
        // What the feeder did not put again no longer exists at the source.
        Query stale = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.SOURCE, source)), Occur.FILTER)
                .add(LongPoint.newRangeQuery(Fields.INDEXED_AT, Long.MIN_VALUE, since - 1), Occur.FILTER)
                .build();
        try {
            refresh();
            IndexSearcher searcher = searchers.acquire();
            long removed;
            try {
                removed = searcher.count(stale);
            } finally {
                searchers.release(searcher);
            }
            writer.deleteDocuments(stale);
            return new SourceReport(source, feeding.count(), removed, null);
        } catch (IOException e) {
            return new SourceReport(source, feeding.count(), 0, e.toString());
        }
    }

    @Override
    public ArchiveStatus status() {
        ensureOpen();
        freshenForSearch();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                FacetCollectorManager.Counts counts = searcher.search(new MatchAllDocsQuery(), new FacetCollectorManager());
                Map<String, Long> bySource = new LinkedHashMap<>();
                counts.facets().sources().forEach(c -> bySource.put(c.value(), c.count()));
                long committed = lastCommit.get();
                return new ArchiveStatus(bySource, startup, committed == 0 ? null : Instant.ofEpochMilli(committed),
                        rebuilding());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Startup startup() {
        return startup;
    }

    ArchiveSettings settings() {
        return settings;
    }

    // ---- lifecycle

    private static void awaitQuietly(ScheduledExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commits, closes the index and marks the shutdown as clean. */
    @Override
    public void close() {
        if (!markClosed()) {
            return;
        }
        // Not shutdownNow: an interrupt during a flush or commit would close the index files under the writer.
        committer.shutdown();
        refresher.shutdown();
        try {
            awaitQuietly(committer);
            awaitQuietly(refresher);
            searchers.close();
            writer.close(); // commits
            directory.close();
            Files.deleteIfExists(root.resolve(OPEN_MARKER));
            log.info("Archive closed cleanly");
        } catch (IOException e) {
            log.error("Archive did not close cleanly; it will be re-fed at the next start", e);
        } finally {
            extractor.close();
        }
    }
}
