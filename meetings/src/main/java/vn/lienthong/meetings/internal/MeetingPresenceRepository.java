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

/**
 * What Jitsi told us: reservations answered to Prosody ({@code meet_reservation}), room sessions
 * ({@code meet_room_session}) and who was in the room when ({@code meet_presence}, from the webhooks and, second,
 * from the meeting page's IFrame events).
 */
@Repository
class MeetingPresenceRepository {

    static final String WEBHOOK = "WEBHOOK";
    static final String CLIENT = "CLIENT";

    /** One stay in the room. */
    record Presence(long id, String occurrenceKey, String source, String userId, String name, String email,
                    String occupant, Instant joinedAt, Instant leftAt) {
    }

    /** A reservation answered to Prosody. */
    record Reservation(long id, long meetingId, String occurrenceKey, String room, String mailOwner, Instant startTime,
                       long durationSeconds, Instant deletedAt) {
    }

    private final JdbcClient jdbc;

    MeetingPresenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ----------------------------------------------------------------------------------- presence

    /** Records a join; the same occupant joining at the same second again (a retried webhook) is kept once. */
    void joined(long meetingId, String occurrenceKey, String source, String userId, String name, String email,
                String occupant, Instant joinedAt) {
        jdbc.sql("insert into meet_presence (meeting_id, occurrence_key, source, user_id, name, email, occupant, "
                        + "joined_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(meetingId, occurrenceKey, source, clip(userId, 254), clip(name, 255), clip(email, 254),
                        clip(occupant, 500), Timestamps.in(joinedAt))
                .update();
    }

    /** Closes the occupant's open stay; answers whether there was one. */
    boolean left(long meetingId, String source, String occupant, Instant leftAt) {
        return jdbc.sql("update meet_presence set left_at = ? where meeting_id = ? and source = ? and occupant = ? "
                        + "and left_at is null")
                .params(Timestamps.in(leftAt), meetingId, source, clip(occupant, 500))
                .update() > 0;
    }

    /** Sets the end of one known stay (the room's final list carries join and leave times). */
    void closeStay(long meetingId, String source, String occupant, Instant joinedAt, Instant leftAt) {
        jdbc.sql("update meet_presence set left_at = ? where meeting_id = ? and source = ? and occupant = ? "
                        + "and joined_at = ? and left_at is null")
                .params(Timestamps.in(leftAt), meetingId, source, clip(occupant, 500), Timestamps.in(joinedAt))
                .update();
    }

    List<Presence> presence(long meetingId, String occurrenceKey) {
        return jdbc.sql("select id, occurrence_key, source, user_id, name, email, occupant, joined_at, left_at "
                        + "from meet_presence where meeting_id = ? and occurrence_key = ? order by joined_at, id")
                .params(meetingId, occurrenceKey)
                .query(MeetingPresenceRepository::presence).list();
    }

    // -------------------------------------------------------------------------------- room sessions

    void roomCreated(long meetingId, String occurrenceKey, String room, Instant at) {
        jdbc.sql("insert into meet_room_session (meeting_id, occurrence_key, room, created_at) values (?, ?, ?, ?)")
                .params(meetingId, occurrenceKey, clip(room, 200), Timestamps.in(at)).update();
    }

    void roomDestroyed(long meetingId, String room, Instant at) {
        jdbc.sql("update meet_room_session set destroyed_at = ? where meeting_id = ? and room = ? "
                        + "and destroyed_at is null")
                .params(Timestamps.in(at), meetingId, clip(room, 200)).update();
    }

    // --------------------------------------------------------------------------------- reservations

    long reserve(long meetingId, String occurrenceKey, String room, String mailOwner, Instant startTime,
                 long durationSeconds, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into meet_reservation (meeting_id, occurrence_key, room, mail_owner, start_time, duration_s, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(meetingId, occurrenceKey, clip(room, 200), clip(mailOwner, 254), Timestamps.in(startTime),
                        durationSeconds, Timestamps.in(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Reservation> activeReservation(String room, String occurrenceKey) {
        return jdbc.sql("select id, meeting_id, occurrence_key, room, mail_owner, start_time, duration_s, deleted_at "
                        + "from meet_reservation where room = ? and occurrence_key = ? and deleted_at is null "
                        + "order by id desc limit 1")
                .params(room, occurrenceKey).query(MeetingPresenceRepository::reservation).optional();
    }

    Optional<Reservation> reservation(long id) {
        return jdbc.sql("select id, meeting_id, occurrence_key, room, mail_owner, start_time, duration_s, deleted_at "
                        + "from meet_reservation where id = ?")
                .param(id).query(MeetingPresenceRepository::reservation).optional();
    }

    void deleteReservation(long id, Instant now) {
        jdbc.sql("update meet_reservation set deleted_at = ? where id = ? and deleted_at is null")
                .params(Timestamps.in(now), id).update();
    }

    private static Presence presence(ResultSet rs, int row) throws SQLException {
        return new Presence(rs.getLong("id"), rs.getString("occurrence_key"), rs.getString("source"),
                rs.getString("user_id"), rs.getString("name"), rs.getString("email"), rs.getString("occupant"),
                Timestamps.out(rs, "joined_at"), Timestamps.out(rs, "left_at"));
    }

    private static Reservation reservation(ResultSet rs, int row) throws SQLException {
        return new Reservation(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("occurrence_key"),
                rs.getString("room"), rs.getString("mail_owner"), Timestamps.out(rs, "start_time"),
                rs.getLong("duration_s"), Timestamps.out(rs, "deleted_at"));
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
