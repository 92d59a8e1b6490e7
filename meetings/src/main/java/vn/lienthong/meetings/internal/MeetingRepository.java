package vn.lienthong.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.lienthong.meetings.MeetingStatus;
import vn.lienthong.meetings.ParticipantRole;
import vn.lienthong.meetings.ResponseStatus;
import vn.lienthong.meetings.Visibility;

/** Meetings, their endpoints, participants, guests, exceptions and answers ({@code meet_*}). */
@Repository
class MeetingRepository {

    private static final String COLUMNS = "m.id, m.uid, m.title, m.agenda, m.start_at, m.end_at, m.time_zone, "
            + "m.recurrence, m.range_start_at, m.range_end_at, m.host_unit_id, m.chair_username, m.visibility, "
            + "m.status, m.sequence, m.room, m.lobby, m.max_occupants, m.created_by, m.created_at, m.updated_at, "
            + "m.cancelled_at, m.cancel_reason";

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // -------------------------------------------------------------------------------------------- meetings

    long insert(MeetingRecord m) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into meet_meeting (uid, title, agenda, start_at, end_at, time_zone, recurrence, "
                        + "range_start_at, range_end_at, host_unit_id, chair_username, visibility, status, sequence, "
                        + "room, lobby, max_occupants, created_by, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.uid(), m.title(), m.agenda(), Timestamps.in(m.startAt()), Timestamps.in(m.endAt()),
                        m.zone().getId(), m.recurrence(), Timestamps.in(m.rangeStart()), Timestamps.in(m.rangeEnd()),
                        m.hostUnitId(), m.chair(), m.visibility().name(), m.status().name(), m.sequence(), m.room(),
                        m.lobby(), m.maxOccupants(), m.createdBy(), Timestamps.in(m.createdAt()),
                        Timestamps.in(m.updatedAt()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void update(MeetingRecord m) {
        jdbc.sql("update meet_meeting set title = ?, agenda = ?, start_at = ?, end_at = ?, recurrence = ?, "
                        + "range_start_at = ?, range_end_at = ?, host_unit_id = ?, chair_username = ?, visibility = ?, "
                        + "status = ?, sequence = ?, lobby = ?, max_occupants = ?, updated_at = ?, cancelled_at = ?, "
                        + "cancel_reason = ? where id = ?")
                .params(m.title(), m.agenda(), Timestamps.in(m.startAt()), Timestamps.in(m.endAt()), m.recurrence(),
                        Timestamps.in(m.rangeStart()), Timestamps.in(m.rangeEnd()), m.hostUnitId(), m.chair(),
                        m.visibility().name(), m.status().name(), m.sequence(), m.lobby(), m.maxOccupants(),
                        Timestamps.in(m.updatedAt()), Timestamps.in(m.cancelledAt()), m.cancelReason(), m.id())
                .update();
    }

    Optional<MeetingRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from meet_meeting m where m.id = ?").param(id)
                .query(MeetingRepository::record).optional();
    }

    /** The meeting, its row locked until the transaction ends: changes to one meeting go one after the other. */
    Optional<MeetingRecord> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from meet_meeting m where m.id = ? for update").param(id)
                .query(MeetingRepository::record).optional();
    }

    Optional<MeetingRecord> findByRoom(String room) {
        return jdbc.sql("select " + COLUMNS + " from meet_meeting m where m.room = ?").param(room)
                .query(MeetingRepository::record).optional();
    }

    Optional<MeetingRecord> findByUid(String uid) {
        return jdbc.sql("select " + COLUMNS + " from meet_meeting m where m.uid = ?").param(uid)
                .query(MeetingRepository::record).optional();
    }

    Optional<Meeting> load(long id) {
        return find(id).map(record -> loadAll(List.of(record)).get(record.id()));
    }

