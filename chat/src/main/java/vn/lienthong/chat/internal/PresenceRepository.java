package vn.lienthong.chat.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lienthong.chat.ChatPresence.State;

/**
 * Presence rows shared by every instance: instances with their heartbeat (chat_presence_instance), open STOMP
 * connections (chat_presence_session) and each official's state as last announced (chat_presence_user).
 * A connection counts while its instance's heartbeat is newer than the {@code alive} instant callers pass.
 */
@Repository
class PresenceRepository {

    private final JdbcClient jdbc;

    PresenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------------------------------- instances

    /** Answers whether the instance's row was there (false: it was swept as dead, or never written). */
    boolean heartbeat(String instanceId, Instant at) {
        return jdbc.sql("update chat_presence_instance set heartbeat_at = ? where instance_id = ?")
                .params(Timestamps.in(at), instanceId).update() > 0;
    }

    void insertInstance(String instanceId, Instant at) {
        jdbc.sql("insert into chat_presence_instance (instance_id, heartbeat_at) values (?, ?) on conflict do nothing")
                .params(instanceId, Timestamps.in(at)).update();
    }

    /** Instances silent since before {@code alive}. */
    List<String> deadInstances(Instant alive) {
        return jdbc.sql("select instance_id from chat_presence_instance where heartbeat_at <= ?")
                .param(Timestamps.in(alive)).query(String.class).list();
    }

    /** Deletes the instance if it is still silent; answers whether this call deleted it. */
    boolean deleteInstanceIfDead(String instanceId, Instant alive) {
        return jdbc.sql("delete from chat_presence_instance where instance_id = ? and heartbeat_at <= ?")
                .params(instanceId, Timestamps.in(alive)).update() > 0;
    }

    void deleteInstance(String instanceId) {
        jdbc.sql("delete from chat_presence_instance where instance_id = ?").param(instanceId).update();
    }

    /** Usernames with connections of instances that have no row (swept, or stopped half-way). */
    List<String> orphanedUsernames() {
        return jdbc.sql("select distinct s.username from chat_presence_session s where not exists "
                        + "(select 1 from chat_presence_instance i where i.instance_id = s.instance_id)")
                .query(String.class).list();
    }

    void deleteOrphanedSessions() {
        jdbc.sql("delete from chat_presence_session s where not exists "
                + "(select 1 from chat_presence_instance i where i.instance_id = s.instance_id)").update();
    }

    List<String> usernamesOf(String instanceId) {
        return jdbc.sql("select distinct username from chat_presence_session where instance_id = ?")
                .param(instanceId).query(String.class).list();
    }

    void deleteSessionsOf(String instanceId) {
        jdbc.sql("delete from chat_presence_session where instance_id = ?").param(instanceId).update();
    }

    // ------------------------------------------------------------------------------------------- connections

    void insertSession(String instanceId, String sessionId, String username, boolean away, Instant at) {
        jdbc.sql("insert into chat_presence_session (instance_id, session_id, username, away, connected_at) "
                        + "values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(instanceId, sessionId, username, away, Timestamps.in(at)).update();
    }

    void deleteSession(String instanceId, String sessionId) {
        jdbc.sql("delete from chat_presence_session where instance_id = ? and session_id = ?")
                .params(instanceId, sessionId).update();
    }

    void setAway(String instanceId, String sessionId, boolean away) {
        jdbc.sql("update chat_presence_session set away = ? where instance_id = ? and session_id = ?")
                .params(away, instanceId, sessionId).update();
    }

    // ------------------------------------------------------------------------------------------- states

    /** Locks the official's state row (made on first use) until the transaction ends; answers the state in it. */
    State lockUser(String username, Instant at) {
        jdbc.sql("insert into chat_presence_user (username, state, changed_at) values (?, 'OFFLINE', ?) "
                + "on conflict do nothing").params(username, Timestamps.in(at)).update();
        return jdbc.sql("select state from chat_presence_user where username = ? for update").param(username)
                .query((rs, row) -> State.valueOf(rs.getString("state"))).single();
    }

    void setUserState(String username, State state, Instant at) {
        jdbc.sql("update chat_presence_user set state = ?, changed_at = ? where username = ?")
                .params(state.name(), Timestamps.in(at), username).update();
    }

    /** The state the official's live connections make now. */
    State liveState(String username, Instant alive) {
        return liveStates(List.of(username), alive).getOrDefault(username, State.OFFLINE);
    }

    /** Live states of the named officials; those without a live connection are missing from the map. */
    Map<String, State> liveStates(Collection<String> usernames, Instant alive) {
        Map<String, State> states = new HashMap<>();
        if (usernames.isEmpty()) {
            return states;
        }
        jdbc.sql("select s.username, sum(case when s.away then 0 else 1 end) as active from chat_presence_session s "
                        + "join chat_presence_instance i on i.instance_id = s.instance_id "
                        + "where i.heartbeat_at > :alive and s.username in (:names) group by s.username")
                .param("alive", Timestamps.in(alive)).param("names", usernames)
                .query(rs -> {
                    states.put(rs.getString("username"), rs.getLong("active") > 0 ? State.ONLINE : State.AWAY);
                });
        return states;
    }

    /** Live states of everyone who shares a channel with the official (and of the official), connected ones only. */
    Map<String, State> liveStatesAround(String username, Instant alive) {
        Map<String, State> states = new HashMap<>();
        jdbc.sql("select s.username, sum(case when s.away then 0 else 1 end) as active from chat_presence_session s "
                        + "join chat_presence_instance i on i.instance_id = s.instance_id "
                        + "where i.heartbeat_at > :alive and (s.username = :me or s.username in "
                        + "(select b.username from chat_member a join chat_member b on b.channel_id = a.channel_id "
                        + "where a.username = :me)) group by s.username")
                .param("alive", Timestamps.in(alive)).param("me", username)
                .query(rs -> {
                    states.put(rs.getString("username"), rs.getLong("active") > 0 ? State.ONLINE : State.AWAY);
                });
        return states;
    }

    /** Of the named officials, those who share a channel with {@code username}. */
    List<String> sharingAChannel(String username, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct b.username from chat_member a join chat_member b on b.channel_id = a.channel_id "
                        + "where a.username = :me and b.username in (:names)")
                .param("me", username).param("names", usernames).query(String.class).list();
    }

    /**
     * Who should hear of the official's change: the official and everyone sharing a channel with them whose last
     * announced state is not offline (so nobody is told who is not connected to hear it).
     */
    List<String> listenersOf(String username) {
        return jdbc.sql("select p.username from chat_presence_user p where p.state <> 'OFFLINE' and (p.username = :me "
                        + "or p.username in (select b.username from chat_member a join chat_member b "
                        + "on b.channel_id = a.channel_id where a.username = :me))")
                .param("me", username).query(String.class).list();
    }
}
