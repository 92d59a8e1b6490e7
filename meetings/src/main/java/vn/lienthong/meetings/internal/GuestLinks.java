package vn.lienthong.meetings.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Guests' personal join links ({@code meet_guest_link}): the SHA-256 of each token, never the token, which exists only
 * in the mail that carries it. A token is issued each time a mail with a link goes to a guest (so a failed send leaves
 * at most an unusable row behind); all of them stay valid until the guest is taken off the meeting (rows deleted) or
 * the meeting is cancelled (revoked).
 */
@Repository
class GuestLinks {

    /** A stored link: whose and of which meeting, and whether the meeting's cancellation revoked it. */
    record Link(String hash, long meetingId, String email, Instant revokedAt) {
    }

    private final JdbcClient jdbc;

    GuestLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new link token for the guest (256 random bits, URL-safe); only its hash is kept. */
    String issue(long meetingId, String email, Instant now) {
        String token = Secrets.token();
        jdbc.sql("insert into meet_guest_link (token_hash, meeting_id, email, created_at) values (?, ?, ?, ?)")
                .params(Secrets.sha256(token), meetingId, email, Timestamps.in(now)).update();
        return token;
    }

    /** The link of {@code token}; empty when it was never issued or was deleted. */
    Optional<Link> find(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select token_hash, meeting_id, email, revoked_at from meet_guest_link where token_hash = ?")
                .param(Secrets.sha256(token))
                .query((rs, n) -> new Link(rs.getString("token_hash"), rs.getLong("meeting_id"), rs.getString("email"),
                        Timestamps.out(rs, "revoked_at")))
                .optional();
    }

    void used(Link link, Instant now) {
        jdbc.sql("update meet_guest_link set last_used_at = ? where token_hash = ?")
                .params(Timestamps.in(now), link.hash()).update();
    }

    /** Deletes the links of the meeting's guests other than {@code kept} (addresses, lower case). */
    void removeAllBut(long meetingId, Collection<String> kept) {
        if (kept.isEmpty()) {
            jdbc.sql("delete from meet_guest_link where meeting_id = ?").param(meetingId).update();
            return;
        }
        jdbc.sql("delete from meet_guest_link where meeting_id = :meeting and email not in (:kept)")
                .param("meeting", meetingId).param("kept", kept).update();
    }

    /** Revokes every link of the meeting (cancelled): they no longer give a room token. */
    void revokeAll(long meetingId, Instant now) {
        jdbc.sql("update meet_guest_link set revoked_at = ? where meeting_id = ? and revoked_at is null")
                .params(Timestamps.in(now), meetingId).update();
    }

    /** What {@link Secrets#token()} makes: 43 URL-safe base-64 characters. Anything else is not looked up. */
    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
