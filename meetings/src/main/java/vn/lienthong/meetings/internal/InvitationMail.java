package vn.lienthong.meetings.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;
import vn.lienthong.mail.CalendarPart;
import vn.lienthong.mail.Draft;
import vn.lienthong.mail.SystemMail;
import vn.lienthong.meetings.ResponseStatus;

/**
 * Invitations (METHOD:REQUEST), cancellations (METHOD:CANCEL) and reminders by mail, from the system address
 * ({@link SystemMail}), to the invitees as {@link MeetingInvitees} finds them, {@code outbox.batch-size} addresses per
 * message. The iCalendar object is built when the mail leaves, from the meeting as it is then: a later change
 * queues its own invitation, and the older one is skipped. The ORGANIZER is the chair (so iMIP replies reach a
 * mailbox of the suite), sent by the system address. Without mail (no {@link SystemMail} bean) nothing is sent.
 */
@Component
class InvitationMail implements Delivery {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

    private final MeetingRepository meetings;
    private final MeetingInvitees invitees;
    private final Directory directory;
    private final ObjectProvider<SystemMail> systemMail;
    private final MeetingsSettings settings;
    private final MeetingLinks links;
    private final GuestLinks guestLinks;
    private final MeetingClock clock;

    InvitationMail(MeetingRepository meetings, MeetingInvitees invitees, Directory directory,
                   ObjectProvider<SystemMail> systemMail, MeetingsSettings settings, MeetingLinks links,
                   GuestLinks guestLinks, MeetingClock clock) {
        this.meetings = meetings;
        this.invitees = invitees;
        this.directory = directory;
        this.systemMail = systemMail;
        this.settings = settings;
        this.links = links;
        this.guestLinks = guestLinks;
        this.clock = clock;
    }

    @Override
    public Set<MeetingOutbox.Kind> kinds() {
        return Set.of(MeetingOutbox.Kind.INVITE, MeetingOutbox.Kind.CANCEL, MeetingOutbox.Kind.REMINDER_MAIL,
                MeetingOutbox.Kind.REPLY);
    }

    @Override
    public String deliver(MeetingOutbox.Work work) {
        SystemMail mail = systemMail.getIfAvailable();
        if (mail == null) {
            log.debug("Mail is off: {} of meeting {} not sent", work.kind(), work.meetingId());
            return "SKIPPED";
        }
        Meeting meeting = meetings.load(work.meetingId()).orElse(null);
        if (meeting == null) {
            return "SKIPPED";
        }
        return switch (work.kind()) {
            case INVITE -> invite(mail, meeting);
            case CANCEL -> cancel(mail, meeting, work);
            case REMINDER_MAIL -> remind(mail, meeting, work.occurrenceKey());
            case REPLY -> reply(mail, meeting, work.payload(), work.occurrenceKey());
            default -> "SKIPPED";
        };
    }

    private String invite(SystemMail mail, Meeting meeting) {
        if (meeting.record().cancelled()) {
            return "SKIPPED";
        }
        List<MeetingInvitees.Invitee> to = invitees.all(meeting);
        Instant now = clock.now();
        ICalendars.Details details = details(meeting, to, mail.address());
        boolean update = meeting.record().sequence() > 0;
        String subject = (update ? "Cập nhật lịch họp: " : "Mời họp: ") + meeting.record().title() + " ("
                + Formats.span(firstStart(meeting), firstEnd(meeting), meeting.record().zone()) + ")";
        String intro = update ? "Lịch họp đã thay đổi. Thông tin mới:" : null;
        send(mail, meeting, to, subject, link -> body(meeting, intro, link),
                link -> CalendarPart.request(ICalendars.request(meeting, personal(details, meeting, link), now)),
                true);
        return "SENT";
    }

