package vn.lienthong.mail.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.Reader;
import vn.lienthong.directory.ClusterTasks;
import vn.lienthong.mail.CalendarMessageReceived;

/**
 * Empties the archive spool that James's {@code ArchiveSpool} mailet fills (one file per mail: envelope + raw MIME):
 * each file is put into the archive with the sender and local recipients as readers, then, if the mail carries a
 * calendar, a {@link CalendarMessageReceived} is published per local recipient once the mail is in the officials'
 * mailboxes, and only then is the file deleted. Runs at start and every {@code lienthong.mail.archive.interval} on its own thread.
 *
 * <p>Nothing is lost: while the app is down, James keeps spooling; a file the archive did not accept stays for the
 * next round; a file that cannot be read at all goes to {@code failed/} with a log line, and the others go on.
 *
 * <p>Several app instances may read one spool (an external James writing to a shared folder): a round runs under the
 * cluster lock {@value #TASK}, so only one instance reads the folder at a time, and it stops after
 * {@link #MAX_ROUND}, well inside the lock's {@link #LOCK_AT_MOST_FOR}, leaving the rest for the next round.
 */
class MailArchiveSpool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailArchiveSpool.class);
    private static final String FORMAT = "X-LienThong-Spool: 1";
    private static final int MAX_ENVELOPE_LINE = 2048;
    /** How long a calendar message's announcement waits for the message to show in the recipients' mailboxes. */
    static final Duration MAX_DELIVERY_WAIT = Duration.ofMinutes(1);
    static final String TASK = "mail.archive-spool";
    /** A round's time budget: a backlog after a long outage is worked off in several rounds. */
    static final Duration MAX_ROUND = Duration.ofMinutes(5);
    /** Longer than a round can last (its budget plus the file in hand), so two instances never read at once. */
    static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(30);

    /** What the mailet recorded besides the message. */
    record Envelope(String sender, List<String> recipients) {
    }

    private final Path ready;
    private final Path failed;
    private final Duration interval;
    private final Archive archive;
    private final MailReaders readers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final BiPredicate<String, String> stored;
    private final ClusterTasks cluster;
    private final Session session = Session.getInstance(new Properties());
    private ScheduledExecutorService worker;

    /**
     * @param stored whether the message of this normalised Message-ID is in the mailbox of this username yet
     */
    MailArchiveSpool(Path spool, Duration interval, Archive archive, MailReaders readers,
                     ApplicationEventPublisher events, TransactionTemplate transactions,
                     BiPredicate<String, String> stored, ClusterTasks cluster) {
        this.ready = spool.resolve("new");
        this.failed = spool.resolve("failed");
        this.interval = interval;
        this.archive = archive;
        this.readers = readers;
        this.events = events;
        this.transactions = transactions;
        this.stored = stored;
        this.cluster = cluster;
    }

    @Override
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mail-archive-spool");
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(this::drainQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.shutdown();
            try {
                worker.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }

    /** After James (phase 0): the spool is read once James runs. */
    @Override
    public int getPhase() {
        return 10;
    }

    private void drainQuietly() {
        try {
            drainExclusively();
        } catch (RuntimeException e) {
            log.warn("Archiving mail from {} failed; trying again in {}: {}", ready, interval, e.toString());
        }
    }

    /** A round of the timer: {@link #drain()} unless another instance is draining; answers whether it drained. */
    boolean drainExclusively() {
        return cluster.runExclusively(TASK, LOCK_AT_MOST_FOR, this::drain);
    }

    /**
     * Archives every spooled mail, oldest first, for at most {@link #MAX_ROUND}; returns how many were archived. A mail
     * the archive refuses stays for the next round, as do the mails left when the time is up.
     */
    synchronized int drain() {
        Instant deadline = Instant.now().plus(MAX_ROUND);
        if (archive == null || !Files.isDirectory(ready)) {
            return 0; // no archive in this application: the spool waits
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(ready)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + ready, e);
        }
        int archived = 0;
        for (Path file : files) {
            if (Instant.now().isAfter(deadline)) {
                log.info("Archive spool: {} mails archived this round, the rest waits for the next", archived);
                break;
            }
            Optional<Work> work = read(file);
            if (work.isEmpty()) {
                continue; // moved to failed/
            }
            if (!archive(work.get())) {
                continue; // a calendar message not yet in its recipients' mailboxes: next round
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Archived {} but could not delete it; it will be archived again (harmless)", file, e);
            }
            archived++;
        }
        return archived;
    }

    private record Work(Path file, Envelope envelope, MailArchiveItems.Parsed mail, Instant spooled) {
    }

    private Optional<Work> read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            Envelope envelope = envelope(in);
            MimeMessage message = new MimeMessage(session, in);
            Instant spooled = Files.getLastModifiedTime(file).toInstant();
            return Optional.of(new Work(file, envelope, MailArchiveItems.parse(message, spooled), spooled));
        } catch (IOException | MessagingException | RuntimeException e) {
            moveToFailed(file, e);
            return Optional.empty();
        }
    }

    /** Archives the mail and announces its calendar; false when the announcement must wait for delivery. */
    private boolean archive(Work work) {
        Set<Reader> found = new LinkedHashSet<>();
        Set<String> units = new LinkedHashSet<>();
        Map<String, MailReaders.Local> localRecipients = new LinkedHashMap<>();
        readers.resolve(work.envelope().sender()).ifPresent(sender -> {
            found.addAll(readers.readersOf(sender));
            if (sender.username() != null) {
                readers.unitCodeOf(sender.username()).ifPresent(units::add);
            }
            if (sender.unitCode() != null) {
                units.add(sender.unitCode());
            }
        });
        for (String recipient : work.envelope().recipients()) {
            readers.resolve(recipient).ifPresent(local -> {
                localRecipients.putIfAbsent(local.address(), local);
                found.addAll(readers.readersOf(local));
                if (local.unitCode() != null) {
                    units.add(local.unitCode());
                }
            });
        }
        MailArchiveItems.Parsed mail = work.mail();
        if (found.isEmpty()) {
            log.debug("Mail {} concerns no official or unit; not archived", mail.id());
        } else {
            Set<Reader> all = transactions.execute(status -> readers.remember(mail.id(), found));
            archive.put(MailArchiveItems.item(mail, all, units));
        }
        if (!mail.calendars().isEmpty() && !localRecipients.isEmpty()) {
            // The spool is written as the mail enters delivery: announce it once it is in the officials' mailboxes
            // (or, should that never be seen, after a while anyway).
            boolean delivered = localRecipients.values().stream().filter(local -> local.username() != null)
                    .allMatch(local -> stored.test(local.username(), mail.id()));
            if (!delivered && Duration.between(work.spooled(), Instant.now()).compareTo(MAX_DELIVERY_WAIT) < 0) {
                return false;
            }
            MailArchiveItems.CalendarText calendar = mail.calendars().get(0);
            String from = work.envelope().sender().isBlank() ? fromHeader(mail) : work.envelope().sender();
            // In a transaction, so that module listeners (after commit, with the event registry) receive them.
            transactions.executeWithoutResult(status -> localRecipients.values().forEach(local ->
                    events.publishEvent(new CalendarMessageReceived(local.address(), local.username(), from,
                            calendar.method(), calendar.ics(), mail.id()))));
        }
        return true;
    }

    private static String fromHeader(MailArchiveItems.Parsed mail) {
        String author = mail.author();
        int open = author.lastIndexOf('<');
        int close = author.lastIndexOf('>');
        String address = open >= 0 && close > open ? author.substring(open + 1, close) : author;
        return MailAddressBook.normalise(address);
    }

    private void moveToFailed(Path file, Exception cause) {
        try {
            Files.createDirectories(failed);
            Files.move(file, failed.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            log.error("Could not read spooled mail {}; moved to {} (it is still in the mailboxes): {}", file.getFileName(),
                    failed, cause.toString());
        } catch (IOException e) {
            log.error("Could not read spooled mail {} nor move it to {}", file, failed, e);
        }
    }

    /** Reads the mailet's header lines up to the empty line, leaving the stream at the message. */
    static Envelope envelope(InputStream in) throws IOException {
        String first = line(in);
        if (!FORMAT.equals(first)) {
            throw new IOException("not a spool file (first line: " + first + ")");
        }
        String sender = "";
        List<String> recipients = new ArrayList<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            if (line.startsWith("X-Envelope-From:")) {
                sender = line.substring("X-Envelope-From:".length()).strip();
            } else if (line.startsWith("X-Envelope-To:")) {
                recipients.add(line.substring("X-Envelope-To:".length()).strip());
            } else {
                throw new IOException("unexpected spool header: " + line);
            }
        }
        return new Envelope(MailAddressBook.normalise(sender), List.copyOf(recipients));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("truncated spool header");
            }
            if (bytes.size() > MAX_ENVELOPE_LINE) {
                throw new IOException("spool header line too long");
            }
            bytes.write(b);
        }
        String line = bytes.toString(StandardCharsets.UTF_8);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
