package vn.lienthong.archive.internal;

/** Field names of the index. One document per item. */
final class Fields {

    /** {@code source:id}, the unique key (StringField). */
    static final String KEY = "key";
    static final String SOURCE = "source";
    static final String ID = "id";
    /** Stored original title and its two analysed forms. */
    static final String TITLE = "title";
    static final String TITLE_EXACT = "title.exact";
    static final String TITLE_FOLDED = "title.folded";
    static final String BODY = "body";
    static final String BODY_EXACT = "body.exact";
    static final String BODY_FOLDED = "body.folded";
    /** Attachment names and texts, searched with a lower weight. */
    static final String ATTACHMENT_TEXT = "attachment";
    static final String ATTACHMENT_EXACT = "attachment.exact";
    static final String ATTACHMENT_FOLDED = "attachment.folded";
    static final String ATTACHMENT_NAME = "attachment.name";
    static final String AUTHOR = "author";
    static final String AUTHOR_FOLDED = "author.folded";
    static final String RECIPIENTS_FOLDED = "to.folded";
    /** Unit codes: lower-cased StringField for {@code unit:}, doc values with the code as given for facets. */
    static final String UNIT = "unit";
    static final String UNIT_FACET = "unit.facet";
    static final String SOURCE_FACET = "source.facet";
    static final String MONTH_FACET = "month.facet";
    /** Epoch milliseconds: point for ranges, doc values for sorting, stored for hits. */
    static final String TIME = "time";
    static final String URL = "url";
    /** Canonical {@link vn.lienthong.archive.Reader} strings; the permission filter. */
    static final String READERS = "readers";
    /** {@code attachment} when the item has one. */
    static final String HAS = "has";
    /**
     * When the document was written, as a stamp that never repeats (epoch microseconds, bumped by one when two puts
     * fall in the same microsecond), so a rebuild can drop exactly what its feeder did not put again.
     */
    static final String INDEXED_AT = "indexed_at";

    static String key(String source, String id) {
        return source + ":" + id;
    }

    private Fields() {
    }
}