    private String cancel(SystemMail mail, Meeting meeting, MeetingOutbox.Work work) {
        List<MeetingInvitees.Invitee> to = work.payload().isEmpty() ? invitees.all(meeting)
                : invitees.of(Targets.decode(work.payload()));
        if (to.isEmpty()) {
            return "SKIPPED";
        }
        String key = work.occurrenceKey();
        Instant now = clock.now();
        ICalendars.Details details = details(meeting, to, mail.address());
        MeetingRecord m = meeting.record();
        String subject;
        String intro;
        if (!key.isEmpty()) {
            Instant original = Timestamps.parseKey(key);
            String when = Formats.span(original, original.plus(m.duration()), m.zone());
            subject = "Huỷ buổi họp: " + m.title() + " (" + when + ")";
            intro = "Buổi họp lúc " + when + " đã bị huỷ. Các buổi khác của chuỗi vẫn giữ nguyên.";
        }
        else if (!work.payload().isEmpty()) {
            subject = "Thôi mời họp: " + m.title();
            intro = "Quý vị không còn trong danh sách mời của cuộc họp này.";
        }
        else {
            subject = "Huỷ họp: " + m.title();
            intro = "Cuộc họp đã bị huỷ." + (m.cancelReason() == null ? "" : " Lý do: " + m.cancelReason());
        }
        String text = intro;
        send(mail, meeting, to, subject, link -> body(meeting, text, link),
                link -> CalendarPart.cancel(ICalendars.cancel(meeting, key, personal(details, meeting, link), now)),
                false);
        return "SENT";
    }

    private String remind(SystemMail mail, Meeting meeting, String key) {
        Schedule.Slot slot = Schedule.find(meeting.record(), meeting.exceptions(), key);
        if (meeting.record().cancelled() || slot == null || slot.cancelled()) {
            return "SKIPPED";
        }
        MeetingRecord m = meeting.record();
        String subject = "Nhắc lịch họp: " + m.title() + " bắt đầu lúc "
                + Formats.TIME.format(slot.start().atZone(m.zone())) + " " + Formats.DATE.format(slot.start()
                .atZone(m.zone()));
        String intro = "Cuộc họp sắp bắt đầu (" + Formats.span(slot.start(), slot.end(), m.zone()) + ").";
        send(mail, meeting, invitees.all(meeting), subject, link -> body(meeting, intro, link), null, true);
        return "SENT";
    }

    /**
     * The answer an official gave on the meeting page, as their calendar program would have sent it: METHOD:REPLY to
     * the chair (the ORGANIZER), from the system address. The answer is read when the mail leaves, so a quick
     * change of mind sends the latest answer.
     */
    private String reply(SystemMail mail, Meeting meeting, String username, String key) {
        MeetingRecord m = meeting.record();
        Official official = directory.findOfficialByUsername(username).orElse(null);
        Official chair = directory.findOfficialByUsername(m.chair()).filter(Official::active).orElse(null);
        if (m.cancelled() || official == null || chair == null || chair.email() == null
                || official.email() == null) {
            return "SKIPPED";
        }
        MeetingRepository.Response answer = meetings.responses(m.id()).stream()
                .filter(r -> r.attendee().equals(username) && r.occurrenceKey().equals(key))
                .reduce((first, second) -> second).orElse(null);
        if (answer == null) {
            return "SKIPPED";
        }
        String ics = ICalendars.reply(meeting, key, chair.email(), chair.fullName(),
                new ICalendars.AttendeeEntry(official.email(), official.fullName(), false, false, answer.status()),
                answer.comment(), clock.now());
        String verdict = switch (answer.status()) {
            case ACCEPTED -> "nhận lời tham dự";
            case DECLINED -> "không tham dự";
            default -> "chưa chắc chắn tham dự";
        };
        String when = key.isEmpty() ? Formats.span(firstStart(meeting), firstEnd(meeting), m.zone())
                : Formats.span(Timestamps.parseKey(key), Timestamps.parseKey(key).plus(m.duration()), m.zone());
        String text = official.fullName() + " " + verdict + " cuộc họp \"" + m.title() + "\" (" + when + ")."
                + (answer.comment() == null ? "" : "\nGhi chú: " + answer.comment())
                + "\n\n" + links.meeting(m.id()) + "\n";
        mail.send(Draft.of(List.of(chair.email()), "Trả lời lời mời: " + official.fullName() + " " + verdict
                + " – " + m.title(), text).withCalendar(CalendarPart.reply(ics)));
        return "SENT";
    }

