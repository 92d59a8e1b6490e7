package vn.lienthong.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the {@link MeetingOutbox} on one thread of its own: right after each commit that queued work, and every
 * {@code lienthong.meetings.outbox.poll-interval} (retries, work left by a crash or another instance). A failure is
 * retried with a doubling pause up to {@code max-attempts}, then logged and given up. Work the newer work of the
 * same kind replaces (a second invitation of the same meeting) is skipped as SUPERSEDED.
 */
@Component
class MeetingOutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MeetingOutboxWorker.class);
    private static final Duration CLAIM = Duration.ofMinutes(5);
    private static final Duration MAX_PAUSE = Duration.ofHours(1);

    private final MeetingOutbox outbox;
    private final MeetingClock clock;
    private final MeetingsSettings.Outbox settings;
    private final Map<MeetingOutbox.Kind, Delivery> deliveries = new EnumMap<>(MeetingOutbox.Kind.class);
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    MeetingOutboxWorker(MeetingOutbox outbox, MeetingClock clock, MeetingsSettings settings, List<Delivery> deliveries) {
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings.outbox();
        for (Delivery delivery : deliveries) {
            delivery.kinds().forEach(kind -> this.deliveries.put(kind, delivery));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(MeetingOutbox.Queued queued) {
        wake();
    }

    /** Asks for a round soon (several asks before it runs make one round). */
    void wake() {
        ScheduledExecutorService current = executor;
        if (current == null || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                wakeQueued.set(false);
                drainQuietly();
            });
        }
        catch (RejectedExecutionException ex) {
            wakeQueued.set(false);
        }
    }

    private void drainQuietly() {
        try {
            drain();
        }
        catch (RuntimeException ex) {
            log.warn("Hàng đợi cuộc họp: vòng xử lý lỗi, sẽ thử lại (meetings outbox round failed)", ex);
        }
    }

    /** Delivers everything due now; answers how many pieces of work were finished. */
    int drain() {
        int finished = 0;
        while (true) {
            List<MeetingOutbox.Work> due = outbox.due(clock.now(), 50);
            if (due.isEmpty()) {
                return finished;
            }
            int claimed = 0;
            for (MeetingOutbox.Work work : due) {
                Instant now = clock.now();
                if (!outbox.claim(work.id(), now, now.plus(CLAIM))) {
                    continue;
                }
                claimed++;
                finished += deliver(work) ? 1 : 0;
            }
            if (claimed == 0) {
                return finished;
            }
        }
    }

    private boolean deliver(MeetingOutbox.Work work) {
        Delivery delivery = deliveries.get(work.kind());
        if (delivery == null) {
            outbox.done(work.id(), "SKIPPED", "no delivery for " + work.kind(), clock.now());
            return true;
        }
        if (work.kind().replaceable() && outbox.hasNewer(work)) {
            outbox.done(work.id(), "SUPERSEDED", null, clock.now());
            return true;
        }
        try {
            String outcome = delivery.deliver(work);
            outbox.done(work.id(), outcome, null, clock.now());
            return true;
        }
        catch (Exception ex) {
            int attempts = work.attempts() + 1;
            String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            if (attempts >= settings.maxAttempts()) {
                log.error("Bỏ {} của cuộc họp {} sau {} lần thử (giving up {} of meeting {} after {} attempts)",
                        work.kind(), work.meetingId(), attempts, work.kind(), work.meetingId(), attempts, ex);
                outbox.done(work.id(), "FAILED", error, clock.now());
                return true;
            }
            Duration pause = settings.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 16));
            pause = pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
            log.warn("{} của cuộc họp {} lỗi, thử lại sau {} ({} of meeting {} failed, retry in {}): {}",
                    work.kind(), work.meetingId(), pause, work.kind(), work.meetingId(), pause, error);
            outbox.retry(work.id(), clock.now().plus(pause), error);
            return false;
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "meetings-outbox");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(100, settings.pollInterval().toMillis());
        started.scheduleWithFixedDelay(this::drainQuietly, interval, interval, TimeUnit.MILLISECONDS);
        executor = started;
        wake();
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdown();
            try {
                if (!current.awaitTermination(10, TimeUnit.SECONDS)) {
                    current.shutdownNow();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                current.shutdownNow();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** After the archive and the chat are up, before the web server takes requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}
