package vn.lienthong.mail.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.mail.MailboxException;

/**
 * IMAP sessions kept open between webmail calls, each the administrator acting for one official (SASL PLAIN with an
 * authorisation identity) with at most one folder selected. Reusing them spares a login and, above all, a SELECT per
 * call: James answers a SELECT by reading every UID of the folder, which made each page of a 10,000-message folder cost
 * hundreds of milliseconds. A reused session first sends NOOP, which both proves it alive and brings the selected
 * folder up to date (new, expunged and re-flagged messages).
 *
 * <p>A session serves one call at a time; concurrent calls of one official get further sessions. Sessions idle longer
 * than {@link #IDLE_TIMEOUT_MILLIS} are closed; at most {@link #MAX_IDLE_PER_ADDRESS} per official and
 * {@link #MAX_IDLE} in all are kept. A session whose call failed with a protocol error is closed, never reused.
 */
final class ImapSessions implements AutoCloseable {

    static final long IDLE_TIMEOUT_MILLIS = 120_000;
    static final int MAX_IDLE_PER_ADDRESS = 2;
    static final int MAX_IDLE = 200;
    private static final Logger log = LoggerFactory.getLogger(ImapSessions.class);

    private final JamesConnection james;
    private final Map<String, Deque<ImapSession>> idle = new HashMap<>();
    private int idleCount;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "imap-session-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    ImapSessions(JamesConnection james) {
        this.james = james;
        sweeper.scheduleWithFixedDelay(this::closeIdle, 30, 30, TimeUnit.SECONDS);
    }

    interface Work<T> {
        T run(ImapSession session) throws MessagingException;
    }

    /** Runs the work on a session acting for {@code address}. */
    <T> T run(String address, Work<T> work) throws MessagingException {
        ImapSession session = borrow(address);
        boolean reusable = false;
        try {
            T result = work.run(session);
            reusable = true;
            return result;
        } catch (MailboxException refused) {
            reusable = true; // a refusal of ours (no such message, folder...): the session itself is fine
            throw refused;
        } finally {
            if (reusable) {
                giveBack(session);
            } else {
                session.closeQuietly();
            }
        }
    }

    private ImapSession borrow(String address) throws MessagingException {
        while (true) {
            ImapSession pooled;
            synchronized (this) {
                Deque<ImapSession> sessions = idle.get(address);
                pooled = sessions == null ? null : sessions.pollFirst();
                if (pooled != null) {
                    idleCount--;
                    if (sessions.isEmpty()) {
                        idle.remove(address);
                    }
                }
            }
            if (pooled == null) {
                return open(address);
            }
            if (pooled.refresh()) {
                return pooled;
            }
            pooled.closeQuietly(); // James restarted or dropped it: try the next one, or a new session
        }
    }

    private void giveBack(ImapSession session) {
        if (!session.store().isConnected()) {
            return;
        }
        session.touch();
        ImapSession evicted = null;
        synchronized (this) {
            Deque<ImapSession> sessions = idle.computeIfAbsent(session.address(), key -> new ArrayDeque<>());
            if (sessions.size() >= MAX_IDLE_PER_ADDRESS || idleCount >= MAX_IDLE) {
                evicted = session;
            } else {
                sessions.addFirst(session);
                idleCount++;
            }
        }
        if (evicted != null) {
            evicted.closeQuietly();
        }
    }

    private ImapSession open(String address) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.host", james.host());
        properties.put("mail.imap.port", Integer.toString(james.imapPort()));
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "30000");
        properties.put("mail.imap.sasl.enable", "true");
        properties.put("mail.imap.sasl.mechanisms", "PLAIN");
        properties.put("mail.imap.sasl.authorizationid", address);
        properties.put("mail.mime.decodetext.strict", "false");
        // An external James offering STARTTLS gets TLS (certificate checked); the embedded one is on loopback.
        properties.put("mail.imap.starttls.enable", "true");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(james.host(), james.imapPort(), james.administrator(), james.administratorPassword());
        return new ImapSession(address, store);
    }

    private void closeIdle() {
        long now = System.currentTimeMillis();
        java.util.List<ImapSession> expired = new java.util.ArrayList<>();
        synchronized (this) {
            for (Iterator<Deque<ImapSession>> all = idle.values().iterator(); all.hasNext(); ) {
                Deque<ImapSession> sessions = all.next();
                sessions.removeIf(session -> {
                    boolean old = now - session.lastUsed() > IDLE_TIMEOUT_MILLIS;
                    if (old) {
                        expired.add(session);
                    }
                    return old;
                });
                if (sessions.isEmpty()) {
                    all.remove();
                }
            }
            idleCount -= expired.size();
        }
        expired.forEach(ImapSession::closeQuietly);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        java.util.List<ImapSession> all = new java.util.ArrayList<>();
        synchronized (this) {
            idle.values().forEach(all::addAll);
            idle.clear();
            idleCount = 0;
        }
        all.forEach(ImapSession::closeQuietly);
    }

    /** One IMAP connection acting for an official, and the folder it has selected, if any. */
    static final class ImapSession {

        private final String address;
        private final Store store;
        private Folder selected;
        private long lastUsed = System.currentTimeMillis();
        /** Special folders seen to exist by this session (they are never deleted while it lives). */
        private final java.util.Set<String> existing = new java.util.HashSet<>();

        ImapSession(String address, Store store) {
            this.address = address;
            this.store = store;
        }

        String address() {
            return address;
        }

        Store store() {
            return store;
        }

        Folder getFolder(String name) throws MessagingException {
            return store.getFolder(name);
        }

        Folder getDefaultFolder() throws MessagingException {
            return store.getDefaultFolder();
        }

        long lastUsed() {
            return lastUsed;
        }

        void touch() {
            lastUsed = System.currentTimeMillis();
        }

        boolean knownToExist(String folder) {
            return existing.contains(folder);
        }

        void existsNow(String folder) {
            existing.add(folder);
        }

        /**
         * The folder, open in at least the given mode: the selected one when it is the same (a read-write folder
         * serves read-only calls too), otherwise the selected one is closed and this one opened.
         */
        Folder select(Folder folder, int mode) throws MessagingException {
            if (selected != null && selected.isOpen() && selected.getFullName().equals(folder.getFullName())
                    && (selected.getMode() == Folder.READ_WRITE || mode == Folder.READ_ONLY)) {
                return selected;
            }
            unselect();
            folder.open(mode);
            selected = folder;
            return folder;
        }

        /** Closes the selected folder (without expunging), e.g. before the folder is renamed or deleted. */
        void unselect() throws MessagingException {
            Folder previous = selected;
            selected = null;
            if (previous != null && previous.isOpen()) {
                previous.close(false);
            }
        }

        /**
         * NOOP: true when the connection works. The selected folder learns of new messages and flag changes; when the
         * server reports expunged messages, the folder is closed instead (it is selected afresh by the next call):
         * the client library keeps expunged messages in its numbering until the folder is closed, which would put
         * sequence-number paging off by the number of messages removed.
         */
        boolean refresh() {
            try {
                if (selected instanceof IMAPFolder folder && folder.isOpen()) {
                    boolean expunged = (Boolean) folder.doCommand(protocol -> {
                        Response[] responses = protocol.command("NOOP", null);
                        boolean removed = Arrays.stream(responses).anyMatch(response ->
                                response instanceof IMAPResponse untagged
                                        && (untagged.keyEquals("EXPUNGE") || untagged.keyEquals("VANISHED")));
                        protocol.notifyResponseHandlers(responses);
                        protocol.handleResult(responses[responses.length - 1]);
                        return removed;
                    });
                    if (expunged || !folder.isOpen()) {
                        unselect();
                    }
                    return true;
                }
                return store.isConnected(); // sends a NOOP
            } catch (MessagingException | RuntimeException e) {
                return false;
            }
        }

        void closeQuietly() {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("Closing an IMAP session of {}: {}", address, e.toString());
            }
        }
    }
}
