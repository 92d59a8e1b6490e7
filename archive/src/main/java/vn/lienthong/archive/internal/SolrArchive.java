package vn.lienthong.archive.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.ContentStreamBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.archive.ArchiveFeeder;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.ArchiveStatus;
import vn.lienthong.archive.ArchiveStatus.Startup;
import vn.lienthong.archive.Attachment;
import vn.lienthong.archive.QuerySyntaxException;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.RebuildReport;
import vn.lienthong.archive.RebuildReport.SourceReport;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.archive.SearchResult.FacetCount;
import vn.lienthong.archive.SearchSort;
import vn.lienthong.archive.analysis.VietnameseAnalyzer;

/**
 * The archive on a SolrCloud collection, for several application instances sharing one index: the same fields,
 * the same Vietnamese analysis (our filters, loaded in Solr), the same Lucene query (built inside Solr by
 * {@link ArchiveQParserPlugin}, permission filter included) and the same snippets and facets as
 * {@link LuceneArchive}. Term statistics are the collection's ({@code ExactStatsCache}), so a sharded
 * collection ranks as one index does.
 * <p>
 * At {@link #open}: the configset ({@code solrconfig.xml}, {@code schema.xml}, uploaded as
 * {@value #CONFIGSET_PREFIX}{@code <version>}) and the collection (sharded, replicated) are created when missing;
 * a collection created now is re-fed from the {@link ArchiveFeeder}s once the application is ready. A put is
 * durable on the replicas' transaction logs when {@code put} returns and searchable within
 * {@code commit-within} (a soft commit).
 */