    /**
     * Officials and unit addresses get the mail with the meeting page's address, {@code outbox.batch-size} addresses
     * per message; each guest gets a message of their own, with a new personal join link when {@code guestLinks}
     * (invitations, reminders), without any link otherwise (the meeting page needs a login they do not have).
     *
     * @param text     the body for a join link ({@code null}: none)
     * @param calendar the iCalendar part for a join link, or {@code null} for a plain mail
     */
    private void send(SystemMail mail, Meeting meeting, List<MeetingInvitees.Invitee> to, String subject,
                      Function<String, String> text, Function<String, CalendarPart> calendar, boolean guestLinks) {
        List<String> addresses = new ArrayList<>();
        List<MeetingInvitees.Invitee> guests = new ArrayList<>();
        for (MeetingInvitees.Invitee invitee : to) {
            if (invitee.type() == MeetingInvitees.Type.GUEST) {
                guests.add(invitee);
            }
            else {
                addresses.add(invitee.email());
            }
        }
        String page = links.meeting(meeting.id());
        int batch = settings.outbox().batchSize();
        for (int i = 0; i < addresses.size(); i += batch) {
            List<String> recipients = addresses.subList(i, Math.min(addresses.size(), i + batch));
            Draft draft = Draft.of(recipients, subject, text.apply(page));
            mail.send(calendar == null ? draft : draft.withCalendar(calendar.apply(page)));
        }
        for (MeetingInvitees.Invitee guest : guests) {
            String link = guestLinks ? links.guest(this.guestLinks.issue(meeting.id(),
                    guest.email().toLowerCase(Locale.ROOT), clock.now())) : null;
            Draft draft = Draft.of(List.of(guest.email()), subject, text.apply(link));
            mail.send(calendar == null ? draft : draft.withCalendar(calendar.apply(link)));
        }
    }

    /** The details with a guest's join link in place of the meeting page's address (none: no link at all). */
    private ICalendars.Details personal(ICalendars.Details details, Meeting meeting, String link) {
        String page = links.meeting(meeting.id());
        if (page.equals(link)) {
            return details;
        }
        String description = link == null
                ? details.description().replace("\nVào phòng họp: " + page, "").replace("Vào phòng họp: " + page, "")
                : details.description().replace(page, link);
        return new ICalendars.Details(details.organizerEmail(), details.organizerName(), details.sentBy(),
                link, description, link == null ? "Họp trực tuyến" : "Họp trực tuyến – " + link,
                details.attendees(), details.occurrenceAnswers());
    }

    /** ORGANIZER, ATTENDEEs with their answers, DESCRIPTION, LOCATION, URL. */
    ICalendars.Details details(Meeting meeting, List<MeetingInvitees.Invitee> attendees, String sentBy) {
        MeetingRecord m = meeting.record();
        Official chair = directory.findOfficialByUsername(m.chair()).orElse(null);
        Map<String, ResponseStatus> series = new HashMap<>();
        Map<String, Map<String, ResponseStatus>> byOccurrence = new HashMap<>();
        Map<String, String> emailOf = new HashMap<>();
        for (MeetingInvitees.Invitee invitee : attendees) {
            if (invitee.username() != null) {
                emailOf.put(invitee.username(), invitee.email().toLowerCase(Locale.ROOT));
            }
        }
        for (MeetingRepository.Response response : meetings.responses(m.id())) {
            String email = response.attendee().startsWith("mailto:") ? response.attendee().substring(7)
                    : emailOf.get(response.attendee());
            if (email == null) {
                continue;
            }
            if (response.occurrenceKey().isEmpty()) {
                series.put(email, response.status());
            }
            else {
                byOccurrence.computeIfAbsent(response.occurrenceKey(), k -> new HashMap<>())
                        .put(email, response.status());
            }
        }
        List<ICalendars.AttendeeEntry> entries = new ArrayList<>();
        for (MeetingInvitees.Invitee invitee : attendees) {
            ResponseStatus answer = series.get(invitee.email().toLowerCase(Locale.ROOT));
            if (answer == null && invitee.chair()) {
                answer = ResponseStatus.ACCEPTED;
            }
            entries.add(new ICalendars.AttendeeEntry(invitee.email(), invitee.name(),
                    invitee.type() == MeetingInvitees.Type.UNIT, invitee.chair(), answer));
        }
        String url = links.meeting(m.id());
        return new ICalendars.Details(chair == null ? sentBy : chair.email(),
                chair == null ? "Liên Thông" : chair.fullName(), sentBy, url, description(meeting),
                "Họp trực tuyến – " + url, entries, byOccurrence);
    }

