package vn.lienthong.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitLevel;
import vn.lienthong.meetings.CalendarPage;
import vn.lienthong.meetings.CalendarView;
import vn.lienthong.meetings.ConflictWarning;
import vn.lienthong.meetings.EndpointSelection;
import vn.lienthong.meetings.EndpointUnit;
import vn.lienthong.meetings.MeetingCancelled;
import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingException;
import vn.lienthong.meetings.MeetingSaved;
import vn.lienthong.meetings.MeetingScheduled;
import vn.lienthong.meetings.MeetingStatus;
import vn.lienthong.meetings.MeetingUpdated;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.Meetings;
import vn.lienthong.meetings.Occurrence;
import vn.lienthong.meetings.OccurrenceChange;
import vn.lienthong.meetings.ResponseStatus;

/**
 * {@link Meetings}: each change is one transaction that locks the meeting's row, writes it, and queues what must
 * follow (invitations, chat, archive) in the same transaction; conflict warnings are worked out after the commit.
 */
@Service
class MeetingService implements Meetings {

    private final MeetingAccess access;
    private final MeetingDrafts drafts;
    private final MeetingRepository meetings;
    private final MeetingConflicts conflicts;
    private final MeetingViews views;
    private final MeetingCalendarQueries calendars;
    private final MeetingOutbox outbox;
    private final GuestLinks guestLinks;
    private final MeetingClock clock;
    private final MeetingsSettings settings;
    private final MeetingLinks links;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final MeetingChatSync chatSync;

    MeetingService(MeetingAccess access, MeetingDrafts drafts, MeetingRepository meetings, MeetingConflicts conflicts, MeetingViews views,
                   MeetingCalendarQueries calendars, MeetingOutbox outbox, GuestLinks guestLinks, MeetingClock clock,
                   MeetingsSettings settings, MeetingLinks links, ApplicationEventPublisher events,
                   TransactionTemplate transactions,
                   MeetingChatSync chatSync) {
        this.chatSync = chatSync;
        this.access = access;
        this.drafts = drafts;
        this.meetings = meetings;
        this.conflicts = conflicts;
        this.views = views;
        this.calendars = calendars;
        this.outbox = outbox;
        this.guestLinks = guestLinks;
        this.clock = clock;
        this.settings = settings;
        this.links = links;
        this.events = events;
        this.transactions = transactions;
    }

    // ----------------------------------------------------------------------------------------- changes

    @Override
    public MeetingSaved schedule(String actor, MeetingDraft draft) {
        MeetingAccess.Viewer viewer = access.viewer(actor);
        MeetingDrafts.Plan plan = drafts.plan(draft);
        if (!drafts.mayHost(viewer, plan)) {
            throw MeetingDrafts.mayNotHost();
        }
        Instant now = clock.now();
        if (plan.rangeEnd() != null && !plan.rangeEnd().isAfter(now)) {
            throw MeetingException.invalid("start", "Không lên lịch được cuộc họp đã kết thúc.");
        }
        long id = Objects.requireNonNull(transactions.execute(status -> {
            List<OccurrenceRecord> exceptions = excluded(plan, List.of());
            MeetingRecord record = record(0, UUID.randomUUID() + "@" + links.host(), plan, exceptions,
                    MeetingStatus.SCHEDULED, 0, Secrets.roomName(), actor, now, now, null, null);
            long meetingId = meetings.insert(record);
            record = withId(record, meetingId);
            meetings.replaceEndpoints(meetingId, plan.endpoints(), record);
            meetings.replaceParticipants(meetingId, plan.participants(), record);
            meetings.replaceGuests(meetingId, plan.guests());
            exceptions.forEach(e -> meetings.putException(meetingId, e, now));
            outbox.enqueue(MeetingOutbox.Kind.INVITE, meetingId, "", "", now);
            outbox.enqueue(MeetingOutbox.Kind.CHAT_SYNC, meetingId, "", "", now);
            outbox.enqueue(MeetingOutbox.Kind.ARCHIVE, meetingId, "", "", now);
            events.publishEvent(new MeetingScheduled(meetingId));
            return meetingId;
        }));
        Meeting saved = meetings.load(id).orElseThrow();
        return new MeetingSaved(views.view(viewer, saved), conflicts.find(viewer, saved, id));
    }

