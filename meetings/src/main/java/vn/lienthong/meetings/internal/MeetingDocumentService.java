package vn.lienthong.meetings.internal;

import java.io.InputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.meetings.DocumentContent;
import vn.lienthong.meetings.DocumentView;
import vn.lienthong.meetings.MeetingDocuments;
import vn.lienthong.meetings.MeetingException;
import vn.lienthong.meetings.Minutes;

/** {@link MeetingDocuments}: files through {@link MeetingDocumentStore}, rows and minutes in the database, then the archive. */
@Service
class MeetingDocumentService implements MeetingDocuments {

    static final int MAX_MINUTES = 200_000;

    /** Types served as they are; anything else is served as a download of unknown type. */
    private static final Set<String> SERVED_TYPES = Set.of("application/pdf", "application/msword",
            "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/rtf", "text/plain", "text/csv",
            "image/png", "image/jpeg", "image/gif", "application/zip");
    private static final String OCTET_STREAM = "application/octet-stream";

    private final MeetingAccess access;
    private final MeetingRepository meetings;
    private final MeetingDocumentRepository documents;
    private final MeetingDocumentStore store;
    private final MeetingOutbox outbox;
    private final MeetingClock clock;
    private final TransactionTemplate transactions;

    MeetingDocumentService(MeetingAccess access, MeetingRepository meetings, MeetingDocumentRepository documents, MeetingDocumentStore store,
                    MeetingOutbox outbox, MeetingClock clock, TransactionTemplate transactions) {
        this.access = access;
        this.meetings = meetings;
        this.documents = documents;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Override
    public List<DocumentView> documents(String viewer, long meetingId) {
        MeetingAccess.Viewer v = access.viewer(viewer);
        v.visible(meetings.load(meetingId));
        return documents.documents(meetingId).stream().map(MeetingDocumentRepository.StoredDocument::view).toList();
    }

    @Override
    public DocumentView upload(String actor, long meetingId, String fileName, String contentType,
                               InputStream content) {
        MeetingAccess.Viewer v = access.viewer(actor);
        Meeting meeting = writable(v, meetingId);
        String name = fileName(fileName);
        String type = contentType(contentType);
        MeetingDocumentStore.Stored stored = store.write(meeting.id(), content);
        try {
            long id = transactions.execute(status -> {
                Instant now = clock.now();
                long documentId = documents.insert(meetingId, name, type, stored.size(), stored.sha256(),
                        stored.storageName(), v.username(), now);
                outbox.enqueue(MeetingOutbox.Kind.ARCHIVE, meetingId, "", "", now);
                return documentId;
            });
            return documents.find(meetingId, id).orElseThrow().view();
        }
        catch (RuntimeException ex) {
            store.delete(meetingId, stored.storageName());
            throw ex;
        }
    }

    @Override
    public DocumentContent download(String viewer, long meetingId, long documentId) {
        MeetingAccess.Viewer v = access.viewer(viewer);
        v.visible(meetings.load(meetingId));
        MeetingDocumentRepository.StoredDocument document = documents.find(meetingId, documentId)
                .orElseThrow(() -> new MeetingException(MeetingException.Reason.NOT_FOUND,
                        "Không tìm thấy tài liệu."));
        return new DocumentContent(document.view().name(), served(document.view().contentType()),
                document.view().size(), () -> store.open(meetingId, document.storageName()));
    }

    @Override
    public void delete(String actor, long meetingId, long documentId) {
        MeetingAccess.Viewer v = access.viewer(actor);
        writable(v, meetingId);
        MeetingDocumentRepository.StoredDocument document = documents.find(meetingId, documentId)
                .orElseThrow(() -> new MeetingException(MeetingException.Reason.NOT_FOUND,
                        "Không tìm thấy tài liệu."));
        transactions.executeWithoutResult(status -> {
            documents.delete(documentId);
            outbox.enqueue(MeetingOutbox.Kind.ARCHIVE, meetingId, "", "", clock.now());
        });
        store.delete(meetingId, document.storageName());
    }

    @Override
    public Minutes minutes(String viewer, long meetingId, String occurrenceId) {
        MeetingAccess.Viewer v = access.viewer(viewer);
        Meeting meeting = v.visible(meetings.load(meetingId));
        String key = occurrenceKey(meeting, occurrenceId);
        return documents.minutes(meetingId, key)
                .map(row -> new Minutes(meetingId, key.isEmpty() ? null : key, row.body(), row.updatedBy(),
                        row.updatedAt()))
                .orElse(new Minutes(meetingId, key.isEmpty() ? null : key, "", null, null));
    }

    @Override
    public Minutes saveMinutes(String actor, long meetingId, String occurrenceId, String text) {
        MeetingAccess.Viewer v = access.viewer(actor);
        Meeting meeting = writable(v, meetingId);
        String key = occurrenceKey(meeting, occurrenceId);
        String body = text == null ? "" : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        if (body.length() > MAX_MINUTES) {
            throw MeetingException.invalid("text", "Biên bản tối đa " + MAX_MINUTES + " ký tự.");
        }
        Instant now = clock.now();
        transactions.executeWithoutResult(status -> {
            documents.putMinutes(meetingId, key, body, v.username(), now);
            outbox.enqueue(MeetingOutbox.Kind.ARCHIVE, meetingId, "", "", now);
        });
        return new Minutes(meetingId, key.isEmpty() ? null : key, body, v.username(), now);
    }

    /** The meeting if the actor may attach documents and write minutes (managers and the chair). */
    private Meeting writable(MeetingAccess.Viewer v, long meetingId) {
        Meeting meeting = v.visible(meetings.load(meetingId));
        if (!v.recorder(meeting.record())) {
            throw new MeetingException(MeetingException.Reason.FORBIDDEN,
                    "Chỉ người chủ trì và người tổ chức mới thêm tài liệu, ghi biên bản.");
        }
        if (meeting.record().cancelled()) {
            throw new MeetingException(MeetingException.Reason.CONFLICT, "Cuộc họp đã huỷ.");
        }
        return meeting;
    }

    private static String occurrenceKey(Meeting meeting, String occurrenceId) {
        boolean given = occurrenceId != null && !occurrenceId.isBlank();
        if (!meeting.record().recurring()) {
            if (given) {
                throw MeetingException.invalid("occurrenceId", "Đây không phải cuộc họp định kỳ.");
            }
            return "";
        }
        if (!given) {
            throw MeetingException.invalid("occurrenceId", "Chọn buổi họp của chuỗi (occurrenceId).");
        }
        Schedule.Slot slot = Schedule.find(meeting.record(), meeting.exceptions(), occurrenceId.strip());
        if (slot == null) {
            throw new MeetingException(MeetingException.Reason.NOT_FOUND, "Không có buổi họp này trong chuỗi.");
        }
        return slot.key();
    }

    /** The file's own name (no folders), NFC, without control characters, at most 255 characters. */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = Normalizer.normalize(name.substring(slash + 1), Normalizer.Form.NFC)
                .replaceAll("\\p{Cntrl}", "").replace("\"", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "tai-lieu";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static String contentType(String raw) {
        if (raw == null || raw.isBlank()) {
            return OCTET_STREAM;
        }
        String type = raw.strip().toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = semicolon < 0 ? type : type.substring(0, semicolon).strip();
        return type.length() > 127 || !type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+") ? OCTET_STREAM : type;
    }

    /** Office and ODF formats, and a few plain ones, keep their type; the rest (HTML, SVG, ...) is a download. */
    static String served(String type) {
        if (SERVED_TYPES.contains(type) || type.startsWith("application/vnd.openxmlformats-officedocument.")
                || type.startsWith("application/vnd.oasis.opendocument.")) {
            return type;
        }
        return OCTET_STREAM;
    }
}
