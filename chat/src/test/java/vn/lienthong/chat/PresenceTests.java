package vn.lienthong.chat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.chat.ChatPresence.State;
import vn.lienthong.directory.ClusterTasks;
import vn.lienthong.directory.Official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.chat.ChatClient.poll;

/** Online / away / offline from real STOMP connections, told to those who share a channel, counted once. */
class PresenceTests extends ChatTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClusterTasks cluster;

    @Test
    void severalTabsCountOnceAndColleaguesHearEachChangeOnce() {
        ChatClient watcher = connect(member("BL-STTTT").username());
        Official official = member("BL-STTTT");

        ChatClient first = connect(official.username());
        assertThat(next(watcher.presence, official)).isEqualTo(State.ONLINE);
        ChatClient second = connect(official.username());
        first.presence("away");
        // The second tab is still active: nothing changes until it is away too.
        second.presence("away");
        assertThat(next(watcher.presence, official)).isEqualTo(State.AWAY);
        second.close();
        first.presence("active");
        assertThat(next(watcher.presence, official)).as("closing one tab of two changes nothing")
                .isEqualTo(State.ONLINE);
        assertThat(presence(watcher, official.username())).containsExactly(State.ONLINE);

        first.close();

        assertThat(next(watcher.presence, official)).isEqualTo(State.OFFLINE);
        assertThat(presence(watcher, official.username())).containsExactly(State.OFFLINE);
    }

    @Test
    void presenceIsToldOnlyToThoseWhoShareAChannel() {
        ChatClient colleague = connect(member("BL-SNV").username());
        ChatClient stranger = connect(member("BL-HD").username());
        Official official = member("BL-SNV");

        connect(official.username());

        assertThat(next(colleague.presence, official)).isEqualTo(State.ONLINE);
        // One connection's frames leave in order: once this answer is back, nothing sent before it is missing.
        ChannelSummary own = unitChannel(stranger.username, "BL-HD");
        stranger.requestHistoryAfter(own.id(), 0);
        assertThat(poll(stranger.history)).isNotNull();
        assertThat(stranger.presence).noneMatch(p -> p.username().equals(official.username()));
        assertThat(presence(stranger, official.username())).as("a stranger is told nothing, not even offline")
                .isEmpty();
        List<ChatPresence> everyone = everyone(colleague);
        assertThat(everyone).extracting(ChatPresence::username).contains(official.username(), colleague.username)
                .doesNotContain(stranger.username);
    }

    @Test
    void awayNeedsAKnownStateAndTheConnectionStays() {
        ChatClient client = connect(newOfficial("BL-SNV").username());

        client.presence("busy");

        ChatError error = poll(client.errors);
        assertThat(error.code()).isEqualTo("INVALID");
        assertThat(error.message()).contains("Trạng thái không hợp lệ");
        assertThat(client.connected()).isTrue();
    }

    @Test
    void connectionsOfASilentInstanceAreDroppedAndItsOfficialsGoOffline() {
        ChatClient watcher = connect(member("BL-STTTT").username());
        Official official = member("BL-STTTT");
        String deadInstance = "da-dung-" + UUID.randomUUID();
        Instant longAgo = Instant.now().minusSeconds(3600);
        // An instance that crashed an hour ago with the official connected to it, announced online back then.
        jdbc.sql("insert into chat_presence_instance (instance_id, heartbeat_at) values (?, ?)")
                .params(deadInstance, longAgo.atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("insert into chat_presence_session (instance_id, session_id, username, away, connected_at) "
                        + "values (?, 'phien-1', ?, false, ?)")
                .params(deadInstance, official.username(), longAgo.atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("insert into chat_presence_user (username, state, changed_at) values (?, 'ONLINE', ?)")
                .params(official.username(), longAgo.atOffset(ZoneOffset.UTC)).update();

        // The next heartbeat (every second in these tests) sweeps the silent instance.
        assertThat(next(watcher.presence, official)).isEqualTo(State.OFFLINE);
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from chat_presence_instance where instance_id = ?")
                .param(deadInstance).query(Long.class).single() == 0);
        assertThat(jdbc.sql("select count(*) from chat_presence_session where instance_id = ?").param(deadInstance)
                .query(Long.class).single()).isZero();
        assertThat(presence(watcher, official.username())).containsExactly(State.OFFLINE);
    }

    @Test
    void onlyTheInstanceHoldingTheSweepLockSweepsWhileEveryInstanceKeepsItsHeartbeat() throws Exception {
        String deadInstance = "da-dung-" + UUID.randomUUID();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherInstance = Executors.newSingleThreadExecutor();
        try {
            // Another instance holds the sweep's lock (and, being stuck, sweeps nothing). This instance's own sweep
            // may hold it for a moment (its lockAtLeastFor), so the other one tries until the lock is its.
            Future<Boolean> sweeping = otherInstance.submit(() -> {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                        .until(() -> cluster.runExclusively("chat.presence-sweep", Duration.ofMinutes(1), () -> {
                            holding.countDown();
                            try {
                                release.await(60, TimeUnit.SECONDS);
                            }
                            catch (InterruptedException ex) {
                                Thread.currentThread().interrupt();
                            }
                        }));
                return true;
            });
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            jdbc.sql("insert into chat_presence_instance (instance_id, heartbeat_at) values (?, ?)")
                    .params(deadInstance, Instant.now().minusSeconds(3600).atOffset(ZoneOffset.UTC)).update();
            Instant ownBeat = latestOwnHeartbeat(deadInstance);

            // This instance goes on beating (heartbeat: 1 s) but leaves the silent one to the lock's holder. Two
            // beats: the sweep attempt after the first one is over once the second is written (one thread).
            await().atMost(WAIT).until(() -> latestOwnHeartbeat(deadInstance).isAfter(ownBeat));
            Instant firstBeat = latestOwnHeartbeat(deadInstance);
            await().atMost(WAIT).until(() -> latestOwnHeartbeat(deadInstance).isAfter(firstBeat));
            assertThat(instanceRows(deadInstance)).isEqualTo(1);

            release.countDown();
            assertThat(sweeping.get(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(WAIT).until(() -> instanceRows(deadInstance) == 0);
        }
        finally {
            release.countDown();
            otherInstance.shutdownNow();
        }
    }

    private long instanceRows(String instanceId) {
        return jdbc.sql("select count(*) from chat_presence_instance where instance_id = ?").param(instanceId)
                .query(Long.class).single();
    }

    private Instant latestOwnHeartbeat(String except) {
        return jdbc.sql("select max(heartbeat_at) from chat_presence_instance where instance_id <> ?").param(except)
                .query(java.time.OffsetDateTime.class).single().toInstant();
    }

    /** A fresh official of the unit, once the unit's channel has them (whom they share a channel with). */
    private Official member(String unitCode) {
        Official official = newOfficial(unitCode);
        unitChannel(official.username(), unitCode);
        return official;
    }

    /** The next change about this official; others' changes are skipped. */
    private static State next(BlockingQueue<ChatPresence> queue, Official official) {
        ChatPresence presence;
        do {
            presence = poll(queue);
            assertThat(presence).as("presence of " + official.username()).isNotNull();
        }
        while (!presence.username().equals(official.username()));
        return presence.state();
    }

    private static List<State> presence(ChatClient client, String username) {
        HttpResponse<String> response = client.apiGet("/api/v1/chat/presence?usernames=" + username
                + ",khong.ton.tai");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<ChatPresence> list = client.read(response.body(), new TypeReference<>() { });
        return list.stream().map(ChatPresence::state).toList();
    }

    private static List<ChatPresence> everyone(ChatClient client) {
        HttpResponse<String> response = client.apiGet("/api/v1/chat/presence");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.read(response.body(), new TypeReference<>() { });
    }
}