    @Override
    public MeetingSaved update(String actor, long meetingId, MeetingDraft draft) {
        MeetingAccess.Viewer viewer = access.viewer(actor);
        MeetingDrafts.Plan plan = drafts.plan(draft);
        transactions.executeWithoutResult(status -> {
            Meeting before = managed(viewer, meetingId);
            MeetingRecord current = before.record();
            if (!drafts.mayHost(viewer, plan)) {
                throw MeetingDrafts.mayNotHost();
            }
            Instant now = clock.now();
            boolean timeChanged = !current.startAt().equals(plan.start()) || !current.endAt().equals(plan.end())
                    || !Objects.equals(current.recurrence(), plan.recurrence());
            if (timeChanged && plan.rangeEnd() != null && !plan.rangeEnd().isAfter(now)) {
                throw MeetingException.invalid("start", "Không dời cuộc họp về thời gian đã qua.");
            }
            List<OccurrenceRecord> kept = timeChanged ? List.of()
                    : before.exceptions().stream().filter(OccurrenceRecord::moved).toList();
            List<OccurrenceRecord> exceptions = excluded(plan, kept);
            MeetingRecord record = record(meetingId, current.uid(), plan, exceptions, MeetingStatus.SCHEDULED,
                    current.sequence() + 1, current.room(), current.createdBy(), current.createdAt(), now, null, null);
            meetings.update(record);
            meetings.replaceEndpoints(meetingId, plan.endpoints(), record);
            meetings.replaceParticipants(meetingId, plan.participants(), record);
            meetings.replaceGuests(meetingId, plan.guests());
            // Guests taken off lose their join links at once; the others keep theirs.
            guestLinks.removeAllBut(meetingId, plan.guests().stream().map(Meeting.GuestRow::email).toList());
            meetings.clearExceptions(meetingId);
            exceptions.forEach(e -> meetings.putException(meetingId, e, now));
            if (timeChanged) {
                meetings.clearResponses(meetingId);
            }
            Targets removed = removed(before, plan);
            if (!removed.isEmpty()) {
                outbox.enqueue(MeetingOutbox.Kind.CANCEL, meetingId, "", removed.encode(), now);
            }
            outbox.enqueue(MeetingOutbox.Kind.INVITE, meetingId, "", "", now);
            outbox.enqueue(MeetingOutbox.Kind.CHAT_SYNC, meetingId, "", "", now);
            outbox.enqueue(MeetingOutbox.Kind.ARCHIVE, meetingId, "", "", now);
            events.publishEvent(new MeetingUpdated(meetingId, record.sequence()));
        });
        Meeting saved = meetings.load(meetingId).orElseThrow();
        return new MeetingSaved(views.view(viewer, saved), conflicts.find(viewer, saved, meetingId));
    }

    @Override
    public MeetingView cancel(String actor, long meetingId, String reason) {
        MeetingAccess.Viewer viewer = access.viewer(actor);
        String why = reason(reason);
        transactions.executeWithoutResult(status -> {
            Meeting before = managed(viewer, meetingId);
            MeetingRecord m = before.record();
            Instant now = clock.now();
            meetings.update(new MeetingRecord(m.id(), m.uid(), m.title(), m.agenda(), m.startAt(), m.endAt(),
                    m.zone(), m.recurrence(), m.rangeStart(), m.rangeEnd(), m.hostUnitId(), m.chair(),
                    m.visibility(), MeetingStatus.CANCELLED, m.sequence() + 1, m.room(), m.lobby(), m.maxOccupants(),
                    m.createdBy(), m.createdAt(), now, now, why));
            guestLinks.revokeAll(meetingId, now);
            outbox.enqueue(MeetingOutbox.Kind.CANCEL, meetingId, "", "", now);
            outbox.enqueue(MeetingOutbox.Kind.CHAT_SYNC, meetingId, "", "", now);
            outbox.enqueue(MeetingOutbox.Kind.ARCHIVE, meetingId, "", "", now);
            events.publishEvent(new MeetingCancelled(meetingId));
        });
        return views.view(viewer, meetings.load(meetingId).orElseThrow());
    }

