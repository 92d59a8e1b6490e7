package vn.lienthong.chat.internal;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import vn.lienthong.chat.ChatPresence;
import vn.lienthong.chat.ChatPresence.State;
import vn.lienthong.directory.ClusterTasks;

/**
 * Presence (online / away / offline) from the live STOMP connections of every instance, kept in the database:
 * <ul>
 *   <li>each connection is a row of its instance ({@code SessionConnectedEvent} in, {@code SessionDisconnectEvent}
 *       out), flagged away when its page says so ({@code SEND /app/presence}); an official is ONLINE with one
 *       active connection, AWAY when all of theirs are away, OFFLINE with none: several tabs count once;</li>
 *   <li>each instance writes a heartbeat every {@code lienthong.chat.presence.heartbeat} (its own work: no lock);
 *       the connections of an instance silent for {@code expiry} (crashed, cut off) are dropped by the sweep, which
 *       one instance per heartbeat runs for all (cluster lock {@value #SWEEP_TASK}); each dead instance's rows are
 *       claimed by a conditional delete as well, so a sweep that outlives its lock does no harm;</li>
 *   <li>a change of an official's state is announced once, on {@code /user/queue/presence}, to the connected
 *       officials who share a channel with them (and to themselves, for their other tabs). The official's row in
 *       chat_presence_user is locked while the change is worked out, so instances never race on it.</li>
 * </ul>
 * All of it runs on one thread of its own, in the order the events came, off the WebSocket threads.
 */
@Component
class PresenceTracker implements SmartLifecycle {

    static final String QUEUE = "/queue/presence";
    static final int MAX_ASKED = 500;
    static final String SWEEP_TASK = "chat.presence-sweep";

    private static final Logger log = LoggerFactory.getLogger(PresenceTracker.class);

    private final PresenceRepository repository;
    private final TransactionTemplate transactions;
    private final SimpMessageSendingOperations broker;
    private final ChatSettings.Presence settings;
    private final ClusterTasks cluster;
    private final String instanceId = UUID.randomUUID().toString();
    /** This instance's connections: session id → (username, away); what a swept instance writes back. */
    private final Map<String, Local> local = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService worker;
    private volatile boolean running;

    PresenceTracker(PresenceRepository repository, TransactionTemplate transactions,
                    SimpMessageSendingOperations broker, ChatSettings settings, ClusterTasks cluster) {
        this.repository = repository;
        this.transactions = transactions;
        this.broker = broker;
        this.settings = settings.presence();
        this.cluster = cluster;
    }

    private record Local(String username, boolean away) {
    }

