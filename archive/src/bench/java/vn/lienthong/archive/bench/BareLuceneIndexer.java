package vn.lienthong.archive.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.analysis.VietnameseAnalyzer;

/**
 * The baseline: the same items as the same fields (exact and folded text, keys, doc values, readers), written
 * straight to a plain {@link IndexWriter} by {@code updateDocument}, with the same analysers and RAM buffer, but
 * no archive around it: no near-real-time refresh thread, no commit schedule, no attachment handling.
 */
final class BareLuceneIndexer implements AutoCloseable {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT)
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final IndexWriter writer;

    BareLuceneIndexer(Path dir, int ramBufferMb) throws IOException {
        Analyzer exact = VietnameseAnalyzer.exact();
        Analyzer analyzer = new PerFieldAnalyzerWrapper(VietnameseAnalyzer.folded(),
                Map.of("title.exact", exact, "body.exact", exact));
        writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(ramBufferMb));
    }

    void put(ArchiveItem item) throws IOException {
        Document doc = new Document();
        String key = item.source() + ":" + item.id();
        doc.add(new StringField("key", key, Field.Store.NO));
        doc.add(new StringField("source", item.source(), Field.Store.YES));
        doc.add(new SortedSetDocValuesField("source.facet", new BytesRef(item.source())));
        doc.add(new StoredField("id", item.id()));
        doc.add(new StoredField("title", item.title()));
        if (!item.title().isEmpty()) {
            doc.add(new TextField("title.exact", item.title(), Field.Store.NO));
            doc.add(new TextField("title.folded", item.title(), Field.Store.NO));
        }
        doc.add(new StoredField("body", item.body()));
        doc.add(new TextField("body.exact", item.body(), Field.Store.NO));
        doc.add(new TextField("body.folded", item.body(), Field.Store.NO));
        doc.add(new StoredField("author", item.author()));
        doc.add(new TextField("author.folded", item.author(), Field.Store.NO));
        for (String recipient : item.recipients()) {
            doc.add(new TextField("to.folded", recipient, Field.Store.NO));
        }
        for (String unit : item.units()) {
            doc.add(new StringField("unit", unit.toLowerCase(Locale.ROOT), Field.Store.NO));
            doc.add(new StoredField("unit.facet", unit));
            doc.add(new SortedSetDocValuesField("unit.facet", new BytesRef(unit)));
        }
        long time = item.time().toEpochMilli();
        doc.add(new LongPoint("time", time));
        doc.add(new NumericDocValuesField("time", time));
        doc.add(new StoredField("time", time));
        doc.add(new SortedSetDocValuesField("month.facet", new BytesRef(MONTH.format(item.time()))));
        doc.add(new StoredField("url", item.url()));
        for (Reader reader : item.readers()) {
            doc.add(new StringField("readers", reader.toString(), Field.Store.NO));
        }
        doc.add(new LongPoint("indexed_at", System.currentTimeMillis()));
        writer.updateDocument(new Term("key", key), doc);
    }

    void commit() throws IOException {
        writer.commit();
    }

    @Override
    public void close() throws IOException {
        writer.close();
        writer.getDirectory().close();
    }
}
