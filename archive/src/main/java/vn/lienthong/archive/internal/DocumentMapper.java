package vn.lienthong.archive.internal;

import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Reader;

/**
 * Turns an item (with its attachments' texts known) into a Lucene document. Stored text is NFC-normalised so
 * snippet offsets computed on it match what the analysers saw.
 */
final class DocumentMapper {

    static final String HAS_ATTACHMENT = "attachment";
    /** Stored text per field is capped; everything is still indexed. */
    static final int MAX_STORED_CHARS = 100_000;

    private final DateTimeFormatter month;

    DocumentMapper(ZoneId zone) {
        this.month = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT).withZone(zone);
    }

    /** An attachment by name and the text found in it (empty when it could not be read). */
    record AttachmentText(String name, String text) {
    }

    Document toDocument(ArchiveItem item, List<AttachmentText> attachments, long indexedAt) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KEY, Fields.key(item.source(), item.id()), Field.Store.NO));
        doc.add(new StringField(Fields.SOURCE, item.source(), Field.Store.YES));
        doc.add(new SortedSetDocValuesField(Fields.SOURCE_FACET, new BytesRef(item.source())));
        doc.add(new StoredField(Fields.ID, item.id()));

        String title = nfc(item.title());
        String body = nfc(item.body());
        doc.add(new StoredField(Fields.TITLE, title));
        addText(doc, Fields.TITLE_EXACT, Fields.TITLE_FOLDED, title);
        doc.add(new StoredField(Fields.BODY, cap(body)));
        addText(doc, Fields.BODY_EXACT, Fields.BODY_FOLDED, body);

        if (!attachments.isEmpty()) {
            doc.add(new StringField(Fields.HAS, HAS_ATTACHMENT, Field.Store.NO));
            StringBuilder texts = new StringBuilder();
            for (AttachmentText attachment : attachments) {
                String name = nfc(attachment.name());
                doc.add(new StoredField(Fields.ATTACHMENT_NAME, name));
                addText(doc, Fields.ATTACHMENT_EXACT, Fields.ATTACHMENT_FOLDED, searchableName(name));
                String text = nfc(attachment.text());
                if (!text.isEmpty()) {
                    addText(doc, Fields.ATTACHMENT_EXACT, Fields.ATTACHMENT_FOLDED, text);
                    if (texts.length() < MAX_STORED_CHARS) {
                        texts.append(text).append('\n');
                    }
                }
            }
            if (!texts.isEmpty()) {
                doc.add(new StoredField(Fields.ATTACHMENT_TEXT, cap(texts.toString())));
            }
        }

        String author = nfc(item.author());
        doc.add(new StoredField(Fields.AUTHOR, author));
        if (!author.isEmpty()) {
            doc.add(new TextField(Fields.AUTHOR_FOLDED, author, Field.Store.NO));
        }
        for (String recipient : item.recipients()) {
            doc.add(new TextField(Fields.RECIPIENTS_FOLDED, nfc(recipient), Field.Store.NO));
        }
        for (String unit : item.units()) {
            String code = unit.trim();
            if (!code.isEmpty()) {
                doc.add(new StringField(Fields.UNIT, code.toLowerCase(Locale.ROOT), Field.Store.NO));
                doc.add(new StoredField(Fields.UNIT_FACET, code));
                doc.add(new SortedSetDocValuesField(Fields.UNIT_FACET, new BytesRef(code)));
            }
        }
        long time = item.time().toEpochMilli();
        doc.add(new LongPoint(Fields.TIME, time));
        doc.add(new NumericDocValuesField(Fields.TIME, time));
        doc.add(new StoredField(Fields.TIME, time));
        doc.add(new SortedSetDocValuesField(Fields.MONTH_FACET, new BytesRef(month.format(item.time()))));
        doc.add(new StoredField(Fields.URL, item.url()));
        for (Reader reader : item.readers()) {
            doc.add(new StringField(Fields.READERS, reader.toString(), Field.Store.NO));
        }
        doc.add(new LongPoint(Fields.INDEXED_AT, indexedAt));
        return doc;
    }

    private static void addText(Document doc, String exactField, String foldedField, String text) {
        if (!text.isEmpty()) {
            doc.add(new TextField(exactField, text, Field.Store.NO));
            doc.add(new TextField(foldedField, text, Field.Store.NO));
        }
    }

    static String nfc(String text) {
        if (text == null) {
            return "";
        }
        // Fast path: nothing below U+0300 and no precomposed Vietnamese letter (U+1E00–U+1EFF) composes further.
        boolean plain = true;
        for (int i = 0, n = text.length(); i < n && plain; i++) {
            char c = text.charAt(i);
            plain = c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF);
        }
        if (plain || Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return text;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** {@code "bien-ban_hop.pdf"} is searchable as {@code "bien ban hop pdf"}. */
    static String searchableName(String fileName) {
        return fileName.replaceAll("[._\\-]+", " ");
    }

    static String cap(String text) {
        return text.length() <= MAX_STORED_CHARS ? text : text.substring(0, MAX_STORED_CHARS);
    }
}