    private String description(Meeting meeting) {
        MeetingRecord m = meeting.record();
        StringBuilder text = new StringBuilder();
        if (!m.agenda().isBlank()) {
            text.append(m.agenda()).append("\n\n");
        }
        text.append("Chủ trì: ").append(directory.findOfficialByUsername(m.chair()).map(Official::fullName)
                .orElse(m.chair())).append('\n');
        text.append("Đơn vị chủ trì: ").append(directory.findUnit(m.hostUnitId()).map(Unit::name).orElse(""))
                .append('\n');
        text.append("Điểm cầu: ").append(meeting.endpointUnitIds().size()).append('\n');
        text.append("Vào phòng họp: ").append(links.meeting(m.id()));
        return text.toString();
    }

    /** The mail's text; {@code link}: where to join (the meeting page, or a guest's own link), or none. */
    private String body(Meeting meeting, String intro, String link) {
        MeetingRecord m = meeting.record();
        StringBuilder text = new StringBuilder("Kính gửi Quý đại biểu,\n\n");
        if (intro != null) {
            text.append(intro).append("\n\n");
        }
        String host = directory.findUnit(m.hostUnitId()).map(Unit::name).orElse("");
        text.append(host).append(" tổ chức cuộc họp trực tuyến:\n  ").append(m.title()).append("\n\n");
        text.append("Thời gian: ").append(Formats.span(firstStart(meeting), firstEnd(meeting), m.zone()));
        if (m.recurring()) {
            text.append(" (").append(Formats.recurrence(m.recurrence(), m.zone())).append(')');
        }
        text.append('\n');
        text.append("Chủ trì: ").append(directory.findOfficialByUsername(m.chair())
                .map(o -> o.fullName() + (o.title().isBlank() ? "" : " – " + o.title())).orElse(m.chair()))
                .append('\n');
        List<String> names = meeting.endpointUnitIds().stream().limit(20)
                .map(id -> directory.findUnit(id).map(Unit::name).orElse("#" + id)).toList();
        text.append("Điểm cầu (").append(meeting.endpointUnitIds().size()).append("): ")
                .append(names.stream().collect(Collectors.joining(", ")))
                .append(meeting.endpointUnitIds().size() > names.size() ? ", …" : "").append('\n');
        if (!m.agenda().isBlank()) {
            text.append("\nNội dung:\n").append(m.agenda()).append('\n');
        }
        if (link != null && link.equals(links.meeting(m.id()))) {
            text.append("\nVào phòng họp: ").append(link).append('\n');
            text.append("Xin trả lời tham dự ngay trong lời mời lịch của thư này hoặc trên trang cuộc họp.\n\n");
        }
        else if (link != null) {
            text.append("\nVào phòng họp (liên kết riêng của Quý vị, xin đừng chuyển cho người khác): ").append(link)
                    .append('\n');
            text.append("Phòng họp mở ").append(settings.jitsi().tokenLead().toMinutes())
                    .append(" phút trước giờ họp; không cần tài khoản, chỉ cần trình duyệt có micrô và camera.")
                    .append(m.lobby() ? " Quý vị chờ ở phòng chờ cho đến khi chủ trì cho vào." : "").append('\n');
            text.append("Xin trả lời tham dự ngay trong lời mời lịch của thư này.\n\n");
        }
        else {
            text.append('\n');
        }
        text.append("-- \nThư tự động của Liên Thông, xin đừng trả lời thư này.\n");
        return text.toString();
    }

    /** Start of the first occurrence that is not cancelled (the series' start when all are). */
    private static Instant firstStart(Meeting meeting) {
        return meeting.record().startAt();
    }

    private static Instant firstEnd(Meeting meeting) {
        return meeting.record().endAt();
    }
}
