package vn.lienthong.meetings.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.mail.CalendarMessageReceived;
import vn.lienthong.mail.SystemMail;

/**
 * Answers by mail (iMIP, RFC 6047): a {@code METHOD:REPLY} reaching a mailbox of the suite (the ORGANIZER is the
 * chair) is read for its UID, RECURRENCE-ID and the ATTENDEE's PARTSTAT, and recorded like an answer from the web
 * page. Only the attendee's own address may answer for it (the ATTENDEE must be the sender); the attendee must be an
 * invitee (an official by their address, or a guest). A message that is not iCalendar, or names a meeting we do not
 * know, is logged and left alone: the mail itself stays in the mailbox, nothing is lost. Handled on a thread of its
 * own, after the publishing transaction; the same message twice gives the same answer.
 */
@Component
class ImipReplies implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImipReplies.class);

    private final MeetingRepository meetings;
    private final Directory directory;
    private final MeetingAccess access;
    private final MeetingClock clock;
    private final ObjectProvider<SystemMail> systemMail;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "meetings-imip");
        thread.setDaemon(true);
        return thread;
    });

    ImipReplies(MeetingRepository meetings, Directory directory, MeetingAccess access, MeetingClock clock,
                ObjectProvider<SystemMail> systemMail) {
        this.meetings = meetings;
        this.directory = directory;
        this.access = access;
        this.clock = clock;
        this.systemMail = systemMail;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CalendarMessageReceived message) {
        if (!"REPLY".equalsIgnoreCase(message.method() == null ? "" : message.method().strip())
                && (message.ics() == null || !message.ics().toUpperCase(Locale.ROOT).contains("METHOD:REPLY"))) {
            return;
        }
        SystemMail own = systemMail.getIfAvailable();
        if (own != null && message.fromAddress() != null
                && own.address().equalsIgnoreCase(message.fromAddress().strip())) {
            // Our own REPLY of an answer given on the meeting page (InvitationMail): already recorded.
            return;
        }
        try {
            worker.execute(() -> {
                try {
                    handle(message);
                }
                catch (RuntimeException ex) {
                    log.warn("Không ghi được trả lời lịch họp từ thư {} (iMIP reply not recorded)",
                            message.messageId(), ex);
                }
            });
        }
        catch (RejectedExecutionException ex) {
            log.debug("Shutting down: iMIP reply {} not handled", message.messageId());
        }
    }

    /** Records the answers of one message; answers how many were recorded. */
    int handle(CalendarMessageReceived message) {
        List<ICalendars.Reply> replies;
        try {
            replies = ICalendars.replies(message.ics() == null ? "" : message.ics());
        }
        catch (ICalendars.BrokenCalendarException ex) {
            log.warn("Thư {} từ {} có lịch (text/calendar) không đọc được, bỏ qua; thư vẫn nằm trong hộp thư "
                            + "(unreadable iCalendar reply ignored): {}", message.messageId(), message.fromAddress(),
                    ex.getMessage());
            return 0;
        }
        int recorded = 0;
        for (ICalendars.Reply reply : replies) {
            if (record(message, reply)) {
                recorded++;
            }
        }
        return recorded;
    }

    private boolean record(CalendarMessageReceived message, ICalendars.Reply reply) {
        Optional<Meeting> found = meetings.findByUid(reply.uid()).flatMap(m -> meetings.load(m.id()));
        if (found.isEmpty()) {
            log.debug("iMIP reply {} for unknown UID {} ignored", message.messageId(), reply.uid());
            return false;
        }
        Meeting meeting = found.get();
        String from = message.fromAddress() == null ? "" : message.fromAddress().strip().toLowerCase(Locale.ROOT);
        if (!from.isEmpty() && !from.equals(reply.attendeeEmail())) {
            log.warn("Trả lời lịch họp {} của {} gửi từ {} bị bỏ qua: chỉ người được mời tự trả lời được "
                    + "(attendee is not the sender)", meeting.id(), reply.attendeeEmail(), from);
            return false;
        }
        String attendee = attendee(meeting, reply.attendeeEmail());
        if (attendee == null) {
            log.info("Trả lời lịch họp {} từ {} bị bỏ qua: không có trong danh sách mời (not an invitee)",
                    meeting.id(), reply.attendeeEmail());
            return false;
        }
        String key = "";
        MeetingRecord m = meeting.record();
        Instant occurrence = reply.occurrenceInstant() != null ? reply.occurrenceInstant()
                : reply.floatingOccurrence() == null ? null : reply.floatingOccurrence().atZone(m.zone()).toInstant();
        if (occurrence != null && m.recurring()) {
            Schedule.Slot slot = Schedule.find(m, meeting.exceptions(), Timestamps.key(occurrence));
            if (slot == null) {
                log.info("Trả lời lịch họp {} cho buổi {} không có trong chuỗi, bỏ qua", m.id(), occurrence);
                return false;
            }
            key = slot.key();
        }
        if (reply.sequence() != null && reply.sequence() < m.sequence()) {
            log.debug("iMIP reply to sequence {} of meeting {} (now {}) recorded anyway", reply.sequence(), m.id(),
                    m.sequence());
        }
        String comment = reply.comment() == null ? null : reply.comment().strip();
        if (comment != null && comment.length() > 1000) {
            comment = comment.substring(0, 1000);
        }
        meetings.putResponse(m.id(), new MeetingRepository.Response(attendee, key, reply.status(),
                comment == null || comment.isEmpty() ? null : comment, "MAIL", clock.now()));
        log.info("Meeting {}: {} answered {} by mail (message {})", m.id(), attendee, reply.status(),
                message.messageId());
        return true;
    }

    /** The invitee answering from this address: an official's username, or {@code mailto:} of a guest. */
    private String attendee(Meeting meeting, String email) {
        Optional<Official> official = directory.findOfficialByEmail(email).filter(Official::active);
        if (official.isPresent() && access.isInvited(official.get(), meeting)) {
            return official.get().username();
        }
        boolean guest = meeting.guests().stream().anyMatch(g -> g.email().equalsIgnoreCase(email));
        return guest ? MeetingViews.mailto(email) : null;
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
