package vn.lienthong.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.lienthong.chat.ChatMessage;
import vn.lienthong.chat.MessageAudit;

/** Messages, mentions, reactions and the audit trail. Callers hold the transaction. */
@Repository
class MessageRepository {

    private static final String COLUMNS = "id, channel_id, seq, author, body, reply_to_seq, client_message_id, "
            + "created_at, edited_at, deleted_at, file_id";

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long channelId, long seq, String author, String body, Long replyToSeq, String clientMessageId,
                Instant at, String fileId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into chat_message (channel_id, seq, author, body, reply_to_seq, client_message_id, "
                        + "created_at, file_id) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(channelId, seq, author, body, replyToSeq, clientMessageId, Timestamps.in(at), fileId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<MessageRow> find(long channelId, long seq) {
        return jdbc.sql("select " + COLUMNS + " from chat_message where channel_id = ? and seq = ?")
                .params(channelId, seq).query(MessageRepository::row).optional();
    }

    /** The message that carries the file. */
    Optional<MessageRow> findByFile(String fileId) {
        return jdbc.sql("select " + COLUMNS + " from chat_message where file_id = ?")
                .param(fileId).query(MessageRepository::row).optional();
    }

    Optional<MessageRow> findByClientId(long channelId, String author, String clientMessageId) {
        return jdbc.sql("select " + COLUMNS + " from chat_message "
                        + "where channel_id = ? and author = ? and client_message_id = ?")
                .params(channelId, author, clientMessageId).query(MessageRepository::row).optional();
    }

    /** Up to {@code limit} messages after {@code seq}, ascending. */
    List<MessageRow> after(long channelId, long seq, int limit) {
        return jdbc.sql("select " + COLUMNS + " from chat_message where channel_id = ? and seq > ? "
                        + "order by seq asc limit ?")
                .params(channelId, seq, limit).query(MessageRepository::row).list();
    }

    /** Up to {@code limit} messages before {@code seq}, ascending (the newest ones before it). */
    List<MessageRow> before(long channelId, long seq, int limit) {
        List<MessageRow> newestFirst = jdbc.sql("select " + COLUMNS + " from chat_message "
                        + "where channel_id = ? and seq < ? order by seq desc limit ?")
                .params(channelId, seq, limit).query(MessageRepository::row).list();
        List<MessageRow> ascending = new ArrayList<>(newestFirst);
        Collections.reverse(ascending);
        return ascending;
    }

    /** Every message not deleted, channel by channel in sequence order, one at a time (for archive rebuilds). */
    void forEachLive(Long channelId, Consumer<MessageRow> action) {
        String where = channelId == null ? "" : " and channel_id = " + channelId;
        jdbc.sql("select " + COLUMNS + " from chat_message where deleted_at is null" + where
                        + " order by channel_id, seq")
                .query(rs -> {
                    action.accept(row(rs, 0));
                });
    }

    void replaceBody(long id, String body, Instant editedAt) {
        jdbc.sql("update chat_message set body = ?, edited_at = ? where id = ?")
                .params(body, Timestamps.in(editedAt), id).update();
    }

    void markDeleted(long id, String by, Instant at) {
        jdbc.sql("update chat_message set body = '', deleted_at = ?, deleted_by = ? where id = ?")
                .params(Timestamps.in(at), by, id).update();
        jdbc.sql("insert into chat_deletion (channel_id, seq, author) select channel_id, seq, author from chat_message "
                + "where id = ?").param(id).update();
        jdbc.sql("delete from chat_reaction where message_id = ?").param(id).update();
        jdbc.sql("delete from chat_mention where message_id = ?").param(id).update();
    }

    void audit(long messageId, String action, String actor, String previousText, Instant at) {
        jdbc.sql("insert into chat_message_audit (message_id, action, actor, previous_text, at) values (?, ?, ?, ?, ?)")
                .params(messageId, action, actor, previousText, Timestamps.in(at)).update();
    }

    List<MessageAudit> auditTrail(long channelId, long seq) {
        return jdbc.sql("select a.action, a.actor, a.previous_text, a.at from chat_message_audit a "
                        + "join chat_message m on m.id = a.message_id where m.channel_id = ? and m.seq = ? "
                        + "order by a.id")
                .params(channelId, seq)
                .query((rs, row) -> new MessageAudit(channelId, seq, rs.getString("action"), rs.getString("actor"),
                        rs.getString("previous_text"), Timestamps.out(rs, "at")))
                .list();
    }

    void replaceMentions(long messageId, Collection<String> usernames) {
        jdbc.sql("delete from chat_mention where message_id = ?").param(messageId).update();
        for (String username : usernames) {
            jdbc.sql("insert into chat_mention (message_id, username) values (?, ?)")
                    .params(messageId, username).update();
        }
    }

    boolean addReaction(long messageId, String username, String emoji) {
        return jdbc.sql("insert into chat_reaction (message_id, username, emoji, created_at) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(messageId, username, emoji, Timestamps.in(Timestamps.now())).update() > 0;
    }

    boolean removeReaction(long messageId, String username, String emoji) {
        return jdbc.sql("delete from chat_reaction where message_id = ? and username = ? and emoji = ?")
                .params(messageId, username, emoji).update() > 0;
    }

    Map<Long, List<String>> mentions(Collection<Long> messageIds) {
        Map<Long, List<String>> mentions = new HashMap<>();
        if (messageIds.isEmpty()) {
            return mentions;
        }
        jdbc.sql("select message_id, username from chat_mention where message_id in (:ids) order by username")
                .param("ids", messageIds)
                .query(rs -> {
                    mentions.computeIfAbsent(rs.getLong("message_id"), id -> new ArrayList<>())
                            .add(rs.getString("username"));
                });
        return mentions;
    }

    Map<Long, List<ChatMessage.Reaction>> reactions(Collection<Long> messageIds) {
        Map<Long, Map<String, List<String>>> grouped = new HashMap<>();
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("select message_id, emoji, username from chat_reaction where message_id in (:ids) "
                        + "order by created_at, username")
                .param("ids", messageIds)
                .query(rs -> {
                    grouped.computeIfAbsent(rs.getLong("message_id"), id -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("emoji"), emoji -> new ArrayList<>())
                            .add(rs.getString("username"));
                });
        Map<Long, List<ChatMessage.Reaction>> reactions = new HashMap<>();
        grouped.forEach((id, byEmoji) -> reactions.put(id, byEmoji.entrySet().stream()
                .map(entry -> new ChatMessage.Reaction(entry.getKey(), entry.getValue())).toList()));
        return reactions;
    }

    private static MessageRow row(ResultSet rs, int row) throws SQLException {
        return new MessageRow(rs.getLong("id"), rs.getLong("channel_id"), rs.getLong("seq"), rs.getString("author"),
                rs.getString("body"), Timestamps.nullableLong(rs, "reply_to_seq"), rs.getString("client_message_id"),
                Timestamps.out(rs, "created_at"), Timestamps.out(rs, "edited_at"), Timestamps.out(rs, "deleted_at"),
                rs.getString("file_id"));
    }
}
