package vn.lienthong.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.lienthong.meetings.DocumentView;

/** Documents ({@code meet_document}, the files live under the data folder) and minutes ({@code meet_minutes}). */
@Repository
class MeetingDocumentRepository {

    /** A document row: the view plus where its file is. */
    record StoredDocument(DocumentView view, long meetingId, String sha256, String storageName) {
    }

    /** The minutes of a meeting or occurrence. */
    record MinutesRow(String occurrenceKey, String body, String updatedBy, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    MeetingDocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long meetingId, String name, String contentType, long size, String sha256, String storageName,
                String uploadedBy, Instant uploadedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into meet_document (meeting_id, name, content_type, size_bytes, sha256, storage_name, "
                        + "uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(meetingId, name, contentType, size, sha256, storageName, uploadedBy,
                        Timestamps.in(uploadedAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<StoredDocument> documents(long meetingId) {
        return jdbc.sql("select id, meeting_id, name, content_type, size_bytes, sha256, storage_name, uploaded_by, "
                        + "uploaded_at from meet_document where meeting_id = ? order by uploaded_at, id")
                .param(meetingId).query(MeetingDocumentRepository::document).list();
    }

    Optional<StoredDocument> find(long meetingId, long documentId) {
        return jdbc.sql("select id, meeting_id, name, content_type, size_bytes, sha256, storage_name, uploaded_by, "
                        + "uploaded_at from meet_document where meeting_id = ? and id = ?")
                .params(meetingId, documentId).query(MeetingDocumentRepository::document).optional();
    }

    void delete(long documentId) {
        jdbc.sql("delete from meet_document where id = ?").param(documentId).update();
    }

    Optional<MinutesRow> minutes(long meetingId, String occurrenceKey) {
        return jdbc.sql("select occurrence_key, body, updated_by, updated_at from meet_minutes "
                        + "where meeting_id = ? and occurrence_key = ?")
                .params(meetingId, occurrenceKey).query(MeetingDocumentRepository::minutes).optional();
    }

    List<MinutesRow> allMinutes(long meetingId) {
        return jdbc.sql("select occurrence_key, body, updated_by, updated_at from meet_minutes where meeting_id = ? "
                        + "order by occurrence_key")
                .param(meetingId).query(MeetingDocumentRepository::minutes).list();
    }

    void putMinutes(long meetingId, String occurrenceKey, String body, String updatedBy, Instant updatedAt) {
        int updated = jdbc.sql("update meet_minutes set body = ?, updated_by = ?, updated_at = ? "
                        + "where meeting_id = ? and occurrence_key = ?")
                .params(body, updatedBy, Timestamps.in(updatedAt), meetingId, occurrenceKey).update();
        if (updated == 0) {
            jdbc.sql("insert into meet_minutes (meeting_id, occurrence_key, body, updated_by, updated_at) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(meetingId, occurrenceKey, body, updatedBy, Timestamps.in(updatedAt)).update();
        }
    }

    boolean hasMinutes(long meetingId) {
        return jdbc.sql("select count(*) from meet_minutes where meeting_id = ? and body <> ''")
                .param(meetingId).query(Long.class).single() > 0;
    }

    private static StoredDocument document(ResultSet rs, int row) throws SQLException {
        return new StoredDocument(new DocumentView(rs.getLong("id"), rs.getString("name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                Timestamps.out(rs, "uploaded_at")), rs.getLong("meeting_id"), rs.getString("sha256"),
                rs.getString("storage_name"));
    }

    private static MinutesRow minutes(ResultSet rs, int row) throws SQLException {
        return new MinutesRow(rs.getString("occurrence_key"), rs.getString("body"), rs.getString("updated_by"),
                Timestamps.out(rs, "updated_at"));
    }
}
