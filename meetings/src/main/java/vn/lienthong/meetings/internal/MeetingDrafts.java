package vn.lienthong.meetings.internal;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;
import vn.lienthong.meetings.EndpointSelection;
import vn.lienthong.meetings.Guest;
import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingException;
import vn.lienthong.meetings.ParticipantRole;
import vn.lienthong.meetings.Visibility;

/**
 * Turns a {@link MeetingDraft} into a checked {@link Plan}, refusing bad input with a Vietnamese message that names
 * the field, and says whether someone may host it.
 */
@Component
class MeetingDrafts {

    static final int MAX_TITLE = 500;
    static final int MAX_AGENDA = 20_000;
    static final int MAX_ENDPOINTS = 1000;
    static final int MAX_PARTICIPANTS = 500;
    static final int MAX_GUESTS = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\",;<>]+@[^@\\s\",;<>]+\\.[^@\\s\",;<>]+");

    /**
     * A draft that passed every check.
     *
     * @param endpoints      host first, then the others in the order given, each once
     * @param participants   the chair first (CHAIR), then the named officials (PARTICIPANT), each once
     * @param excludedStarts original starts of the occurrences the draft excludes
     * @param rangeEnd       end of the last occurrence, {@code null} for a series without end
     */
    record Plan(String title, String agenda, Instant start, Instant end, ZoneId zone, String recurrence, Unit host,
                Official chair, Visibility visibility, List<Long> endpoints, List<Meeting.Participant> participants,
                List<Meeting.GuestRow> guests, List<Instant> excludedStarts, boolean lobby, Integer maxOccupants,
                Instant rangeEnd) {

        Duration duration() {
            return Duration.between(start, end);
        }
    }

    private final Directory directory;
    private final MeetingsSettings settings;

    MeetingDrafts(Directory directory, MeetingsSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    Plan plan(MeetingDraft draft) {
        if (draft == null) {
            throw MeetingException.invalid("title", "Thiếu thông tin cuộc họp.");
        }
        ZoneId zone = settings.timeZone();
        String title = text(draft.title());
        if (title.isEmpty()) {
            throw MeetingException.invalid("title", "Tiêu đề cuộc họp không được để trống.");
        }
        if (title.length() > MAX_TITLE) {
            throw MeetingException.invalid("title", "Tiêu đề tối đa " + MAX_TITLE + " ký tự.");
        }
        String agenda = draft.agenda() == null ? "" : Normalizer.normalize(draft.agenda().strip(),
                Normalizer.Form.NFC);
        if (agenda.length() > MAX_AGENDA) {
            throw MeetingException.invalid("agenda", "Nội dung tối đa " + MAX_AGENDA + " ký tự.");
        }
        if (draft.start() == null) {
            throw MeetingException.invalid("start", "Chưa chọn giờ bắt đầu.");
        }
        if (draft.end() == null) {
            throw MeetingException.invalid("end", "Chưa chọn giờ kết thúc.");
        }
        ZonedDateTime start = local(draft.start(), zone);
        ZonedDateTime end = local(draft.end(), zone);
        if (!end.isAfter(start)) {
            throw MeetingException.invalid("end", "Giờ kết thúc phải sau giờ bắt đầu.");
        }
        if (Duration.between(start, end).compareTo(settings.maxDuration()) > 0) {
            throw MeetingException.invalid("end", "Một cuộc họp dài tối đa " + hours(settings.maxDuration())
                    + " giờ.");
        }

        String recurrence = null;
        if (draft.recurrence() != null && !draft.recurrence().isBlank()) {
            recurrence = Recurrence.normalize(draft.recurrence(), start, settings.maxSeriesCount(),
                    settings.maxSeriesYears());
        }
        List<Instant> excluded = excludedStarts(draft.excludedDates(), recurrence, start, zone);

        if (draft.hostUnitId() == null) {
            throw MeetingException.invalid("hostUnitId", "Chưa chọn đơn vị chủ trì.");
        }
        Unit host = activeUnit(draft.hostUnitId(), "hostUnitId");
        Official chair = activeOfficial(draft.chair(), "chair", "Chưa chọn người chủ trì.");

        List<Long> endpoints = endpoints(host, draft);
        List<Meeting.Participant> participants = participants(chair, draft.participants());
        List<Meeting.GuestRow> guests = guests(draft.guests());

        Integer maxOccupants = draft.maxOccupants();
        if (maxOccupants != null && (maxOccupants < 2 || maxOccupants > 10_000)) {
            throw MeetingException.invalid("maxOccupants", "Số người tối đa trong phòng họp phải từ 2 đến 10.000.");
        }

        Instant rangeEnd = end.toInstant();
        if (recurrence != null) {
            Instant last = Recurrence.lastStart(recurrence, start, settings.maxSeriesYears() + 1);
            rangeEnd = last == null ? null : last.plus(Duration.between(start, end));
        }
        return new Plan(title, agenda, start.toInstant(), end.toInstant(), zone, recurrence, host, chair,
                draft.visibility(), endpoints, participants, guests, excluded, Boolean.TRUE.equals(draft.lobby()),
                maxOccupants, rangeEnd);
    }

    /**
     * Whether the official may host this plan: system administrators always; those who administer the host unit;
     * with {@code officials-may-schedule}, any official for a unit they belong to (their unit, or the unit above an
     * office they work in), with that unit as the only endpoint.
     */
    boolean mayHost(MeetingAccess.Viewer viewer, Plan plan) {
        if (viewer.systemAdmin() || viewer.administers(plan.host().id())) {
            return true;
        }
        return settings.officialsMaySchedule() && viewer.endpointUnits().contains(plan.host().id())
                && plan.endpoints().size() == 1;
    }

    static MeetingException mayNotHost() {
        return new MeetingException(MeetingException.Reason.FORBIDDEN, "Bạn chỉ lên lịch họp được cho đơn vị mình "
                + "quản trị; cán bộ không phải quản trị chỉ lên lịch được cuộc họp nội bộ của đơn vị mình (một điểm "
                + "cầu).", "hostUnitId");
    }

    /** The unit and the active units of the chosen levels below it, in tree order. */
    List<Unit> selection(EndpointSelection selection) {
        Unit root = activeUnit(selection.unitId(), "endpointSelections");
        List<Unit> units = new ArrayList<>();
        for (Unit unit : directory.subtree(root.id())) {
            if (unit.id() == root.id() || (unit.active() && selection.levels().contains(unit.level()))) {
                units.add(unit);
            }
        }
        return units;
    }

    private List<Long> endpoints(Unit host, MeetingDraft draft) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(host.id());
        for (Long unitId : draft.endpointUnitIds()) {
            if (unitId == null) {
                continue;
            }
            ids.add(activeUnit(unitId, "endpointUnitIds").id());
        }
        for (EndpointSelection selection : draft.endpointSelections()) {
            if (selection == null) {
                continue;
            }
            selection(selection).forEach(unit -> ids.add(unit.id()));
        }
        if (ids.size() > MAX_ENDPOINTS) {
            throw MeetingException.invalid("endpointUnitIds", "Một cuộc họp có tối đa " + MAX_ENDPOINTS
                    + " điểm cầu.");
        }
        return List.copyOf(ids);
    }

    private List<Meeting.Participant> participants(Official chair, List<String> usernames) {
        Map<String, Meeting.Participant> participants = new LinkedHashMap<>();
        participants.put(chair.username(), new Meeting.Participant(chair.username(), ParticipantRole.CHAIR));
        for (String username : usernames) {
            if (username == null || username.isBlank()) {
                continue;
            }
            Official official = activeOfficial(username, "participants", null);
            participants.putIfAbsent(official.username(),
                    new Meeting.Participant(official.username(), ParticipantRole.PARTICIPANT));
        }
        if (participants.size() > MAX_PARTICIPANTS + 1) {
            throw MeetingException.invalid("participants", "Mời đích danh tối đa " + MAX_PARTICIPANTS + " người.");
        }
        return List.copyOf(participants.values());
    }

    private List<Meeting.GuestRow> guests(List<Guest> guests) {
        Map<String, Meeting.GuestRow> rows = new LinkedHashMap<>();
        for (Guest guest : guests) {
            if (guest == null || guest.email() == null || guest.email().isBlank()) {
                continue;
            }
            String email = guest.email().strip().toLowerCase(Locale.ROOT);
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                throw MeetingException.invalid("guests", "Địa chỉ thư \"" + guest.email().strip()
                        + "\" của khách mời không hợp lệ.");
            }
            String name = text(guest.name());
            if (name.length() > 255) {
                name = name.substring(0, 255);
            }
            rows.putIfAbsent(email, new Meeting.GuestRow(email, name));
        }
        if (rows.size() > MAX_GUESTS) {
            throw MeetingException.invalid("guests", "Tối đa " + MAX_GUESTS + " khách mời.");
        }
        return List.copyOf(rows.values());
    }

    private List<Instant> excludedStarts(List<LocalDate> dates, String recurrence, ZonedDateTime start,
                                         ZoneId zone) {
        if (dates.isEmpty()) {
            return List.of();
        }
        if (recurrence == null) {
            throw MeetingException.invalid("excludedDates", "Chỉ cuộc họp định kỳ mới có ngày nghỉ (ngày bỏ qua).");
        }
        Set<Instant> excluded = new LinkedHashSet<>();
        for (LocalDate date : dates) {
            if (date == null) {
                continue;
            }
            Instant dayStart = date.atStartOfDay(zone).toInstant();
            List<ZonedDateTime> starts = Recurrence.starts(recurrence, start, dayStart,
                    date.plusDays(1).atStartOfDay(zone).toInstant(), 10);
            if (starts.isEmpty()) {
                throw MeetingException.invalid("excludedDates", "Ngày " + Formats.DATE.format(date)
                        + " không có buổi họp nào của chuỗi.");
            }
            starts.forEach(s -> excluded.add(s.toInstant()));
        }
        return List.copyOf(excluded);
    }

    private Unit activeUnit(long unitId, String field) {
        Unit unit = directory.findUnit(unitId).orElseThrow(() -> MeetingException.invalid(field,
                "Không tìm thấy đơn vị có mã số " + unitId + "."));
        if (!unit.active()) {
            throw MeetingException.invalid(field, "Đơn vị \"" + unit.name() + "\" đã ngừng hoạt động.");
        }
        return unit;
    }

    private Official activeOfficial(String username, String field, String missing) {
        if (username == null || username.isBlank()) {
            throw MeetingException.invalid(field, missing == null ? "Thiếu tên đăng nhập cán bộ." : missing);
        }
        String name = username.strip().toLowerCase(Locale.ROOT);
        Official official = directory.findOfficialByUsername(name).orElseThrow(() -> MeetingException.invalid(field,
                "Không tìm thấy cán bộ \"" + username.strip() + "\"."));
        if (!official.active()) {
            throw MeetingException.invalid(field, "Cán bộ " + official.fullName() + " đã ngừng hoạt động.");
        }
        return official;
    }

    private static ZonedDateTime local(LocalDateTime time, ZoneId zone) {
        return time.withNano(0).atZone(zone);
    }

    private static String text(String value) {
        return value == null ? "" : Normalizer.normalize(value.strip(), Normalizer.Form.NFC)
                .replaceAll("\\p{Cntrl}", " ");
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format(Locale.ROOT, "%.1f", minutes / 60.0);
    }
}
