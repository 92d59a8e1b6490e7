package vn.lienthong.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.lienthong.directory.Official;
import vn.lienthong.meetings.ClientEvent;
import vn.lienthong.meetings.JoinInfo;
import vn.lienthong.meetings.MeetingException;
import vn.lienthong.meetings.MeetingRooms;

/**
 * {@link MeetingRooms}, and what the Jitsi hooks ask of a room: which meeting and which occurrence it is, and
 * whether it is open now. An occurrence's room is open from {@code token-lead} before its start until
 * {@code overtime} after its end.
 */
@Service
class MeetingRoomService implements MeetingRooms {

    private static final Logger log = LoggerFactory.getLogger(MeetingRoomService.class);

    private final MeetingAccess access;
    private final MeetingRepository meetings;
    private final MeetingPresenceRepository presence;
    private final JitsiTokens tokens;
    private final MeetingsSettings settings;
    private final MeetingClock clock;

    MeetingRoomService(MeetingAccess access, MeetingRepository meetings, MeetingPresenceRepository presence, JitsiTokens tokens,
                MeetingsSettings settings, MeetingClock clock) {
        this.access = access;
        this.meetings = meetings;
        this.presence = presence;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public JoinInfo join(String username, long meetingId) {
        MeetingAccess.Viewer viewer = access.viewer(username);
        Meeting meeting = viewer.visible(meetings.load(meetingId));
        if (!viewer.canJoin(meeting)) {
            throw new MeetingException(MeetingException.Reason.FORBIDDEN,
                    "Bạn không có trong danh sách mời nên không vào được phòng họp.");
        }
        MeetingRecord m = meeting.record();
        if (m.cancelled()) {
            throw new MeetingException(MeetingException.Reason.CONFLICT, "Cuộc họp đã huỷ.");
        }
        Instant now = clock.now();
        Schedule.Slot slot = openAt(meeting, now).orElseThrow(() -> notOpen(meeting, now));
        Official official = viewer.official();
        boolean moderator = viewer.moderator(m);
        Instant notBefore = slot.start().minus(jitsi().tokenLead());
        Instant expiresAt = slot.end().plus(jitsi().overtime());
        String jwt = tokens.sign(new JitsiTokens.Grant(m.room(), now, notBefore, expiresAt, official.username(),
                official.fullName(), official.email(), moderator));
        log.info("Room token for meeting {} ({}) issued to {}{}", m.id(), slot.single() ? "single" : slot.key(),
                official.username(), moderator ? " as moderator" : "");
        return new JoinInfo(jitsi().domain(), jitsiOrigin() + "/external_api.js", m.room(), jwt,
                official.fullName(), official.email(), moderator, notBefore, expiresAt,
                slot.single() ? null : slot.key(), m.title(), "vi");
    }

    @Override
    public void clientEvent(String username, long meetingId, ClientEvent event) {
        MeetingAccess.Viewer viewer = access.viewer(username);
        Meeting meeting = viewer.visible(meetings.load(meetingId));
        if (event == null || event.type() == null || !viewer.canJoin(meeting)) {
            return;
        }
        Instant now = clock.now();
        String key = occurrenceKey(meeting, event.occurrenceId(), now);
        String occupant = "page:" + viewer.username();
        switch (event.type()) {
            case "videoConferenceJoined" -> {
                presence.left(meetingId, MeetingPresenceRepository.CLIENT, occupant, now);
                presence.joined(meetingId, key, MeetingPresenceRepository.CLIENT, viewer.username(),
                        viewer.official().fullName(), viewer.official().email(), occupant, now);
            }
            case "videoConferenceLeft", "readyToClose" ->
                    presence.left(meetingId, MeetingPresenceRepository.CLIENT, occupant, now);
            default -> throw MeetingException.invalid("type", "Sự kiện \"" + event.type() + "\" không được ghi "
                    + "nhận (chỉ videoConferenceJoined, videoConferenceLeft, readyToClose).");
        }
    }

    @Override
    public String jitsiOrigin() {
        return "https://" + jitsi().domain();
    }

    // ------------------------------------------------------------------------------- for the hooks

    /** The meeting of a room name as Prosody writes it ({@code [tenant]name} or {@code name@conference...}). */
    Optional<Meeting> byRoom(String roomName) {
        String room = roomOf(roomName);
        if (room.isEmpty()) {
            return Optional.empty();
        }
        return meetings.findByRoom(room).flatMap(m -> meetings.load(m.id()));
    }

    static String roomOf(String roomName) {
        if (roomName == null) {
            return "";
        }
        String room = roomName.strip().toLowerCase(Locale.ROOT);
        int at = room.indexOf('@');
        if (at >= 0) {
            room = room.substring(0, at);
        }
        if (room.startsWith("[")) {
            int close = room.indexOf(']');
            room = close < 0 ? room : room.substring(close + 1);
        }
        return room;
    }

    /** The occurrence whose room is open at {@code time} (not cancelled), if any. */
    Optional<Schedule.Slot> openAt(Meeting meeting, Instant time) {
        if (meeting.record().cancelled()) {
            return Optional.empty();
        }
        Duration lead = jitsi().tokenLead();
        Duration overtime = jitsi().overtime();
        return Schedule.overlapping(meeting.record(), meeting.exceptions(), time.minus(overtime),
                        time.plus(lead).plusSeconds(1)).stream()
                .filter(slot -> !slot.cancelled())
                .filter(slot -> !time.isBefore(slot.start().minus(lead)) && time.isBefore(slot.end().plus(overtime)))
                .findFirst();
    }

    /** The occurrence an event at {@code time} belongs to: the open one, else the nearest within a day, else ''. */
    String occurrenceAt(Meeting meeting, Instant time) {
        if (!meeting.record().recurring()) {
            return "";
        }
        Optional<Schedule.Slot> open = openAt(meeting, time);
        if (open.isPresent()) {
            return open.get().key();
        }
        List<Schedule.Slot> near = Schedule.overlapping(meeting.record(), meeting.exceptions(),
                time.minus(Duration.ofDays(1)), time.plus(Duration.ofDays(1)));
        return near.stream()
                .min((a, b) -> Long.compare(Math.abs(Duration.between(a.start(), time).toSeconds()),
                        Math.abs(Duration.between(b.start(), time).toSeconds())))
                .map(Schedule.Slot::key).orElse("");
    }

    Duration lead() {
        return jitsi().tokenLead();
    }

    Duration overtime() {
        return jitsi().overtime();
    }

    private String occurrenceKey(Meeting meeting, String occurrenceId, Instant now) {
        if (occurrenceId != null && !occurrenceId.isBlank() && meeting.record().recurring()) {
            Schedule.Slot slot = Schedule.find(meeting.record(), meeting.exceptions(), occurrenceId.strip());
            if (slot != null) {
                return slot.key();
            }
        }
        return occurrenceAt(meeting, now);
    }

    private MeetingException notOpen(Meeting meeting, Instant now) {
        MeetingRecord m = meeting.record();
        Optional<Schedule.Slot> next = Schedule.starting(m, meeting.exceptions(), now,
                        now.plus(Duration.ofDays(3660)), 50).stream()
                .filter(slot -> !slot.cancelled()).findFirst();
        if (next.isPresent()) {
            Instant opens = next.get().start().minus(jitsi().tokenLead());
            return new MeetingException(MeetingException.Reason.CONFLICT, "Phòng họp chưa mở: mở lúc "
                    + Formats.dateTime(opens, m.zone()) + " (" + jitsi().tokenLead().toMinutes()
                    + " phút trước giờ họp).");
        }
        return new MeetingException(MeetingException.Reason.CONFLICT, "Cuộc họp đã kết thúc.");
    }

    private MeetingsSettings.Jitsi jitsi() {
        return settings.jitsi();
    }
}