    @Override
    public MeetingSaved moveOccurrence(String actor, long meetingId, String occurrenceId, OccurrenceChange change) {
        MeetingAccess.Viewer viewer = access.viewer(actor);
        if (change == null || change.start() == null || change.end() == null) {
            throw MeetingException.invalid("start", "Chưa chọn giờ bắt đầu và kết thúc mới.");
        }
        ZoneId zone = settings.timeZone();
        Instant start = change.start().withNano(0).atZone(zone).toInstant();
        Instant end = change.end().withNano(0).atZone(zone).toInstant();
        if (!end.isAfter(start)) {
            throw MeetingException.invalid("end", "Giờ kết thúc phải sau giờ bắt đầu.");
        }
        if (Duration.between(start, end).compareTo(settings.maxDuration()) > 0) {
            throw MeetingException.invalid("end", "Một buổi họp dài tối đa " + settings.maxDuration().toHours()
                    + " giờ.");
        }
        transactions.executeWithoutResult(status -> {
            Meeting before = managed(viewer, meetingId);
            Schedule.Slot slot = occurrenceOf(before, occurrenceId);
            if (slot.cancelled()) {
                throw new MeetingException(MeetingException.Reason.CONFLICT, "Buổi họp này đã huỷ.");
            }
            Instant now = clock.now();
            if (!end.isAfter(now)) {
                throw MeetingException.invalid("start", "Không dời buổi họp về thời gian đã qua.");
            }
            List<OccurrenceRecord> exceptions = new ArrayList<>(before.exceptions().stream()
                    .filter(e -> !e.key().equals(slot.key())).toList());
            OccurrenceRecord moved = new OccurrenceRecord(slot.key(), slot.originalStart(), false, start, end, null);
            exceptions.add(moved);
            MeetingRecord record = resequenced(before.record(), exceptions, now);
            meetings.update(record);
            meetings.updateRanges(record);
            meetings.putException(meetingId, moved, now);
            meetings.clearResponses(meetingId, slot.key());
            outbox.enqueue(MeetingOutbox.Kind.INVITE, meetingId, "", "", now);
            outbox.enqueue(MeetingOutbox.Kind.ARCHIVE, meetingId, "", "", now);
            events.publishEvent(new MeetingUpdated(meetingId, record.sequence()));
        });
        Meeting saved = meetings.load(meetingId).orElseThrow();
        Meeting alone = alone(saved, start, end);
        return new MeetingSaved(views.view(viewer, saved), conflicts.find(viewer, alone, meetingId));
    }

    @Override
    public MeetingView cancelOccurrence(String actor, long meetingId, String occurrenceId, String reason) {
        MeetingAccess.Viewer viewer = access.viewer(actor);
        String why = reason(reason);
        transactions.executeWithoutResult(status -> {
            Meeting before = managed(viewer, meetingId);
            Schedule.Slot slot = occurrenceOf(before, occurrenceId);
            if (slot.cancelled()) {
                return;
            }
            Instant now = clock.now();
            OccurrenceRecord previous = before.exception(slot.key()).orElse(null);
            OccurrenceRecord cancelled = new OccurrenceRecord(slot.key(), slot.originalStart(), true,
                    previous == null ? null : previous.startAt(), previous == null ? null : previous.endAt(), why);
            List<OccurrenceRecord> exceptions = new ArrayList<>(before.exceptions().stream()
                    .filter(e -> !e.key().equals(slot.key())).toList());
            exceptions.add(cancelled);
            MeetingRecord record = resequenced(before.record(), exceptions, now);
            meetings.update(record);
            meetings.putException(meetingId, cancelled, now);
            outbox.enqueue(MeetingOutbox.Kind.CANCEL, meetingId, slot.key(), "", now);
            outbox.enqueue(MeetingOutbox.Kind.ARCHIVE, meetingId, "", "", now);
            events.publishEvent(new MeetingUpdated(meetingId, record.sequence()));
        });
        return views.view(viewer, meetings.load(meetingId).orElseThrow());
    }

    @Override
    public List<ConflictWarning> conflicts(String actor, MeetingDraft draft, Long meetingId) {
        MeetingAccess.Viewer viewer = access.viewer(actor);
        MeetingDrafts.Plan plan = drafts.plan(draft);
        List<OccurrenceRecord> exceptions = excluded(plan, List.of());
        Instant now = clock.now();
        MeetingRecord record = record(-1, "", plan, exceptions, MeetingStatus.SCHEDULED, 0, "", viewer.username(),
                now, now, null, null);
        Meeting candidate = new Meeting(record, plan.endpoints(), plan.participants(), plan.guests(), exceptions);
        return conflicts.find(viewer, candidate, meetingId);
    }

