package vn.lienthong.meetings.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * MeetingReminders {@code reminders.lead} before each occurrence, by mail and in the meeting's chat channel. Every
 * {@code reminders.interval} the occurrences starting within the lead are looked for; each is claimed with a row
 * of {@code meet_reminder} (meeting, actual start), inserted only if absent, in the same transaction as the queued
 * mail and chat post: a reminder goes out exactly once, across restarts and instances. An occurrence whose start
 * passed while the application was down is not reminded of any more.
 */
@Component
class MeetingReminders implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MeetingReminders.class);

    private final JdbcClient jdbc;
    private final MeetingRepository meetings;
    private final MeetingOutbox outbox;
    private final MeetingClock clock;
    private final MeetingsSettings.Reminders settings;
    private final TransactionTemplate transactions;
    private volatile ScheduledExecutorService executor;

    MeetingReminders(JdbcClient jdbc, MeetingRepository meetings, MeetingOutbox outbox, MeetingClock clock,
              MeetingsSettings settings, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings.reminders();
        this.transactions = transactions;
    }

    /** Claims and queues every reminder due now; answers how many were claimed by this call. */
    int sendDue() {
        Instant now = clock.now();
        Instant until = now.plus(settings.lead());
        int claimed = 0;
        List<Long> ids = meetings.idsStartingBetween(now, until);
        for (Meeting meeting : meetings.loadAll(ids).values()) {
            if (meeting.record().cancelled()) {
                continue;
            }
            for (Schedule.Slot slot : Schedule.starting(meeting.record(), meeting.exceptions(), now, until, 10)) {
                if (!slot.cancelled() && claim(meeting.id(), slot, now)) {
                    claimed++;
                }
            }
        }
        return claimed;
    }

    private boolean claim(long meetingId, Schedule.Slot slot, Instant now) {
        Boolean claimed = transactions.execute(status -> {
            int inserted = jdbc.sql("insert into meet_reminder (meeting_id, start_key, claimed_at) values (?, ?, ?) "
                            + "on conflict do nothing")
                    .params(meetingId, Timestamps.key(slot.start()), Timestamps.in(now)).update();
            if (inserted == 0) {
                return false;
            }
            outbox.enqueue(MeetingOutbox.Kind.REMINDER_MAIL, meetingId, slot.key(), "", now);
            outbox.enqueue(MeetingOutbox.Kind.CHAT_REMINDER, meetingId, slot.key(), "", now);
            return true;
        });
        return Boolean.TRUE.equals(claimed);
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "meetings-reminders");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1000, settings.interval().toMillis());
        started.scheduleWithFixedDelay(() -> {
            try {
                sendDue();
            }
            catch (RuntimeException ex) {
                log.warn("Nhắc lịch họp: vòng kiểm tra lỗi, sẽ thử lại (reminder round failed)", ex);
            }
        }, 0, interval, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}
