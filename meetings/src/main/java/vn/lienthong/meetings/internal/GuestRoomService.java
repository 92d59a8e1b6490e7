package vn.lienthong.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Unit;
import vn.lienthong.meetings.ClientEvent;
import vn.lienthong.meetings.GuestInvitation;
import vn.lienthong.meetings.GuestRooms;
import vn.lienthong.meetings.JoinInfo;
import vn.lienthong.meetings.MeetingException;

/**
 * {@link GuestRooms}: a guest's personal link resolved to their meeting, and a member's room token for them in the
 * window officials get ({@link MeetingRoomService#openAt}). The token's {@code context.user.id} is
 * {@code mailto:<address>}, the key the attendance report knows guests by, so the webhooks count them as guests.
 */
@Service
class GuestRoomService implements GuestRooms {

    private static final Logger log = LoggerFactory.getLogger(GuestRoomService.class);

    /** Above this many links tracked, windows of earlier minutes are dropped. */
    private static final int TRACKED = 10_000;

    private final GuestLinks links;
    private final MeetingRepository meetings;
    private final MeetingRoomService rooms;
    private final MeetingPresenceRepository presence;
    private final JitsiTokens tokens;
    private final Directory directory;
    private final MeetingsSettings settings;
    private final MeetingClock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    GuestRoomService(GuestLinks links, MeetingRepository meetings, MeetingRoomService rooms,
                     MeetingPresenceRepository presence, JitsiTokens tokens, Directory directory,
                     MeetingsSettings settings, MeetingClock clock) {
        this.links = links;
        this.meetings = meetings;
        this.rooms = rooms;
        this.presence = presence;
        this.tokens = tokens;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<GuestInvitation> invitation(String token) {
        Instant now = clock.now();
        return resolve(token, now).map(guest -> guest.invitation(now));
    }

    @Override
    public JoinInfo join(String token) {
        Instant now = clock.now();
        LinkedGuest guest = resolve(token, now).orElseThrow(GuestRoomService::noSuchLink);
        // Counted only for links that exist: made-up tokens leave nothing behind to fill memory with.
        limit(token);
        MeetingRecord m = guest.meeting().record();
        if (guest.cancelled()) {
            throw new MeetingException(MeetingException.Reason.CONFLICT, cancelledMessage(m));
        }
        Schedule.Slot slot = rooms.openAt(guest.meeting(), now).orElseThrow(() -> {
            GuestInvitation shown = guest.invitation(now);
            return new MeetingException(MeetingException.Reason.CONFLICT, shown.message());
        });
        Instant notBefore = slot.start().minus(rooms.lead());
        Instant expiresAt = slot.end().plus(rooms.overtime());
        String name = guest.displayName();
        String jwt = tokens.sign(new JitsiTokens.Grant(m.room(), now, notBefore, expiresAt, guest.userId(), name,
                guest.email(), false));
        links.used(guest.link(), now);
        log.info("Room token for meeting {} ({}) issued to a guest by their link", m.id(),
                slot.single() ? "single" : slot.key());
        return new JoinInfo(settings.jitsi().domain(), rooms.jitsiOrigin() + "/external_api.js", m.room(), jwt,
                name, guest.email(), false, notBefore, expiresAt, slot.single() ? null : slot.key(), m.title(), "vi");
    }

    @Override
    public void clientEvent(String token, ClientEvent event) {
        Instant now = clock.now();
        Optional<LinkedGuest> found = resolve(token, now);
        if (found.isEmpty() || found.get().cancelled() || event == null || event.type() == null) {
            return;
        }
        limit(token);
        LinkedGuest guest = found.get();
        Meeting meeting = guest.meeting();
        if ("videoConferenceJoined".equals(event.type()) && rooms.openAt(meeting, now).isEmpty()) {
            return; // outside the meeting's window a guest cannot have joined: nothing to record
        }
        String key = rooms.occurrenceAt(meeting, now);
        String occupant = "page:" + guest.userId();
        switch (event.type()) {
            case "videoConferenceJoined" -> {
                presence.left(meeting.id(), MeetingPresenceRepository.CLIENT, occupant, now);
                presence.joined(meeting.id(), key, MeetingPresenceRepository.CLIENT, guest.userId(),
                        guest.displayName(), guest.email(), occupant, now);
            }
            case "videoConferenceLeft", "readyToClose" ->
                    presence.left(meeting.id(), MeetingPresenceRepository.CLIENT, occupant, now);
            default -> throw MeetingException.invalid("type", "Sự kiện \"" + event.type() + "\" không được ghi "
                    + "nhận (chỉ videoConferenceJoined, videoConferenceLeft, readyToClose).");
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The link's guest and meeting; empty when the link is wrong, its guest was taken off, or it has expired. */
    private Optional<LinkedGuest> resolve(String token, Instant now) {
        Optional<GuestLinks.Link> link = links.find(token);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        Optional<Meeting> meeting = meetings.load(link.get().meetingId());
        if (meeting.isEmpty()) {
            return Optional.empty();
        }
        Optional<Meeting.GuestRow> row = meeting.get().guests().stream()
                .filter(g -> g.email().equalsIgnoreCase(link.get().email())).findFirst();
        if (row.isEmpty() || expired(meeting.get().record(), link.get(), now)) {
            return Optional.empty();
        }
        return Optional.of(new LinkedGuest(link.get(), meeting.get(), row.get()));
    }

    /** Past the grace after the last occurrence's end (a series without end: after its cancellation). */
    private boolean expired(MeetingRecord m, GuestLinks.Link link, Instant now) {
        Duration grace = settings.jitsi().guestLinkGrace();
        Instant last = m.rangeEnd() != null ? m.rangeEnd().plus(rooms.overtime())
                : m.cancelledAt() != null ? m.cancelledAt() : link.revokedAt();
        return last != null && !now.isBefore(last.plus(grace));
    }

    /** At most {@code guest-joins-per-minute} calls per link and minute, counted on this instance. */
    private void limit(String token) {
        if (!GuestLinks.wellFormed(token)) {
            return; // not looked up at all
        }
        long minute = clock.now().getEpochSecond() / 60;
        if (windows.size() > TRACKED) {
            windows.values().removeIf(w -> w.minute != minute);
        }
        Window window = windows.compute(Secrets.sha256(token),
                (key, current) -> current == null || current.minute != minute ? new Window(minute) : current);
        if (window.count.incrementAndGet() > settings.jitsi().guestJoinsPerMinute()) {
            throw new MeetingException(MeetingException.Reason.TOO_MANY,
                    "Liên kết này được dùng quá nhiều lần trong một phút; xin thử lại sau ít phút.");
        }
    }

    private static MeetingException noSuchLink() {
        return new MeetingException(MeetingException.Reason.NOT_FOUND,
                "Không tìm thấy lời mời: liên kết sai, đã bị thu hồi hoặc đã hết hạn.");
    }

    private static String cancelledMessage(MeetingRecord m) {
        return "Cuộc họp đã bị huỷ." + (m.cancelReason() == null ? "" : " Lý do: " + m.cancelReason());
    }

    private static final class Window {

        private final long minute;
        private final AtomicInteger count = new AtomicInteger();

        Window(long minute) {
            this.minute = minute;
        }
    }

    /** A valid link with its meeting and guest. */
    private final class LinkedGuest {

        private final GuestLinks.Link link;
        private final Meeting meeting;
        private final Meeting.GuestRow row;

        LinkedGuest(GuestLinks.Link link, Meeting meeting, Meeting.GuestRow row) {
            this.link = link;
            this.meeting = meeting;
            this.row = row;
        }

        GuestLinks.Link link() {
            return link;
        }

        Meeting meeting() {
            return meeting;
        }

        String email() {
            return row.email();
        }

        /** How the attendance knows guests ({@code mailto:} and their address). */
        String userId() {
            return MeetingViews.mailto(row.email());
        }

        String displayName() {
            return row.name().isBlank() ? row.email() : row.name();
        }

        boolean cancelled() {
            return meeting.record().cancelled() || link.revokedAt() != null;
        }

        GuestInvitation invitation(Instant now) {
            MeetingRecord m = meeting.record();
            String host = directory.findUnit(m.hostUnitId()).map(Unit::name).orElse("");
            Instant start = m.startAt();
            Instant end = m.endAt();
            GuestInvitation.State state;
            Instant opensAt = null;
            String message = null;
            Optional<Schedule.Slot> open = cancelled() ? Optional.empty() : rooms.openAt(meeting, now);
            Optional<Schedule.Slot> next = cancelled() || open.isPresent() ? Optional.empty()
                    : Schedule.starting(m, meeting.exceptions(), now, now.plus(Duration.ofDays(3660)), 50).stream()
                    .filter(slot -> !slot.cancelled()).findFirst();
            if (cancelled()) {
                state = GuestInvitation.State.CANCELLED;
                message = cancelledMessage(m);
            }
            else if (open.isPresent()) {
                state = GuestInvitation.State.OPEN;
                start = open.get().start();
                end = open.get().end();
            }
            else if (next.isPresent()) {
                state = GuestInvitation.State.NOT_YET_OPEN;
                start = next.get().start();
                end = next.get().end();
                opensAt = start.minus(rooms.lead());
                message = "Phòng họp chưa mở: mở lúc " + Formats.dateTime(opensAt, m.zone()) + " ("
                        + rooms.lead().toMinutes() + " phút trước giờ họp).";
            }
            else {
                state = GuestInvitation.State.ENDED;
                message = "Cuộc họp đã kết thúc.";
            }
            return new GuestInvitation(m.title(), start.atZone(m.zone()), end.atZone(m.zone()), host, displayName(),
                    email(), m.lobby(), state, opensAt == null ? null : opensAt.atZone(m.zone()), message);
        }
    }
}
