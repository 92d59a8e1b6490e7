package vn.lienthong.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.lienthong.chat.ChannelKind;

/** Channels and memberships (chat_channel, chat_member). Callers hold the transaction. */
@Repository
class ChannelRepository {

    private static final String CHANNEL_COLUMNS = "c.id, c.kind, c.title, c.unit_id, c.unit_code, "
            + "c.merged_into_unit_id, c.direct_key, c.external_key, c.created_by, c.created_at, c.closed, c.last_seq, "
            + "c.last_message_at";

    private final JdbcClient jdbc;

    ChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Channel> find(long id) {
        return one("c.id = ?", id);
    }

    /** Reads the channel and locks its row until the transaction ends: posts to one channel take turns. */
    Optional<Channel> lock(long id) {
        return one("c.id = ? for update", id);
    }

    Optional<Channel> findByUnit(long unitId) {
        return one("c.unit_id = ?", unitId);
    }

    Optional<Channel> findByDirectKey(String key) {
        return one("c.direct_key = ?", key);
    }

    Optional<Channel> findByExternalKey(String key) {
        return one("c.external_key = ?", key);
    }

    /** The one channel matching {@code condition} (SQL after {@code where}, one parameter), if any. */
    private Optional<Channel> one(String condition, Object parameter) {
        return jdbc.sql("select " + CHANNEL_COLUMNS + " from chat_channel c where " + condition)
                .param(parameter).query(ChannelRepository::channel).optional();
    }

    List<Channel> unitChannels() {
        return jdbc.sql("select " + CHANNEL_COLUMNS + " from chat_channel c where c.kind = 'UNIT' order by c.id")
                .query(ChannelRepository::channel).list();
    }