public final class SolrArchive extends RebuildableArchive implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SolrArchive.class);

    /** Bumped whenever schema.xml or solrconfig.xml changes, so a new configset is uploaded beside the old. */
    static final int SCHEMA_VERSION = 1;
    static final String CONFIGSET_PREFIX = "lienthong-archive-v";
    private static final String[] CONFIG_FILES = {"solrconfig.xml", "schema.xml"};
    /** Items per update request during a rebuild. */
    static final int BATCH = 500;
    private static final String[] FACET_FIELDS = {Fields.SOURCE, Fields.UNIT_FACET, Fields.MONTH_FACET};

    private final ArchiveSettings settings;
    private final ArchiveSettings.Solr solr;
    private final CloudSolrClient client;
    private final String collection;
    private final int commitWithin;
    private final DateTimeFormatter month;
    private final SnippetMaker snippets = new SnippetMaker(VietnameseAnalyzer.folded());
    private final AttachmentTextExtractor extractor;
    private final Startup startup;
    private final AtomicBoolean rebuildPending;
    private final AtomicLong lastCommit = new AtomicLong();

    private SolrArchive(ArchiveSettings settings, Supplier<? extends Collection<ArchiveFeeder>> feeders,
                        CloudSolrClient client, Startup startup) {
        super(feeders);
        this.settings = settings;
        this.solr = settings.solr();
        this.client = client;
        this.collection = solr.collection();
        this.commitWithin = (int) solr.commitWithin().toMillis();
        this.month = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT).withZone(settings.timeZone());
        this.extractor = new AttachmentTextExtractor(settings.attachments());
        this.startup = startup;
        this.rebuildPending = new AtomicBoolean(startup == Startup.MISSING);
    }

    /**
     * Connects to the cluster of {@code settings.solr()} and makes sure the configset and the collection exist.
     *
     * @param feeders asked for the registered feeders when a rebuild runs
     */
    public static SolrArchive open(ArchiveSettings settings, Supplier<? extends Collection<ArchiveFeeder>> feeders) {
        CloudSolrClient client = client(settings.solr());
        try {
            Startup startup = ensureCollection(client, settings.solr());
            log.info("Archive on SolrCloud collection '{}' ({})", settings.solr().collection(), startup);
            return new SolrArchive(settings, feeders, client, startup);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
    }

    static CloudSolrClient client(ArchiveSettings.Solr solr) {
        return JdkCloudSolrClient.open(solr);
    }

    /** Creates what is missing; MISSING when the collection was created now (empty), CLEAN otherwise. */
    private static Startup ensureCollection(SolrClient client, ArchiveSettings.Solr solr) {
        try {
            if (CollectionAdminRequest.listCollections(client).contains(solr.collection())) {
                return Startup.CLEAN;
            }
            String configSet = CONFIGSET_PREFIX + SCHEMA_VERSION;
            List<String> configSets = new ConfigSetAdminRequest.List().process(client).getConfigSets();
            if (!configSets.contains(configSet)) {
                uploadConfigSet(client, configSet);
            }
            CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(solr.collection(),
                    configSet, solr.shards(), solr.replicationFactor());
            create.setWaitForFinalState(true);
            try {
                create.process(client);
            } catch (SolrException | SolrServerException e) {
                // Another application instance may have created it meanwhile.
                if (CollectionAdminRequest.listCollections(client).contains(solr.collection())) {
                    return Startup.CLEAN;
                }
                throw e;
            }
            log.info("Archive: created the Solr collection '{}' ({} shards x {} replicas, configset {})",
                    solr.collection(), solr.shards(), solr.replicationFactor(), configSet);
            return Startup.MISSING;
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("Cannot prepare the archive's Solr collection '" + solr.collection()
                    + "': " + e.getMessage(), e);
        }
    }

    private static void uploadConfigSet(SolrClient client, String name) throws IOException, SolrServerException {
        ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
        upload.setConfigSetName(name);
        upload.setUploadStream(new ContentStreamBase.ByteArrayStream(configSetZip(), name + ".zip",
                "application/zip"));
        try {
            upload.process(client);
        } catch (SolrException e) {
            // Uploaded meanwhile by another application instance: fine; anything else is not.
            if (!new ConfigSetAdminRequest.List().process(client).getConfigSets().contains(name)) {
                throw e;
            }
        }
    }

    /** The configset (solrconfig.xml, schema.xml) as the zip the configset API takes. */
    static byte[] configSetZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : CONFIG_FILES) {
                try (InputStream in = SolrArchive.class.getResourceAsStream("solr/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("Missing solr/" + file + " beside " + SolrArchive.class);
                    }
                    zip.putNextEntry(new ZipEntry(file));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    // ---- writing

    @Override
    public void put(ArchiveItem item) {
        add(List.of(document(item)));
    }

    /** One request for all the items: a rebuild or a bulk import should use this. */
    @Override
    public void putAll(Collection<ArchiveItem> items) {
        if (!items.isEmpty()) {
            add(items.stream().map(this::document).toList());
        }
    }

    private void add(List<SolrInputDocument> documents) {
        ensureOpen();
        try {
            client.add(collection, documents, commitWithin);
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("Cannot index in Solr: " + e.getMessage(), e);
        }
    }

    /** The item as the Solr document of schema.xml: the fields of {@link DocumentMapper}, by the same rules. */
    SolrInputDocument document(ArchiveItem item) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField(Fields.KEY, Fields.key(item.source(), item.id()));
        doc.setField(Fields.SOURCE, item.source());
        doc.setField(Fields.ID, item.id());
        doc.setField(Fields.TITLE, DocumentMapper.nfc(item.title()));
        String body = DocumentMapper.nfc(item.body());
        doc.setField(Fields.BODY, DocumentMapper.cap(body));
        if (!body.isEmpty()) {
            doc.setField(Fields.BODY + ".text", body);
        }
        if (!item.attachments().isEmpty()) {
            doc.setField(Fields.HAS, DocumentMapper.HAS_ATTACHMENT);
            StringBuilder texts = new StringBuilder();
            for (Attachment attachment : item.attachments()) {
                String name = DocumentMapper.nfc(attachment.name());
                String text = DocumentMapper.nfc(attachment.text() != null ? attachment.text()
                        : attachment.content() != null ? extractor.extract(attachment.name(), attachment.content())
                        : "");
                doc.addField(Fields.ATTACHMENT_NAME, name);
                doc.addField(Fields.ATTACHMENT_TEXT + ".parts", DocumentMapper.searchableName(name));
                if (!text.isEmpty()) {
                    doc.addField(Fields.ATTACHMENT_TEXT + ".parts", text);
                    if (texts.length() < DocumentMapper.MAX_STORED_CHARS) {
                        texts.append(text).append('\n');
                    }
                }
            }
            if (!texts.isEmpty()) {
                doc.setField(Fields.ATTACHMENT_TEXT, DocumentMapper.cap(texts.toString()));
            }
        }
        doc.setField(Fields.AUTHOR, DocumentMapper.nfc(item.author()));
        for (String recipient : item.recipients()) {
            doc.addField(Fields.RECIPIENTS_FOLDED, DocumentMapper.nfc(recipient));
        }
        for (String unit : item.units()) {
            String code = unit.trim();
            if (!code.isEmpty()) {
                doc.addField(Fields.UNIT, code.toLowerCase(Locale.ROOT));
                doc.addField(Fields.UNIT_FACET, code);
            }
        }
        doc.setField(Fields.TIME, item.time().toEpochMilli());
        doc.setField(Fields.MONTH_FACET, month.format(item.time()));
        doc.setField(Fields.URL, item.url());
        for (Reader reader : item.readers()) {
            doc.addField(Fields.READERS, reader.toString());
        }
        doc.setField(Fields.INDEXED_AT, nextStamp());
        return doc;
    }

    @Override
    public void delete(String source, String id) {
        ensureOpen();
        try {
            client.deleteById(collection, Fields.key(source, id), commitWithin);
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("Cannot delete from Solr: " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteAll(String source) {
        deleteByQuery(Fields.SOURCE + ":" + ClientUtils.escapeQueryChars(source));
    }

    private void deleteByQuery(String query) {
        ensureOpen();
        try {
            client.deleteByQuery(collection, query, commitWithin);
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("Cannot delete from Solr: " + e.getMessage(), e);
        }
    }

    /** Makes everything put so far searchable now (a soft commit), instead of within {@code commit-within}. */
    @Override
    public void refresh() {
        commit(true);
    }

    /** Makes everything put so far durable in the index files now (the transaction logs already hold it). */
    @Override
    public void commit() {
        commit(false);
        lastCommit.set(System.currentTimeMillis());
    }

    private void commit(boolean soft) {
        ensureOpen();
        try {
            client.commit(collection, true, true, soft);
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("Solr commit failed: " + e.getMessage(), e);
        }
    }

    // ---- searching

    @Override
    public SearchResult search(SearchRequest request) {
        ensureOpen();
        List<String> known = knownSources();
        // Read (and reject) the query here, in the caller's thread, with the message meant for the user.
        QueryBuilder.Built built = ArchiveQueries.build(request.query(), List.copyOf(request.principals()),
                List.copyOf(request.sources()), known, settings.timeZone());
        if (request.principals().isEmpty()) {
            return SearchResult.empty(request);
        }
        int from = request.page() * request.pageSize();
        int rows = Math.max(0, Math.min(from + request.pageSize(), LuceneArchive.MAX_WINDOW) - from);
        SolrQuery query = query(request.query(), request.principals(), request.sources(), known);
        query.setStart(from);
        query.setRows(rows);
        if (request.sort() == SearchSort.DATE) {
            query.addSort(Fields.TIME, SolrQuery.ORDER.desc).addSort("score", SolrQuery.ORDER.desc);
        } else {
            query.addSort("score", SolrQuery.ORDER.desc).addSort(Fields.TIME, SolrQuery.ORDER.desc);
        }
        query.setFacet(true).setFacetMinCount(1).setFacetLimit(-1).addFacetField(FACET_FIELDS);
        query.set("f." + Fields.UNIT_FACET + ".facet.limit", FacetCollectorManager.MAX_UNITS);
        QueryResponse response = run(query);
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (SolrDocument doc : response.getResults()) {
            hits.add(hit(doc, built));
        }
        return new SearchResult(response.getResults().getNumFound(), request.page(), request.pageSize(), hits,
                new SearchResult.Facets(
                        facet(response, Fields.SOURCE, byCount(), Integer.MAX_VALUE),
                        facet(response, Fields.UNIT_FACET, byCount(), FacetCollectorManager.MAX_UNITS),
                        facet(response, Fields.MONTH_FACET,
                                Comparator.comparing(FacetCount::value).reversed(), Integer.MAX_VALUE)));
    }

    private SolrQuery query(String userQuery, Collection<Reader> principals, Collection<String> sources,
                            List<String> known) {
        SolrQuery query = new SolrQuery(userQuery);
        query.set("defType", ArchiveQueries.PARSER);
        query.set(ArchiveQueries.READER, principals.stream().map(Reader::toString).toArray(String[]::new));
        if (!sources.isEmpty()) {
            query.set(ArchiveQueries.SOURCE, sources.toArray(String[]::new));
        }
        if (!known.isEmpty()) {
            query.set(ArchiveQueries.KNOWN, known.toArray(String[]::new));
        }
        query.set(ArchiveQueries.ZONE, settings.timeZone().getId());
        return query;
    }

    private QueryResponse run(SolrQuery query) {
        try {
            return client.query(collection, query, org.apache.solr.client.solrj.SolrRequest.METHOD.POST);
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("Solr search failed: " + e.getMessage(), e);
        } catch (SolrException e) {
            if (e.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
                // The query was read here first, so this is not the user's typing: log Solr's reason.
                log.warn("Solr refused the archive query {}: {}", query, e.getMessage());
                throw new QuerySyntaxException("Máy chủ tìm kiếm không đọc được câu tìm kiếm này. "
                        + "Hãy viết lại đơn giản hơn.", 0);
            }
            throw e;
        }
    }

    private SearchResult.Hit hit(SolrDocument doc, QueryBuilder.Built built) {
        String body = string(doc, Fields.BODY);
        String snippet = snippets.snippet(body, built.highlightTerms());
        if (snippet == null) {
            snippet = snippets.snippet((String) doc.getFirstValue(Fields.ATTACHMENT_TEXT), built.highlightTerms());
        }
        if (snippet == null) {
            snippet = SnippetMaker.lead(body);
        }
        return new SearchResult.Hit(string(doc, Fields.SOURCE), string(doc, Fields.ID), string(doc, Fields.TITLE),
                snippet, string(doc, Fields.URL), Instant.ofEpochMilli(((Number) doc.getFirstValue(Fields.TIME)).longValue()),
                string(doc, Fields.AUTHOR), strings(doc, Fields.UNIT_FACET), strings(doc, Fields.ATTACHMENT_NAME));
    }

    private static String string(SolrDocument doc, String field) {
        Object value = doc.getFirstValue(field);
        return value == null ? "" : value.toString();
    }

    private static List<String> strings(SolrDocument doc, String field) {
        Collection<Object> values = doc.getFieldValues(field);
        return values == null ? List.of() : values.stream().map(Object::toString).toList();
    }

    private static Comparator<FacetCount> byCount() {
        return Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);
    }

    private static List<FacetCount> facet(QueryResponse response, String field, Comparator<FacetCount> order,
                                          int limit) {
        FacetField facet = response.getFacetField(field);
        if (facet == null || facet.getValues() == null) {
            return List.of();
        }
        List<FacetCount> counts = new ArrayList<>();
        for (FacetField.Count count : facet.getValues()) {
            if (count.getCount() > 0) {
                counts.add(new FacetCount(count.getName(), count.getCount()));
            }
        }
        counts.sort(order);
        return List.copyOf(counts.subList(0, Math.min(limit, counts.size())));
    }

    private List<String> knownSources() {
        return feeders().stream().map(ArchiveFeeder::source).distinct().toList();
    }

    /** Items counted per source, fresh from Solr (for the health check and the admin page). */
    private Map<String, Long> countsBySource() {
        SolrQuery query = new SolrQuery("*:*");
        query.setRows(0);
        query.setFacet(true).setFacetMinCount(1).setFacetLimit(-1).addFacetField(Fields.SOURCE);
        Map<String, Long> bySource = new LinkedHashMap<>();
        facet(run(query), Fields.SOURCE, byCount(), Integer.MAX_VALUE)
                .forEach(count -> bySource.put(count.value(), count.count()));
        return bySource;
    }

    // ---- rebuilding

    @Override
    public boolean rebuildNeeded() {
        return rebuildPending.get();
    }

    @Override
    public RebuildReport rebuildIfNeeded() {
        if (!rebuildNeeded()) {
            return null;
        }
        log.info("Archive: re-feeding the new Solr collection '{}' from the sources", collection);
        RebuildReport report = rebuild();
        if (report.succeeded()) {
            rebuildPending.set(false);
        } else {
            log.error("Archive rebuild did not complete; run it again from the admin page: {}", report);
        }
        return report;
    }

    /**
     * What a feeder puts during a rebuild goes to Solr {@value #BATCH} items per request, not one by one; anything
     * else the feeder does (search, delete) first sends what is waiting.
     */
    private static final class BatchingArchive extends FeederArchive {

        private final List<ArchiveItem> waiting = new ArrayList<>();

        BatchingArchive(SolrArchive solr) {
            super(solr);
        }

        @Override
        public synchronized void put(ArchiveItem item) {
            waiting.add(item);
            if (waiting.size() >= BATCH) {
                flush();
            }
        }

        synchronized void flush() {
            if (!waiting.isEmpty()) {
                archive.putAll(List.copyOf(waiting));
                waiting.clear();
            }
        }

        @Override
        public void delete(String source, String id) {
            flush();
            super.delete(source, id);
        }

        @Override
        public void deleteAll(String source) {
            flush();
            super.deleteAll(source);
        }

        @Override
        public SearchResult search(SearchRequest request) {
            flush();
            return super.search(request);
        }

        @Override
        public ArchiveStatus status() {
            flush();
            return super.status();
        }
    }

    /**
     * Instances stamp with their own clocks: keep them in step (NTP), or an item another instance puts while a
     * rebuild runs, with a clock behind by more than the rebuild's age, counts as not re-fed.
     */
    @Override
    SourceReport refeed(ArchiveFeeder feeder, long since) {
        String source = feeder.source();
        BatchingArchive batches = new BatchingArchive(this);
        FeedingArchive feeding = new FeedingArchive(batches, source);
        SourceReport failed = feed(feeder, feeding, batches::flush);
        if (failed != null) {
            return failed;
        }
        // What the feeder did not put again no longer exists at the source.
        String stale = "+" + Fields.SOURCE + ":" + ClientUtils.escapeQueryChars(source)
                + " +" + Fields.INDEXED_AT + ":[* TO " + (since - 1) + "]";
        try {
            refresh();
            SolrQuery count = new SolrQuery(stale);
            count.setRows(0);
            long removed = run(count).getResults().getNumFound();
            if (removed > 0) {
                deleteByQuery(stale);
            }
            return new SourceReport(source, feeding.count(), removed, null);
        } catch (RuntimeException e) {
            return new SourceReport(source, feeding.count(), 0, e.toString());
        }
    }

    @Override
    public ArchiveStatus status() {
        ensureOpen();
        long committed = lastCommit.get();
        return new ArchiveStatus(countsBySource(), startup, committed == 0 ? null : Instant.ofEpochMilli(committed),
                rebuilding());
    }

    /** Counts the items with a query over every shard: fails unless each shard has a live replica. */
    long ping() {
        ensureOpen();
        SolrQuery query = new SolrQuery("*:*");
        query.setRows(0);
        return run(query).getResults().getNumFound();
    }

    public Startup startup() {
        return startup;
    }

    ArchiveSettings settings() {
        return settings;
    }

    CloudSolrClient client() {
        return client;
    }

    // ---- lifecycle

    /** Closes the client; the collection and what it holds stay in Solr. */
    @Override
    public void close() {
        if (markClosed()) {
            closeQuietly(client);
            extractor.close();
        }
    }

    private static void closeQuietly(SolrClient client) {
        try {
            client.close();
        } catch (IOException e) {
            log.warn("Closing the Solr client failed", e);
        }
    }
}