    // ------------------------------------------------------------------------------------------ reading

    @Override
    public OptionalLong chatChannel(String viewer, long meetingId) {
        meeting(viewer, meetingId);
        return chatSync.channelId(meetingId);
    }

    @Override
    public MeetingView meeting(String viewer, long meetingId) {
        MeetingAccess.Viewer v = access.viewer(viewer);
        return views.view(v, v.visible(meetings.load(meetingId)));
    }

    @Override
    public List<Occurrence> occurrences(String viewer, long meetingId, Instant from, Instant to) {
        MeetingAccess.Viewer v = access.viewer(viewer);
        Meeting meeting = v.visible(meetings.load(meetingId));
        if (from == null || to == null || !to.isAfter(from)) {
            throw MeetingException.invalid("to", "Khoảng thời gian không hợp lệ: \"đến\" phải sau \"từ\".");
        }
        return Schedule.starting(meeting.record(), meeting.exceptions(), from, to, Schedule.MAX_OCCURRENCES).stream()
                .map(slot -> views.occurrence(meeting.record(), slot))
                .toList();
    }

    @Override
    public ResponseStatus respond(String username, long meetingId, String occurrenceId, ResponseStatus status,
                                  String comment) {
        MeetingAccess.Viewer viewer = access.viewer(username);
        if (status == null || status == ResponseStatus.NEEDS_ACTION) {
            throw MeetingException.invalid("status", "Chọn Tham dự, Không tham dự hoặc Chưa chắc chắn.");
        }
        Meeting meeting = viewer.visible(meetings.load(meetingId));
        if (!viewer.invited(meeting)) {
            throw new MeetingException(MeetingException.Reason.FORBIDDEN,
                    "Bạn không có trong danh sách mời nên không trả lời được.");
        }
        if (meeting.record().cancelled()) {
            throw new MeetingException(MeetingException.Reason.CONFLICT, "Cuộc họp đã huỷ.");
        }
        String key = "";
        if (occurrenceId != null && !occurrenceId.isBlank()) {
            Schedule.Slot slot = occurrenceOf(meeting, occurrenceId.strip());
            if (slot.cancelled()) {
                throw new MeetingException(MeetingException.Reason.CONFLICT, "Buổi họp này đã huỷ.");
            }
            key = slot.key();
        }
        String note = comment == null ? null : comment.strip();
        if (note != null && note.length() > 1000) {
            throw MeetingException.invalid("comment", "Ghi chú tối đa 1000 ký tự.");
        }
        Instant now = clock.now();
        String occurrenceKey = key;
        transactions.executeWithoutResult(tx -> {
            meetings.putResponse(meetingId, new MeetingRepository.Response(viewer.username(), occurrenceKey, status,
                    note == null || note.isEmpty() ? null : note, "WEB", now));
            if (!viewer.username().equals(meeting.record().chair())) {
                // The organiser's calendar program learns the answer too (iMIP REPLY), as the invitee's would say.
                outbox.enqueue(MeetingOutbox.Kind.REPLY, meetingId, occurrenceKey, viewer.username(), now);
            }
        });
        return status;
    }

    @Override
    public CalendarPage calendarOf(String viewer, String username, CalendarView view, LocalDate date) {
        MeetingAccess.Viewer v = access.viewer(viewer);
        MeetingAccess.Viewer owner = v;
        if (username != null && !username.isBlank() && !username.strip().equalsIgnoreCase(v.username())) {
            Official other = access.findOfficial(username.strip().toLowerCase(java.util.Locale.ROOT))
                    .filter(Official::active)
                    .orElseThrow(() -> new MeetingException(MeetingException.Reason.NOT_FOUND,
                            "Không tìm thấy cán bộ \"" + username.strip() + "\"."));
            if (!v.administers(other.unitId())) {
                throw new MeetingException(MeetingException.Reason.FORBIDDEN,
                        "Chỉ quản trị của đơn vị mới xem được lịch của cán bộ khác.");
            }
            owner = access.viewer(other.username());
        }
        return calendars.ofOfficial(v, owner, view == null ? CalendarView.MONTH : view, date(date));
    }