    // ------------------------------------------------------------------------------------------- lifecycle

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chat-presence");
            thread.setDaemon(true);
            return thread;
        });
        transactions.executeWithoutResult(status -> repository.insertInstance(instanceId, Timestamps.now()));
        long every = settings.heartbeat().toMillis();
        worker.scheduleWithFixedDelay(this::heartbeatAndSweep, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Our connections leave with us: the others see these officials go (or stay, if connected elsewhere). */
    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService current = worker;
        if (current == null) {
            return;
        }
        Future<?> leaving = current.submit(() -> {
            Set<String> usernames = new LinkedHashSet<>();
            local.values().forEach(session -> usernames.add(session.username()));
            local.clear();
            transactions.executeWithoutResult(status -> {
                repository.deleteSessionsOf(instanceId);
                repository.deleteInstance(instanceId);
            });
            usernames.forEach(username -> recompute(username, () -> { }));
        });
        try {
            leaving.get(10, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            log.debug("Presence rows of {} not removed at shutdown; the others drop them after the expiry", instanceId,
                    ex);
        }
        current.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Started before the brokers and the WebSocket handler (phase {@code Integer.MAX_VALUE}), so the instance row
     * exists before the first connection; stopped after them, so what is announced at shutdown may not leave: the
     * others read the rows, which are gone.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    // ------------------------------------------------------------------------------------------- connections

    @EventListener
    void on(SessionConnectedEvent event) {
        String sessionId = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
        Principal user = event.getUser();
        if (sessionId == null || user == null || user.getName() == null) {
            return;
        }
        String username = user.getName();
        submit(() -> {
            local.put(sessionId, new Local(username, false));
            recompute(username, () -> repository.insertSession(instanceId, sessionId, username, false,
                    Timestamps.now()));
        });
    }

    @EventListener
    void on(SessionDisconnectEvent event) {
        String sessionId = event.getSessionId();
        submit(() -> {
            Local gone = local.remove(sessionId);
            if (gone != null) {
                recompute(gone.username(), () -> repository.deleteSession(instanceId, sessionId));
            }
        });
    }

    /** The page of connection {@code sessionId} says it is away (hidden, idle) or active again. */
    void setAway(String sessionId, String username, boolean away) {
        submit(() -> {
            Local session = local.get(sessionId);
            if (session == null || !session.username().equals(username) || session.away() == away) {
                return;
            }
            local.put(sessionId, new Local(username, away));
            recompute(username, () -> repository.setAway(instanceId, sessionId, away));
        });
    }

    private void submit(Runnable task) {
        ScheduledExecutorService current = worker;
        if (current == null) {
            return;
        }
        try {
            current.execute(() -> {
                try {
                    task.run();
                }
                catch (RuntimeException ex) {
                    log.warn("Không cập nhật được trạng thái trực tuyến (presence not updated)", ex);
                }
            });
        }
        catch (RejectedExecutionException ex) {
            log.debug("Shutting down: presence change dropped");
        }
    }

    /**
     * Applies one connection's change with the official's state row locked, then announces the state if it
     * changed. What is announced is always the state the rows make now, so the last announcement is right even
     * when two instances change the same official's connections at once.
     */
    private void recompute(String username, Runnable change) {
        Instant now = Timestamps.now();
        State[] states = transactions.execute(status -> {
            State before = repository.lockUser(username, now);
            change.run();
            State after = repository.liveState(username, alive(now));
            if (after != before) {
                repository.setUserState(username, after, now);
            }
            return new State[] {before, after};
        });
        if (states[0] != states[1]) {
            announce(new ChatPresence(username, states[1], now));
        }
    }

    private void announce(ChatPresence presence) {
        List<String> listeners = new ArrayList<>(repository.listenersOf(presence.username()));
        if (!listeners.contains(presence.username())) {
            listeners.add(presence.username());
        }
        for (String listener : listeners) {
            try {
                broker.convertAndSendToUser(listener, QUEUE, presence);
            }
            catch (RuntimeException ex) {
                log.debug("Presence of {} not sent to {}", presence.username(), listener, ex);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- heartbeat

    private void heartbeatAndSweep() {
        try {
            Instant now = Timestamps.now();
            boolean known = Boolean.TRUE.equals(transactions.execute(status -> repository.heartbeat(instanceId, now)));
            if (!known) {
                // Another instance took us for dead (a long pause, the database out of reach): write us back.
                log.warn("Phiên bản {} bị coi là đã dừng; ghi lại {} kết nối (instance was swept as dead; "
                        + "re-registering its connections)", instanceId, local.size());
                transactions.executeWithoutResult(status -> repository.insertInstance(instanceId, now));
                Set<String> usernames = new LinkedHashSet<>();
                local.forEach((sessionId, session) -> {
                    usernames.add(session.username());
                    repository.insertSession(instanceId, sessionId, session.username(), session.away(), now);
                });
                usernames.forEach(username -> recompute(username, () -> { }));
            }
            // Held at least half a beat: the instances' timers are not in step, and one sweep per beat is enough.
            Duration beat = settings.heartbeat();
            cluster.runExclusively(SWEEP_TASK, settings.expiry(), beat.dividedBy(2), () -> sweep(now));
        }
        catch (RuntimeException ex) {
            log.warn("Nhịp trạng thái trực tuyến lỗi (presence heartbeat failed); retrying at the next beat", ex);
        }
    }

    /** Drops the connections of silent instances and announces whom that took offline. */
    void sweep(Instant now) {
        Instant alive = alive(now);
        for (String dead : repository.deadInstances(alive)) {
            if (dead.equals(instanceId)) {
                continue;
            }
            List<String> usernames = transactions.execute(status -> {
                List<String> affected = repository.usernamesOf(dead);
                if (!repository.deleteInstanceIfDead(dead, alive)) {
                    return List.<String>of(); // another instance swept it first
                }
                repository.deleteSessionsOf(dead);
                return affected;
            });
            log.info("Phiên bản {} im lặng quá {}: bỏ kết nối của {} người (silent instance swept)", dead,
                    settings.expiry(), usernames.size());
            usernames.forEach(username -> recompute(username, () -> { }));
        }
        List<String> orphaned = repository.orphanedUsernames();
        if (!orphaned.isEmpty()) {
            transactions.executeWithoutResult(status -> repository.deleteOrphanedSessions());
            orphaned.forEach(username -> recompute(username, () -> { }));
        }
    }

    private Instant alive(Instant now) {
        return now.minus(settings.expiry());
    }

    // ------------------------------------------------------------------------------------------- queries

    /** See {@link vn.lienthong.chat.Chat#presence}. */
    List<ChatPresence> of(String username, Collection<String> usernames) {
        Instant now = Timestamps.now();
        if (usernames == null || usernames.isEmpty()) {
            return repository.liveStatesAround(username, alive(now)).entrySet().stream()
                    .map(entry -> new ChatPresence(entry.getKey(), entry.getValue(), now))
                    .sorted(java.util.Comparator.comparing(ChatPresence::username))
                    .toList();
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String name : usernames) {
            if (name != null && !name.isBlank()) {
                asked.add(name.strip().toLowerCase(Locale.ROOT));
            }
        }
        Set<String> visible = new LinkedHashSet<>(repository.sharingAChannel(username, asked));
        if (asked.contains(username)) {
            visible.add(username);
        }
        Map<String, State> live = repository.liveStates(visible, alive(now));
        return asked.stream().filter(visible::contains)
                .map(name -> new ChatPresence(name, live.getOrDefault(name, State.OFFLINE), now))
                .toList();
    }
}
