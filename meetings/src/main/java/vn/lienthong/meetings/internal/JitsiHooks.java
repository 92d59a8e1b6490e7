package vn.lienthong.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What Prosody's hooks ask, answered from the schedule:
 * <ul>
 *   <li>the reservation API of {@code mod_reservations} (Jicofo's reservation protocol): a room is created only
 *       for a scheduled meeting whose occurrence is open (from {@code token-lead} before the start to
 *       {@code overtime} after the end); the answer's {@code duration} ends the conference then; {@code lobby} and
 *       {@code max_occupants} come from the meeting; a room already reserved answers 409 with its
 *       {@code conflict_id};</li>
 *   <li>the {@code event_sync} webhooks (room created/destroyed, occupant joined/left): the attendance, keyed by
 *       the token's {@code context.user.id} (our username).</li>
 * </ul>
 * Times in the reservation protocol are {@code yyyy-MM-dd'T'HH:mm:ss.SSSX} (UTC); event times are epoch seconds.
 */
@Service
class JitsiHooks {

    static final DateTimeFormatter RESERVATION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(JitsiHooks.class);

    /** An answer to Prosody: status and JSON body. */
    record Answer(HttpStatus status, Map<String, Object> body) {
    }

    /** One occupant as event_sync describes it. */
    record Occupant(String id, String name, String email, String occupantJid, Instant joinedAt, Instant leftAt) {
    }

    private final MeetingRoomService rooms;
    private final MeetingPresenceRepository presence;
    private final MeetingClock clock;
    private final TransactionTemplate transactions;

    JitsiHooks(MeetingRoomService rooms, MeetingPresenceRepository presence, MeetingClock clock, TransactionTemplate transactions) {
        this.rooms = rooms;
        this.presence = presence;
        this.clock = clock;
        this.transactions = transactions;
    }

    // ----------------------------------------------------------------------------------- reservations

    Answer reserve(String name, String startTime, String mailOwner) {
        Instant now = clock.now();
        Instant start = parseTime(startTime).orElse(now);
        String room = MeetingRoomService.roomOf(name);
        Meeting meeting = rooms.byRoom(room).orElse(null);
        if (meeting == null) {
            log.info("Reservation refused: room '{}' is not scheduled", room);
            return refuse(HttpStatus.FORBIDDEN, "Phòng họp này không có trong lịch họp của Liên Thông.");
        }
        if (meeting.record().cancelled()) {
            return refuse(HttpStatus.FORBIDDEN, "Cuộc họp đã bị huỷ.");
        }
        Schedule.Slot slot = rooms.openAt(meeting, now).orElse(null);
        if (slot == null) {
            return refuse(HttpStatus.FORBIDDEN, "Phòng họp chỉ mở từ " + rooms.lead().toMinutes()
                    + " phút trước giờ họp đến khi cuộc họp kết thúc.");
        }
        return transactions.execute(status -> {
            Optional<MeetingPresenceRepository.Reservation> active = presence.activeReservation(room, slot.key());
            if (active.isPresent()) {
                return new Answer(HttpStatus.CONFLICT, Map.of("conflict_id", active.get().id()));
            }
            Instant ends = slot.end().plus(rooms.overtime());
            long duration = Math.max(60, Duration.between(start, ends).toSeconds());
            long id = presence.reserve(meeting.id(), slot.key(), room, mailOwner, start, duration, now);
            return new Answer(HttpStatus.OK, info(presence.reservation(id).orElseThrow(), meeting.record()));
        });
    }

    Answer reservation(long id) {
        return presence.reservation(id)
                .flatMap(r -> rooms.byRoom(r.room()).map(m -> new Answer(HttpStatus.OK, info(r, m.record()))))
                .orElse(refuse(HttpStatus.NOT_FOUND, "Không có đặt phòng này."));
    }

    Answer release(long id) {
        Optional<MeetingPresenceRepository.Reservation> reservation = presence.reservation(id);
        if (reservation.isEmpty()) {
            return refuse(HttpStatus.NOT_FOUND, "Không có đặt phòng này.");
        }
        presence.deleteReservation(id, clock.now());
        return new Answer(HttpStatus.OK, Map.of());
    }

    private static Map<String, Object> info(MeetingPresenceRepository.Reservation reservation, MeetingRecord meeting) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", reservation.id());
        body.put("name", reservation.room());
        body.put("mail_owner", reservation.mailOwner() == null ? "" : reservation.mailOwner());
        body.put("start_time", RESERVATION_TIME.format(reservation.startTime()));
        body.put("duration", reservation.durationSeconds());
        if (meeting.maxOccupants() != null) {
            body.put("max_occupants", meeting.maxOccupants());
        }
        body.put("lobby", meeting.lobby());
        return body;
    }

    private static Answer refuse(HttpStatus status, String message) {
        return new Answer(status, Map.of("error", status.value(), "message", message));
    }

    static Optional<Instant> parseTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        }
        catch (DateTimeParseException ex) {
            try {
                return Optional.of(RESERVATION_TIME.parse(text.strip(), Instant::from));
            }
            catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    // ---------------------------------------------------------------------------------------- events

    /** {@code muc-room-created}. Answers whether the room is ours. */
    boolean roomCreated(String roomName, Instant createdAt) {
        Optional<Meeting> meeting = rooms.byRoom(roomName);
        meeting.ifPresent(m -> presence.roomCreated(m.id(), rooms.occurrenceAt(m, at(createdAt)),
                MeetingRoomService.roomOf(roomName), at(createdAt)));
        return meeting.isPresent();
    }

    /** {@code muc-room-destroyed}: the final list of everyone who was in, with their times, settles the stays. */
    boolean roomDestroyed(String roomName, Instant destroyedAt, List<Occupant> allOccupants) {
        Optional<Meeting> meeting = rooms.byRoom(roomName);
        meeting.ifPresent(m -> transactions.executeWithoutResult(status -> {
            Instant end = at(destroyedAt);
            for (Occupant occupant : allOccupants) {
                if (occupant.occupantJid() == null || occupant.joinedAt() == null) {
                    continue;
                }
                presence.joined(m.id(), rooms.occurrenceAt(m, occupant.joinedAt()), MeetingPresenceRepository.WEBHOOK,
                        occupant.id(), occupant.name(), occupant.email(), occupant.occupantJid(), occupant.joinedAt());
                presence.closeStay(m.id(), MeetingPresenceRepository.WEBHOOK, occupant.occupantJid(), occupant.joinedAt(),
                        occupant.leftAt() == null ? end : occupant.leftAt());
            }
            presence.roomDestroyed(m.id(), MeetingRoomService.roomOf(roomName), end);
        }));
        return meeting.isPresent();
    }

    /** {@code muc-occupant-joined}. */
    boolean occupantJoined(String roomName, Occupant occupant) {
        Optional<Meeting> meeting = rooms.byRoom(roomName);
        if (meeting.isEmpty() || occupant.occupantJid() == null) {
            return meeting.isPresent();
        }
        Meeting m = meeting.get();
        Instant joined = at(occupant.joinedAt());
        presence.joined(m.id(), rooms.occurrenceAt(m, joined), MeetingPresenceRepository.WEBHOOK, occupant.id(),
                occupant.name(), occupant.email(), occupant.occupantJid(), joined);
        return true;
    }

    /** {@code muc-occupant-left}; a leave whose join we missed is recorded with the join time it carries. */
    boolean occupantLeft(String roomName, Occupant occupant) {
        Optional<Meeting> meeting = rooms.byRoom(roomName);
        if (meeting.isEmpty() || occupant.occupantJid() == null) {
            return meeting.isPresent();
        }
        Meeting m = meeting.get();
        Instant left = at(occupant.leftAt());
        transactions.executeWithoutResult(status -> {
            if (!presence.left(m.id(), MeetingPresenceRepository.WEBHOOK, occupant.occupantJid(), left)
                    && occupant.joinedAt() != null) {
                presence.joined(m.id(), rooms.occurrenceAt(m, occupant.joinedAt()), MeetingPresenceRepository.WEBHOOK,
                        occupant.id(), occupant.name(), occupant.email(), occupant.occupantJid(), occupant.joinedAt());
                presence.closeStay(m.id(), MeetingPresenceRepository.WEBHOOK, occupant.occupantJid(), occupant.joinedAt(),
                        left);
            }
        });
        return true;
    }

    private Instant at(Instant time) {
        return time == null ? clock.now() : time;
    }
}
