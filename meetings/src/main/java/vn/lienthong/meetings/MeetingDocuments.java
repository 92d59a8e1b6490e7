package vn.lienthong.meetings;

import java.io.InputStream;
import java.util.List;

/**
 * Documents (tài liệu) and minutes (biên bản) of a meeting. Invitees and managers read them; managers and the
 * chair write them, before and after the meeting (not while it is cancelled). Files are kept under the data folder,
 * at most {@code lienthong.meetings.documents.max-size} each; their text goes to the archive with the meeting.
 */
public interface MeetingDocuments {

    List<DocumentView> documents(String viewer, long meetingId);

    /**
     * Stores a document. The content is read to the end; more than the size limit is refused (TOO_LARGE) and
     * nothing is kept.
     */
    DocumentView upload(String actor, long meetingId, String fileName, String contentType, InputStream content);

    DocumentContent download(String viewer, long meetingId, long documentId);

    void delete(String actor, long meetingId, long documentId);

    /** The minutes of a single meeting ({@code occurrenceId == null}) or of one occurrence; empty text if none. */
    Minutes minutes(String viewer, long meetingId, String occurrenceId);

    Minutes saveMinutes(String actor, long meetingId, String occurrenceId, String text);
}