    /** A channel without a unique key (group, announcement). */
    long insert(ChannelKind kind, String title, String createdBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into chat_channel (kind, title, created_by, created_at) values (?, ?, ?, ?)")
                .params(kind.name(), title, createdBy, Timestamps.in(Timestamps.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * A channel with a unique key (unit, direct pair, meeting), unless another transaction or instance made it
     * first; either way the caller then reads it by its key.
     */
    void insertIfAbsent(ChannelKind kind, String title, Long unitId, String unitCode, String directKey,
                        String externalKey, String createdBy) {
        jdbc.sql("insert into chat_channel (kind, title, unit_id, unit_code, direct_key, external_key, created_by, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(kind.name(), title, unitId, unitCode, directKey, externalKey, createdBy,
                        Timestamps.in(Timestamps.now()))
                .update();
    }

    void rename(long id, String title, String unitCode) {
        jdbc.sql("update chat_channel set title = ?, unit_code = ? where id = ?").params(title, unitCode, id).update();
    }

    void close(long id, Long mergedIntoUnitId) {
        jdbc.sql("update chat_channel set closed = true, closed_at = ?, merged_into_unit_id = ? where id = ?")
                .params(Timestamps.in(Timestamps.now()), mergedIntoUnitId, id).update();
    }

    void reopen(long id) {
        jdbc.sql("update chat_channel set closed = false, closed_at = null, merged_into_unit_id = null where id = ?")
                .param(id).update();
    }

    void advance(long id, long seq, Instant at) {
        jdbc.sql("update chat_channel set last_seq = ?, last_message_at = ? where id = ?")
                .params(seq, Timestamps.in(at), id).update();
    }

    Optional<Member> member(long channelId, String username) {
        return jdbc.sql("select channel_id, username, moderator, can_post, last_read_seq, last_read_at "
                        + "from chat_member where channel_id = ? and username = ?")
                .params(channelId, username).query(ChannelRepository::member).optional();
    }

    List<Member> members(long channelId) {
        return jdbc.sql("select channel_id, username, moderator, can_post, last_read_seq, last_read_at "
                        + "from chat_member where channel_id = ? order by username")
                .param(channelId).query(ChannelRepository::member).list();
    }

    List<String> usernames(long channelId) {
        return jdbc.sql("select username from chat_member where channel_id = ? order by username")
                .param(channelId).query(String.class).list();
    }

    /** Answers whether the member was added (false: already a member). */
    boolean addMember(long channelId, String username, boolean moderator, boolean canPost) {
        return jdbc.sql("insert into chat_member (channel_id, username, moderator, can_post, joined_at) "
                        + "values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(channelId, username, moderator, canPost, Timestamps.in(Timestamps.now()))
                .update() > 0;
    }

    void setRights(long channelId, String username, boolean moderator, boolean canPost) {
        jdbc.sql("update chat_member set moderator = ?, can_post = ? where channel_id = ? and username = ?")
                .params(moderator, canPost, channelId, username).update();
    }

    boolean removeMember(long channelId, String username) {
        return jdbc.sql("delete from chat_member where channel_id = ? and username = ?")
                .params(channelId, username).update() > 0;
    }

    /** Moves the read mark forward only; answers whether it moved. */
    boolean markRead(long channelId, String username, long seq, Instant at) {
        return jdbc.sql("update chat_member set last_read_seq = ?, last_read_at = ? "
                        + "where channel_id = ? and username = ? and last_read_seq < ?")
                .params(seq, Timestamps.in(at), channelId, username, seq).update() > 0;
    }

    /** The user's channels with their membership and unread count, most recently active first. */
    List<Membership> membershipsOf(String username) {
        return jdbc.sql("select " + CHANNEL_COLUMNS + ", m.channel_id, m.username, m.moderator, m.can_post, m.last_read_seq, "
                        + "m.last_read_at, " + UNREAD + " as unread from chat_member m "
                        + "join chat_channel c on c.id = m.channel_id where m.username = ? "
                        + "order by coalesce(c.last_message_at, c.created_at) desc, c.id desc")
                .param(username)
                .query((rs, row) -> new Membership(channel(rs, row), member(rs, row), rs.getLong("unread")))
                .list();
    }

    Optional<Membership> membership(long channelId, String username) {
        return jdbc.sql("select " + CHANNEL_COLUMNS + ", m.channel_id, m.username, m.moderator, m.can_post, m.last_read_seq, "
                        + "m.last_read_at, " + UNREAD + " as unread from chat_member m "
                        + "join chat_channel c on c.id = m.channel_id where m.channel_id = ? and m.username = ?")
                .params(channelId, username)
                .query((rs, row) -> new Membership(channel(rs, row), member(rs, row), rs.getLong("unread")))
                .optional();
    }

    /** Unread count of every member of the channel. */
    Map<String, Long> unreadCounts(long channelId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select m.username, " + UNREAD + " as unread from chat_member m "
                        + "join chat_channel c on c.id = m.channel_id where m.channel_id = ?")
                .param(channelId)
                .query(rs -> {
                    counts.put(rs.getString("username"), rs.getLong("unread"));
                });
        return counts;
    }

    /**
     * Messages after the member's read mark, written by others, not deleted: everything after the mark (sequences
     * have no gaps) less one's own and others' deleted ones after it, both found through an index. Needs the
     * member as {@code m} and the channel as {@code c}.
     */
    private static final String UNREAD = "(c.last_seq - m.last_read_seq"
            + " - (select count(*) from chat_message x where x.channel_id = m.channel_id and x.author = m.username"
            + " and x.seq > m.last_read_seq)"
            + " - (select count(*) from chat_deletion d where d.channel_id = m.channel_id and d.author <> m.username"
            + " and d.seq > m.last_read_seq))";

    /** A channel with one member's view of it. */
    record Membership(Channel channel, Member member, long unread) {
    }

    private static Channel channel(ResultSet rs, int row) throws SQLException {
        return new Channel(rs.getLong("id"), ChannelKind.valueOf(rs.getString("kind")), rs.getString("title"),
                Timestamps.nullableLong(rs, "unit_id"), rs.getString("unit_code"),
                Timestamps.nullableLong(rs, "merged_into_unit_id"), rs.getString("direct_key"),
                rs.getString("external_key"), rs.getString("created_by"), Timestamps.out(rs, "created_at"),
                rs.getBoolean("closed"), rs.getLong("last_seq"), Timestamps.out(rs, "last_message_at"));
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getLong("channel_id"), rs.getString("username"),
                rs.getBoolean("moderator"), rs.getBoolean("can_post"), rs.getLong("last_read_seq"),
                Timestamps.out(rs, "last_read_at"));
    }
}
