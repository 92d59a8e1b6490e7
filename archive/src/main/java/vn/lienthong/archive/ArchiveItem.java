package vn.lienthong.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One searchable thing: a mail, a chat message, a meeting, a unit or an official.
 *
 * @param source      the module it comes from: lower-case letters, digits and dashes ({@code mail}, {@code chat},
 *                    {@code meeting}, {@code directory})
 * @param id          its id within the source; {@code (source, id)} is the key
 * @param title       subject or name; may be empty (chat messages)
 * @param body        the text
 * @param author      who wrote it, as shown and as matched by {@code from:}, e.g.
 *                    {@code "Nguyễn Văn An <an.nguyen@baclieu.gov.vn>"}; may be empty
 * @param recipients  who it was sent to, matched by {@code to:}
 * @param units       codes of the units it belongs to (e.g. {@code BL-VL}), matched by {@code unit:} and faceted
 * @param time        when it was written or happens; sorts and filters by date
 * @param url         where it lives in the suite, relative to the application (e.g. {@code /mail/123})
 * @param attachments files whose text is searched too
 * @param readers     who may read it; at least one. An item nobody may read would be invisible forever.
 */
public record ArchiveItem(String source, String id, String title, String body, String author,
                          List<String> recipients, List<String> units, Instant time, String url,
                          List<Attachment> attachments, Set<Reader> readers) {

    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public ArchiveItem {
        Objects.requireNonNull(source, "source");
        if (!SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("source must be lower-case letters, digits or '-': " + source);
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Objects.requireNonNull(time, "time");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        author = author == null ? "" : author;
        url = url == null ? "" : url;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        units = units == null ? List.of() : List.copyOf(units);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        readers = readers == null ? Set.of() : Set.copyOf(readers);
        if (readers.isEmpty()) {
            throw new IllegalArgumentException("item " + source + ":" + id + " has no readers");
        }
    }

    /** Starts an item of the source with the id; time defaults to now. */
    public static Builder builder(String source, String id) {
        return new Builder(source, id);
    }

    /** Builds an {@link ArchiveItem} step by step. Not thread-safe. */
    public static final class Builder {

        private final String source;
        private final String id;
        private String title = "";
        private String body = "";
        private String author = "";
        private final List<String> recipients = new ArrayList<>();
        private final List<String> units = new ArrayList<>();
        private Instant time = Instant.now();
        private String url = "";
        private final List<Attachment> attachments = new ArrayList<>();
        private final Set<Reader> readers = new LinkedHashSet<>();

        private Builder(String source, String id) {
            this.source = source;
            this.id = id;
        }

        public Builder title(String title) { this.title = title; return this; }
        public Builder body(String body) { this.body = body; return this; }
        public Builder author(String author) { this.author = author; return this; }
        public Builder recipients(String... recipients) { this.recipients.addAll(List.of(recipients)); return this; }
        public Builder units(String... units) { this.units.addAll(List.of(units)); return this; }
        public Builder time(Instant time) { this.time = time; return this; }
        public Builder url(String url) { this.url = url; return this; }
        public Builder attachment(Attachment attachment) { this.attachments.add(attachment); return this; }
        public Builder readers(Reader... readers) { this.readers.addAll(List.of(readers)); return this; }
        public Builder readers(Iterable<Reader> readers) { readers.forEach(this.readers::add); return this; }

        public ArchiveItem build() {
            return new ArchiveItem(source, id, title, body, author, recipients, units, time, url, attachments,
                    readers);
        }
    }
}
