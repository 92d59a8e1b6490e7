package vn.lienthong.meetings.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable queue of work that follows a commit ({@code meet_outbox}): rows are written in the same transaction
 * as the change they follow, so a crash after the commit delays the work and never loses it. {@link MeetingOutboxWorker}
 * delivers them.
 */
@Repository
class MeetingOutbox {

    /** The kinds of work. INVITE, CHAT_SYNC and ARCHIVE rebuild from the meeting as it is: a newer one replaces. */
    enum Kind {
        /** METHOD:REQUEST to every invitee. */
        INVITE(true),
        /** METHOD:CANCEL: the meeting or one occurrence, to everyone or to those in the payload's targets. */
        CANCEL(false),
        /** The reminder mail of one occurrence. */
        REMINDER_MAIL(false),
        /** Open, refill or close the meeting's chat channel. */
        CHAT_SYNC(true),
        /** The reminder in the chat channel. */
        CHAT_REMINDER(false),
        /** Put the meeting into the archive. */
        ARCHIVE(true),
        /** METHOD:REPLY to the organiser for an answer given on the meeting page (payload: the username). */
        REPLY(false);

        private final boolean replaceable;

        Kind(boolean replaceable) {
            this.replaceable = replaceable;
        }

        boolean replaceable() {
            return replaceable;
        }
    }

    /** A queued piece of work. */
    record Work(long id, Kind kind, long meetingId, String occurrenceKey, String payload, int attempts,
                Instant createdAt) {
    }

    /** Published with each enqueue, so the worker starts right after the commit. */
    record Queued() {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MeetingOutbox(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void enqueue(Kind kind, long meetingId, String occurrenceKey, String payload, Instant now) {
        enqueue(kind, meetingId, occurrenceKey, payload, now, now);
    }

    void enqueue(Kind kind, long meetingId, String occurrenceKey, String payload, Instant now, Instant due) {
        jdbc.sql("insert into meet_outbox (kind, meeting_id, occurrence_key, payload, created_at, due_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(kind.name(), meetingId, occurrenceKey == null ? "" : occurrenceKey,
                        payload == null ? "" : payload, Timestamps.in(now), Timestamps.in(due))
                .update();
        events.publishEvent(new Queued());
    }

    /** Work due now and not claimed by a live worker, oldest first. */
    List<Work> due(Instant now, int limit) {
        return jdbc.sql("select id, kind, meeting_id, occurrence_key, payload, attempts, created_at from meet_outbox "
                        + "where done_at is null and due_at <= ? and (locked_until is null or locked_until < ?) "
                        + "order by id limit ?")
                .params(Timestamps.in(now), Timestamps.in(now), limit)
                .query((rs, n) -> new Work(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                        rs.getLong("meeting_id"), rs.getString("occurrence_key"), rs.getString("payload"),
                        rs.getInt("attempts"), Timestamps.out(rs, "created_at")))
                .list();
    }

    /** Takes the work for this worker until {@code until}; false if another took it first. */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("update meet_outbox set locked_until = ?, attempts = attempts + 1 where id = ? "
                        + "and done_at is null and (locked_until is null or locked_until < ?)")
                .params(Timestamps.in(until), id, Timestamps.in(now))
                .update() == 1;
    }

    /** Whether newer work of the same kind for the same meeting and occurrence waits (then this one is moot). */
    boolean hasNewer(Work work) {
        return jdbc.sql("select count(*) from meet_outbox where meeting_id = ? and kind = ? and occurrence_key = ? "
                        + "and id > ? and done_at is null")
                .params(work.meetingId(), work.kind().name(), work.occurrenceKey(), work.id())
                .query(Long.class).single() > 0;
    }

    void done(long id, String outcome, String error, Instant now) {
        jdbc.sql("update meet_outbox set done_at = ?, outcome = ?, last_error = ?, locked_until = null where id = ?")
                .params(Timestamps.in(now), outcome, error == null ? null : truncate(error), id)
                .update();
    }

    void retry(long id, Instant due, String error) {
        jdbc.sql("update meet_outbox set due_at = ?, last_error = ?, locked_until = null where id = ?")
                .params(Timestamps.in(due), truncate(error), id)
                .update();
    }

    /** Work not done yet (for tests and the benchmark). */
    long pending(long meetingId) {
        return jdbc.sql("select count(*) from meet_outbox where meeting_id = ? and done_at is null")
                .param(meetingId).query(Long.class).single();
    }

    private static String truncate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