    @Override
    public CalendarPage unitCalendar(String viewer, long unitId, CalendarView view, LocalDate date) {
        MeetingAccess.Viewer v = access.viewer(viewer);
        Unit unit = access.directory().findUnit(unitId).orElseThrow(() -> new MeetingException(
                MeetingException.Reason.NOT_FOUND, "Không tìm thấy đơn vị."));
        if (!calendars.mayViewUnit(v, unit)) {
            throw new MeetingException(MeetingException.Reason.FORBIDDEN,
                    "Lịch họp của đơn vị chỉ dành cho cán bộ và quản trị của đơn vị.");
        }
        return calendars.ofUnit(v, unitId, view == null ? CalendarView.MONTH : view, date(date));
    }

    @Override
    public List<EndpointUnit> endpointCandidates(String actor, long unitId, Set<UnitLevel> levels) {
        access.viewer(actor);
        return drafts.selection(new EndpointSelection(unitId, levels)).stream()
                .map(u -> new EndpointUnit(u.id(), u.code(), u.name(), u.level(), u.parentId()))
                .toList();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The meeting locked for a change by a manager; cancelled meetings cannot change. */
    private Meeting managed(MeetingAccess.Viewer viewer, long meetingId) {
        MeetingRecord locked = meetings.lock(meetingId).orElseThrow(MeetingException::notFound);
        Meeting meeting = viewer.visible(meetings.load(locked.id()));
        if (!viewer.manager(locked)) {
            throw new MeetingException(MeetingException.Reason.FORBIDDEN,
                    "Chỉ người tổ chức hoặc quản trị của đơn vị chủ trì mới sửa, huỷ được cuộc họp này.");
        }
        if (locked.cancelled()) {
            throw new MeetingException(MeetingException.Reason.CONFLICT, "Cuộc họp đã huỷ, không thay đổi được nữa.");
        }
        return meeting;
    }

    private Schedule.Slot occurrenceOf(Meeting meeting, String occurrenceId) {
        if (!meeting.record().recurring()) {
            throw MeetingException.invalid("occurrenceId", "Đây không phải cuộc họp định kỳ.");
        }
        Schedule.Slot slot = Schedule.find(meeting.record(), meeting.exceptions(), occurrenceId);
        if (slot == null) {
            throw new MeetingException(MeetingException.Reason.NOT_FOUND, "Không có buổi họp này trong chuỗi.");
        }
        return slot;
    }

    /** The plan's excluded occurrences as exceptions, merged with the moved ones that are kept. */
    private static List<OccurrenceRecord> excluded(MeetingDrafts.Plan plan, List<OccurrenceRecord> kept) {
        List<OccurrenceRecord> exceptions = new ArrayList<>();
        Set<Instant> excluded = new HashSet<>(plan.excludedStarts());
        for (OccurrenceRecord moved : kept) {
            exceptions.add(new OccurrenceRecord(moved.key(), moved.originalStart(),
                    excluded.remove(moved.originalStart()), moved.startAt(), moved.endAt(), moved.reason()));
        }
        for (Instant start : new LinkedHashSet<>(plan.excludedStarts())) {
            if (excluded.contains(start)) {
                exceptions.add(new OccurrenceRecord(Timestamps.key(start), start, true, null, null, null));
            }
        }
        return exceptions;
    }

    private static MeetingRecord record(long id, String uid, MeetingDrafts.Plan plan, List<OccurrenceRecord> exceptions,
                                       MeetingStatus status, int sequence, String room, String createdBy,
                                       Instant createdAt, Instant updatedAt, Instant cancelledAt, String reason) {
        Instant rangeStart = plan.start();
        Instant rangeEnd = plan.rangeEnd();
        for (OccurrenceRecord e : exceptions) {
            if (e.moved()) {
                rangeStart = e.startAt().isBefore(rangeStart) ? e.startAt() : rangeStart;
                rangeEnd = rangeEnd == null ? null : e.endAt().isAfter(rangeEnd) ? e.endAt() : rangeEnd;
            }
        }
        return new MeetingRecord(id, uid, plan.title(), plan.agenda(), plan.start(), plan.end(), plan.zone(),
                plan.recurrence(), rangeStart, rangeEnd, plan.host().id(), plan.chair().username(), plan.visibility(),
                status, sequence, room, plan.lobby(), plan.maxOccupants(), createdBy, createdAt, updatedAt,
                cancelledAt, reason);
    }

    /** The same meeting one SEQUENCE further, its range widened to its moved occurrences. */
    private MeetingRecord resequenced(MeetingRecord m, List<OccurrenceRecord> exceptions, Instant now) {
        Instant rangeStart = m.startAt();
        Instant last = m.recurrence() == null ? null
                : Recurrence.lastStart(m.recurrence(), m.zonedStart(), settings.maxSeriesYears() + 1);
        Instant rangeEnd = m.recurrence() == null ? m.endAt() : last == null ? null : last.plus(m.duration());
        for (OccurrenceRecord e : exceptions) {
            if (e.moved()) {
                rangeStart = e.startAt().isBefore(rangeStart) ? e.startAt() : rangeStart;
                rangeEnd = rangeEnd == null ? null : e.endAt().isAfter(rangeEnd) ? e.endAt() : rangeEnd;
            }
        }
        return new MeetingRecord(m.id(), m.uid(), m.title(), m.agenda(), m.startAt(), m.endAt(), m.zone(),
                m.recurrence(), rangeStart, rangeEnd, m.hostUnitId(), m.chair(), m.visibility(), m.status(),
                m.sequence() + 1, m.room(), m.lobby(), m.maxOccupants(), m.createdBy(), m.createdAt(), now,
                m.cancelledAt(), m.cancelReason());
    }

    private static MeetingRecord withId(MeetingRecord m, long id) {
        return new MeetingRecord(id, m.uid(), m.title(), m.agenda(), m.startAt(), m.endAt(), m.zone(),
                m.recurrence(), m.rangeStart(), m.rangeEnd(), m.hostUnitId(), m.chair(), m.visibility(), m.status(),
                m.sequence(), m.room(), m.lobby(), m.maxOccupants(), m.createdBy(), m.createdAt(), m.updatedAt(),
                m.cancelledAt(), m.cancelReason());
    }

    /** One occurrence as a single meeting, to look for conflicts at its new time. */
    private static Meeting alone(Meeting meeting, Instant start, Instant end) {
        MeetingRecord m = meeting.record();
        MeetingRecord single = new MeetingRecord(m.id(), m.uid(), m.title(), m.agenda(), start, end, m.zone(), null,
                start, end, m.hostUnitId(), m.chair(), m.visibility(), m.status(), m.sequence(), m.room(), m.lobby(),
                m.maxOccupants(), m.createdBy(), m.createdAt(), m.updatedAt(), m.cancelledAt(), m.cancelReason());
        return new Meeting(single, meeting.endpointUnitIds(), meeting.participants(), meeting.guests(), List.of());
    }

    /** Who the new plan leaves out: they get a cancellation. */
    private static Targets removed(Meeting before, MeetingDrafts.Plan plan) {
        Set<String> nowNamed = new HashSet<>();
        plan.participants().forEach(p -> nowNamed.add(p.username()));
        List<String> users = before.participants().stream().map(Meeting.Participant::username)
                .filter(u -> !nowNamed.contains(u)).toList();
        Set<Long> nowUnits = plan.visibility() == vn.lienthong.meetings.Visibility.PUBLIC_TO_UNITS
                ? new HashSet<>(plan.endpoints()) : Set.of();
        List<Long> units = before.record().isPublic()
                ? before.endpointUnitIds().stream().filter(u -> !nowUnits.contains(u)).toList() : List.of();
        Set<String> nowGuests = new HashSet<>();
        plan.guests().forEach(g -> nowGuests.add(g.email()));
        List<String> emails = before.guests().stream().map(Meeting.GuestRow::email)
                .filter(e -> !nowGuests.contains(e)).toList();
        return new Targets(users, units, emails);
    }

    private static String reason(String reason) {
        String why = reason == null ? null : reason.strip();
        if (why != null && why.length() > 1000) {
            throw MeetingException.invalid("reason", "Lý do tối đa 1000 ký tự.");
        }
        return why == null || why.isEmpty() ? null : why;
    }

    private LocalDate date(LocalDate date) {
        return date != null ? date : clock.now().atZone(settings.timeZone()).toLocalDate();
    }
}