    /** Meetings by id with everything, in the order of {@code ids}. */
    Map<Long, Meeting> loadAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<MeetingRecord> records = jdbc.sql("select " + COLUMNS + " from meet_meeting m where m.id in (:ids)")
                .param("ids", ids).query(MeetingRepository::record).list();
        return loadAll(records);
    }

    /**
     * Meetings by id for calendars and conflict checks, read cheaply: the rows and exceptions in full, but instead of
     * all their endpoints and participants only the links given (found by {@link #endpointLinks} and
     * {@link #participantLinks} for the units and people the caller cares about; a province-wide meeting has 72
     * endpoints, a calendar needs to know whether one of them is the viewer's). Such a meeting answers
     * {@link Meeting#named} and endpoint membership for those units and people only; never show or save it.
     */
    Map<Long, Meeting> loadPartial(Collection<Long> ids, Map<Long, Set<Long>> endpointLinks,
                                   Map<Long, Set<String>> participantLinks) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<MeetingRecord> records = jdbc.sql("select " + COLUMNS + " from meet_meeting m where m.id in (:ids)")
                .param("ids", ids).query(MeetingRepository::record).list();
        Map<Long, List<OccurrenceRecord>> exceptions = exceptions(ids);
        Map<Long, Meeting> result = new LinkedHashMap<>();
        for (MeetingRecord record : records) {
            List<Meeting.Participant> people = participantLinks.getOrDefault(record.id(), Set.of()).stream()
                    .map(username -> new Meeting.Participant(username, username.equals(record.chair())
                            ? ParticipantRole.CHAIR : ParticipantRole.PARTICIPANT))
                    .toList();
            result.put(record.id(), new Meeting(record, List.copyOf(endpointLinks.getOrDefault(record.id(),
                    Set.of())), people, List.of(), exceptions.getOrDefault(record.id(), List.of())));
        }
        return result;
    }

    /**
     * Which of these units are endpoints of the meetings that may overlap {@code [from, to)}: meeting id to the
     * units among {@code units}. Single meetings are found by start (at most {@code maxDuration} before {@code from}),
     * series by their whole range; both through the calendar index, one unit at a time: with an IN list on its first
     * column H2 reads every row of those units instead of the time range.
     */
    Map<Long, Set<Long>> endpointLinks(Collection<Long> units, Instant from, Instant to, Duration maxDuration) {
        Map<Long, Set<Long>> links = new LinkedHashMap<>();
        for (long unit : new LinkedHashSet<>(units)) {
            jdbc.sql("select meeting_id from meet_endpoint where unit_id = :unit and recurring = false "
                            + "and range_start_at >= :earliest and range_start_at < :to and range_end_at > :from")
                    .param("unit", unit).param("earliest", Timestamps.in(from.minus(maxDuration)))
                    .param("from", Timestamps.in(from)).param("to", Timestamps.in(to))
                    .query(Long.class).list()
                    .forEach(id -> links.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(unit));
            jdbc.sql("select meeting_id from meet_endpoint where unit_id = :unit and recurring = true "
                            + "and range_start_at < :to and (range_end_at is null or range_end_at > :from)")
                    .param("unit", unit).param("from", Timestamps.in(from)).param("to", Timestamps.in(to))
                    .query(Long.class).list()
                    .forEach(id -> links.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(unit));
        }
        return links;
    }

    /** The same for officials: meeting id to those among {@code usernames} who chair it or are named in it. */
    Map<Long, Set<String>> participantLinks(Collection<String> usernames, Instant from, Instant to,
                                           Duration maxDuration) {
        Map<Long, Set<String>> links = new LinkedHashMap<>();
        for (String username : new LinkedHashSet<>(usernames)) {
            jdbc.sql("select meeting_id from meet_participant where username = :user and recurring = false "
                            + "and range_start_at >= :earliest and range_start_at < :to and range_end_at > :from")
                    .param("user", username).param("earliest", Timestamps.in(from.minus(maxDuration)))
                    .param("from", Timestamps.in(from)).param("to", Timestamps.in(to))
                    .query(Long.class).list()
                    .forEach(id -> links.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(username));
            jdbc.sql("select meeting_id from meet_participant where username = :user and recurring = true "
                            + "and range_start_at < :to and (range_end_at is null or range_end_at > :from)")
                    .param("user", username).param("from", Timestamps.in(from)).param("to", Timestamps.in(to))
                    .query(Long.class).list()
                    .forEach(id -> links.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(username));
        }
        return links;
    }

    /** How many endpoints each meeting has. */
    Map<Long, Integer> endpointCounts(Collection<Long> ids) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, endpoint_count from meet_meeting where id in (:ids)")
                    .param("ids", ids)
                    .query(rs -> {
                        counts.put(rs.getLong("id"), rs.getInt("endpoint_count"));
                    });
        }
        return counts;
    }

    private Map<Long, List<OccurrenceRecord>> exceptions(Collection<Long> ids) {
        Map<Long, List<OccurrenceRecord>> exceptions = new LinkedHashMap<>();
        jdbc.sql("select meeting_id, occurrence_key, original_start, cancelled, start_at, end_at, reason "
                        + "from meet_occurrence where meeting_id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    exceptions.computeIfAbsent(rs.getLong("meeting_id"), k -> new ArrayList<>()).add(occurrence(rs));
                });
        exceptions.values().forEach(list -> list.sort(java.util.Comparator.comparing(OccurrenceRecord::originalStart)));
        return exceptions;
    }

    private Map<Long, Meeting> loadAll(List<MeetingRecord> records) {
        if (records.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = records.stream().map(MeetingRecord::id).toList();
        Map<Long, List<Long>> endpoints = new LinkedHashMap<>();
        jdbc.sql("select meeting_id, unit_id from meet_endpoint where meeting_id in (:ids) "
                        + "order by meeting_id, position")
                .param("ids", ids)
                .query(rs -> {
                    endpoints.computeIfAbsent(rs.getLong("meeting_id"), k -> new ArrayList<>())
                            .add(rs.getLong("unit_id"));
                });
        Map<Long, List<Meeting.Participant>> participants = new LinkedHashMap<>();
        jdbc.sql("select meeting_id, username, role from meet_participant where meeting_id in (:ids) "
                        + "order by meeting_id, position")
                .param("ids", ids)
                .query(rs -> {
                    participants.computeIfAbsent(rs.getLong("meeting_id"), k -> new ArrayList<>())
                            .add(new Meeting.Participant(rs.getString("username"),
                                    ParticipantRole.valueOf(rs.getString("role"))));
                });
        Map<Long, List<Meeting.GuestRow>> guests = new LinkedHashMap<>();
        jdbc.sql("select meeting_id, email, name from meet_guest where meeting_id in (:ids) "
                        + "order by meeting_id, position")
                .param("ids", ids)
                .query(rs -> {
                    guests.computeIfAbsent(rs.getLong("meeting_id"), k -> new ArrayList<>())
                            .add(new Meeting.GuestRow(rs.getString("email"), rs.getString("name")));
                });
        Map<Long, List<OccurrenceRecord>> exceptions = exceptions(ids);
        Map<Long, Meeting> result = new LinkedHashMap<>();
        for (MeetingRecord record : records) {
            result.put(record.id(), new Meeting(record, endpoints.getOrDefault(record.id(), List.of()),
                    participants.getOrDefault(record.id(), List.of()), guests.getOrDefault(record.id(), List.of()),
                    exceptions.getOrDefault(record.id(), List.of())));
        }
        return result;
    }

    /** Every meeting id, oldest first, for the archive's rebuild. */
    List<Long> allIds() {
        return jdbc.sql("select id from meet_meeting order by id").query(Long.class).list();
    }

    // -------------------------------------------------------------------------- endpoints, people, guests

    void replaceEndpoints(long meetingId, List<Long> unitIds, MeetingRecord range) {
        jdbc.sql("delete from meet_endpoint where meeting_id = ?").param(meetingId).update();
        jdbc.sql("update meet_meeting set endpoint_count = ? where id = ?").params(unitIds.size(), meetingId).update();
        int position = 0;
        for (long unitId : unitIds) {
            jdbc.sql("insert into meet_endpoint (meeting_id, unit_id, position, recurring, range_start_at, "
                            + "range_end_at) values (?, ?, ?, ?, ?, ?)")
                    .params(meetingId, unitId, position++, range.recurring(), Timestamps.in(range.rangeStart()),
                            Timestamps.in(range.rangeEnd()))
                    .update();
        }
    }

    void replaceParticipants(long meetingId, List<Meeting.Participant> participants, MeetingRecord range) {
        jdbc.sql("delete from meet_participant where meeting_id = ?").param(meetingId).update();
        int position = 0;
        for (Meeting.Participant participant : participants) {
            jdbc.sql("insert into meet_participant (meeting_id, username, role, position, recurring, range_start_at, "
                            + "range_end_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(meetingId, participant.username(), participant.role().name(), position++,
                            range.recurring(), Timestamps.in(range.rangeStart()), Timestamps.in(range.rangeEnd()))
                    .update();
        }
    }

    void replaceGuests(long meetingId, List<Meeting.GuestRow> guests) {
        jdbc.sql("delete from meet_guest where meeting_id = ?").param(meetingId).update();
        int position = 0;
        for (Meeting.GuestRow guest : guests) {
            jdbc.sql("insert into meet_guest (meeting_id, email, name, position) values (?, ?, ?, ?)")
                    .params(meetingId, guest.email(), guest.name(), position++)
                    .update();
        }
    }

    /** Copies the meeting's time range onto its endpoint and participant rows (the calendar indexes). */
    void updateRanges(MeetingRecord m) {
        for (String table : List.of("meet_endpoint", "meet_participant")) {
            jdbc.sql("update " + table + " set recurring = ?, range_start_at = ?, range_end_at = ? "
                            + "where meeting_id = ?")
                    .params(m.recurring(), Timestamps.in(m.rangeStart()), Timestamps.in(m.rangeEnd()), m.id())
                    .update();
        }
    }

    // ------------------------------------------------------------------------------------- exceptions

    void putException(long meetingId, OccurrenceRecord occurrence, Instant now) {
        int updated = jdbc.sql("update meet_occurrence set cancelled = ?, start_at = ?, end_at = ?, reason = ?, "
                        + "updated_at = ? where meeting_id = ? and occurrence_key = ?")
                .params(occurrence.cancelled(), Timestamps.in(occurrence.startAt()),
                        Timestamps.in(occurrence.endAt()), occurrence.reason(), Timestamps.in(now), meetingId,
                        occurrence.key())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into meet_occurrence (meeting_id, occurrence_key, original_start, cancelled, start_at, "
                            + "end_at, reason, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(meetingId, occurrence.key(), Timestamps.in(occurrence.originalStart()),
                            occurrence.cancelled(), Timestamps.in(occurrence.startAt()),
                            Timestamps.in(occurrence.endAt()), occurrence.reason(), Timestamps.in(now))
                    .update();
        }
    }

    void clearExceptions(long meetingId) {
        jdbc.sql("delete from meet_occurrence where meeting_id = ?").param(meetingId).update();
    }

    // ---------------------------------------------------------------------------------------- answers

    record Response(String attendee, String occurrenceKey, ResponseStatus status, String comment, String via,
                    Instant respondedAt) {
    }

    void putResponse(long meetingId, Response response) {
        int updated = jdbc.sql("update meet_response set status = ?, comment = ?, via = ?, responded_at = ? "
                        + "where meeting_id = ? and attendee = ? and occurrence_key = ?")
                .params(response.status().name(), response.comment(), response.via(),
                        Timestamps.in(response.respondedAt()), meetingId, response.attendee(),
                        response.occurrenceKey())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into meet_response (meeting_id, attendee, occurrence_key, status, comment, via, "
                            + "responded_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(meetingId, response.attendee(), response.occurrenceKey(), response.status().name(),
                            response.comment(), response.via(), Timestamps.in(response.respondedAt()))
                    .update();
        }
    }

    List<Response> responses(long meetingId) {
        return jdbc.sql("select attendee, occurrence_key, status, comment, via, responded_at from meet_response "
                        + "where meeting_id = ? order by responded_at")
                .param(meetingId)
                .query((rs, n) -> new Response(rs.getString("attendee"), rs.getString("occurrence_key"),
                        ResponseStatus.valueOf(rs.getString("status")), rs.getString("comment"), rs.getString("via"),
                        Timestamps.out(rs, "responded_at")))
                .list();
    }

    /** The attendee's answers to these meetings: the series' and each occurrence's. */
    Map<Long, List<Response>> responsesOf(String attendee, Collection<Long> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Response>> result = new LinkedHashMap<>();
        jdbc.sql("select meeting_id, attendee, occurrence_key, status, comment, via, responded_at from meet_response "
                        + "where attendee = :attendee and meeting_id in (:ids)")
                .param("attendee", attendee)
                .param("ids", meetingIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("meeting_id"), k -> new ArrayList<>())
                            .add(new Response(rs.getString("attendee"), rs.getString("occurrence_key"),
                                    ResponseStatus.valueOf(rs.getString("status")), rs.getString("comment"),
                                    rs.getString("via"), Timestamps.out(rs, "responded_at")));
                });
        return result;
    }

    /** A new time: everyone is asked again (RFC 5546 §2.1.4: PARTSTAT back to NEEDS-ACTION). */
    void clearResponses(long meetingId) {
        jdbc.sql("delete from meet_response where meeting_id = ?").param(meetingId).update();
    }

    void clearResponses(long meetingId, String occurrenceKey) {
        jdbc.sql("delete from meet_response where meeting_id = ? and occurrence_key = ?")
                .params(meetingId, occurrenceKey).update();
    }

    // --------------------------------------------------------------------------------------- calendars

    /** Ids of the meetings with one of these endpoint units that may overlap {@code [from, to)}. */
    Set<Long> idsByEndpoints(Collection<Long> unitIds, Instant from, Instant to, Duration maxDuration) {
        return endpointLinks(unitIds, from, to, maxDuration).keySet();
    }

    /** The same for meetings these officials chair or are named in. */
    Set<Long> idsByParticipants(Collection<String> usernames, Instant from, Instant to, Duration maxDuration) {
        return participantLinks(usernames, from, to, maxDuration).keySet();
    }

    /** Scheduled meetings that may have an occurrence starting in {@code [from, to)} (reminders). */
    List<Long> idsStartingBetween(Instant from, Instant to) {
        List<Long> ids = new ArrayList<>(jdbc.sql("select id from meet_meeting where status = 'SCHEDULED' "
                        + "and recurrence is null and start_at >= ? and start_at < ?")
                .params(Timestamps.in(from), Timestamps.in(to)).query(Long.class).list());
        ids.addAll(jdbc.sql("select id from meet_meeting where status = 'SCHEDULED' and recurrence is not null "
                        + "and range_start_at < ? and (range_end_at is null or range_end_at > ?)")
                .params(Timestamps.in(to), Timestamps.in(from)).query(Long.class).list());
        return ids;
    }

    // ---------------------------------------------------------------------------------------- mapping

    private static MeetingRecord record(ResultSet rs, int row) throws SQLException {
        return new MeetingRecord(rs.getLong("id"), rs.getString("uid"), rs.getString("title"), rs.getString("agenda"),
                Timestamps.out(rs, "start_at"), Timestamps.out(rs, "end_at"), ZoneId.of(rs.getString("time_zone")),
                rs.getString("recurrence"), Timestamps.out(rs, "range_start_at"), Timestamps.out(rs, "range_end_at"),
                rs.getLong("host_unit_id"), rs.getString("chair_username"),
                Visibility.valueOf(rs.getString("visibility")), MeetingStatus.valueOf(rs.getString("status")),
                rs.getInt("sequence"), rs.getString("room"), rs.getBoolean("lobby"),
                Timestamps.nullableInt(rs, "max_occupants"), rs.getString("created_by"),
                Timestamps.out(rs, "created_at"), Timestamps.out(rs, "updated_at"),
                Timestamps.out(rs, "cancelled_at"), rs.getString("cancel_reason"));
    }

    private static OccurrenceRecord occurrence(ResultSet rs) throws SQLException {
        return new OccurrenceRecord(rs.getString("occurrence_key"), Timestamps.out(rs, "original_start"),
                rs.getBoolean("cancelled"), Timestamps.out(rs, "start_at"), Timestamps.out(rs, "end_at"),
                rs.getString("reason"));
    }
}
