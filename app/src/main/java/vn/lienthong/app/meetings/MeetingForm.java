package vn.lienthong.app.meetings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lienthong.directory.UnitLevel;
import vn.lienthong.meetings.EndpointSelection;
import vn.lienthong.meetings.Guest;
import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.Visibility;

/**
 * The new/edit meeting form as the browser posts it: dates as officials write them (dd/MM/yyyy, HH:mm), endpoints
 * one by one ({@code endpointUnitIds}) or as subtrees ({@code selections}, {@code "<unitId>:COMMUNE"}), named
 * participants as usernames separated by commas, guests one a line ({@code Tên <thu@dia.chi>} or just the address),
 * and the recurrence as a common choice ({@link Recurrences}). {@link #toDraft} turns it into the meetings module's
 * draft and collects the Vietnamese refusals of what cannot even be read, keyed like the draft's fields; the form
 * goes back to the browser as it was typed.
 */
public class MeetingForm {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern GUEST = Pattern.compile("^\\s*(?:\"?([^\"<]*?)\"?\\s*<([^>]+)>|([^\\s<>]+))\\s*$");

    private String title = "";
    private String agenda = "";
    private String date = "";
    private String startTime = "";
    private String endDate = "";
    private String endTime = "";
    private Long hostUnitId;
    private String chair = "";
    private Visibility visibility = Visibility.PUBLIC_TO_UNITS;
    private List<Long> endpointUnitIds = new ArrayList<>();
    private List<String> selections = new ArrayList<>();
    private String participants = "";
    private String guests = "";
    private Recurrences.Choice repeat = Recurrences.Choice.NONE;
    private Integer repeatCount;
    private String repeatUntil = "";
    private String customRule = "";
    private String excludedDates = "";
    private boolean lobby;
    private Integer maxOccupants;
    private boolean acknowledgeConflicts;

    /** A new meeting's form: the next full hour for one hour, chaired and hosted by the scheduler. */
    static MeetingForm blank(LocalDateTime now, String chair, Long hostUnitId) {
        MeetingForm form = new MeetingForm();
        LocalDateTime start = now.withMinute(0).withSecond(0).withNano(0).plusHours(1);
        form.date = DATE.format(start);
        form.startTime = TIME.format(start);
        form.endDate = DATE.format(start.plusHours(1));
        form.endTime = TIME.format(start.plusHours(1));
        form.chair = chair;
        form.hostUnitId = hostUnitId;
        return form;
    }

    /** The form of an existing meeting, for editing. */
    static MeetingForm of(MeetingView meeting) {
        MeetingForm form = new MeetingForm();
        form.title = meeting.title();
        form.agenda = meeting.agenda() == null ? "" : meeting.agenda();
        LocalDateTime start = meeting.start().toLocalDateTime();
        LocalDateTime end = meeting.end().toLocalDateTime();
        form.date = DATE.format(start);
        form.startTime = TIME.format(start);
        form.endDate = DATE.format(end);
        form.endTime = TIME.format(end);
        form.hostUnitId = meeting.host().id();
        form.chair = meeting.chair().username();
        form.visibility = meeting.visibility();
        meeting.endpoints().forEach(endpoint -> form.endpointUnitIds.add(endpoint.unit().id()));
        List<String> named = new ArrayList<>();
        meeting.participants().stream()
                .filter(p -> !p.person().username().equals(meeting.chair().username()))
                .forEach(p -> named.add(p.person().username()));
        form.participants = String.join(", ", named);
        List<String> lines = new ArrayList<>();
        meeting.guests().forEach(g -> lines.add(g.name() == null || g.name().isBlank() ? g.email()
                : g.name() + " <" + g.email() + ">"));
        form.guests = String.join("\n", lines);
        Recurrences.Parsed rule = Recurrences.parse(meeting.recurrence(), start.toLocalDate());
        form.repeat = rule.choice();
        form.repeatCount = rule.count();
        form.repeatUntil = rule.until() == null ? "" : DATE.format(rule.until());
        form.customRule = rule.choice() == Recurrences.Choice.CUSTOM ? meeting.recurrence() : "";
        List<String> excluded = new ArrayList<>();
        meeting.excludedDates().forEach(day -> excluded.add(DATE.format(day)));
        form.excludedDates = String.join(", ", excluded);
        form.lobby = meeting.lobby();
        form.maxOccupants = meeting.maxOccupants();
        return form;
    }

    /**
     * The draft, or {@code null} with {@code errors} filled in (field of the draft → Vietnamese message) when part
     * of the form cannot be read.
     */
    MeetingDraft toDraft(Map<String, String> errors) {
        LocalDate day = date(date, "start", "Ngày bắt đầu", errors);
        LocalTime from = time(startTime, "start", "Giờ bắt đầu", errors);
        LocalDate lastDay = endDate == null || endDate.isBlank() ? day : date(endDate, "end", "Ngày kết thúc", errors);
        LocalTime to = time(endTime, "end", "Giờ kết thúc", errors);
        LocalDateTime start = day == null || from == null ? null : day.atTime(from);
        LocalDateTime end = lastDay == null || to == null ? null : lastDay.atTime(to);
        List<EndpointSelection> picked = new ArrayList<>();
        for (String selection : selections) {
            EndpointSelection parsed = selection(selection);
            if (parsed == null) {
                errors.putIfAbsent("endpointUnitIds", "Lựa chọn điểm cầu không hợp lệ: \"" + selection + "\".");
            }
            else {
                picked.add(parsed);
            }
        }
        List<Guest> invitedGuests = new ArrayList<>();
        for (String line : lines(guests)) {
            Matcher matcher = GUEST.matcher(line);
            if (!matcher.matches()) {
                errors.putIfAbsent("guests", "Không đọc được khách mời \"" + line
                        + "\". Viết mỗi dòng một địa chỉ thư, ví dụ: Nguyễn Văn A <a@example.com>");
                continue;
            }
            String email = matcher.group(2) != null ? matcher.group(2).strip() : matcher.group(3).strip();
            String name = matcher.group(1) == null ? "" : matcher.group(1).strip();
            invitedGuests.add(new Guest(email, name));
        }
        List<LocalDate> excluded = new ArrayList<>();
        for (String text : excludedDates == null ? new String[0] : excludedDates.split("[,;\\n]+")) {
            if (!text.isBlank()) {
                LocalDate parsed = date(text, "excludedDates", "Ngày nghỉ", errors);
                if (parsed != null) {
                    excluded.add(parsed);
                }
            }
        }
        String rule = null;
        if (day != null) {
            LocalDate until = repeatUntil == null || repeatUntil.isBlank() ? null
                    : date(repeatUntil, "recurrence", "Lặp đến ngày", errors);
            if (repeat != Recurrences.Choice.NONE && repeat != Recurrences.Choice.CUSTOM && until == null
                    && repeatCount == null && !errors.containsKey("recurrence")) {
                errors.put("recurrence", "Cho biết cuộc họp lặp lại bao nhiêu lần hoặc đến ngày nào.");
            }
            rule = Recurrences.rule(repeat, day, repeatCount, until, customRule);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new MeetingDraft(title, agenda, start, end, hostUnitId, chair == null ? null : chair.strip(),
                visibility, endpointUnitIds, picked, usernames(participants), invitedGuests, rule, excluded, lobby,
                maxOccupants);
    }

    /** {@code "12:COMMUNE"} or {@code "1:DISTRICT,COMMUNE"}, as the endpoint picker's subtree boxes send it. */
    static EndpointSelection selection(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(":", 2);
        try {
            long unitId = Long.parseLong(parts[0].strip());
            Set<UnitLevel> levels = EnumSet.noneOf(UnitLevel.class);
            if (parts.length == 2) {
                for (String level : parts[1].split(",")) {
                    if (!level.isBlank()) {
                        levels.add(UnitLevel.valueOf(level.strip().toUpperCase(Locale.ROOT)));
                    }
                }
            }
            return new EndpointSelection(unitId, levels);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<String> usernames(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            for (String name : text.split("[,;\\s]+")) {
                if (!name.isBlank()) {
                    names.add(name.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(names);
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    private static LocalDate date(String text, String field, String label, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.putIfAbsent(field, label + ": chưa nhập ngày (dd/mm/yyyy).");
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), DATE);
        }
        catch (DateTimeParseException e) {
            errors.putIfAbsent(field, label + ": \"" + text.strip() + "\" không phải ngày hợp lệ (dd/mm/yyyy, ví dụ "
                    + "07/12/2026).");
            return null;
        }
    }

    private static LocalTime time(String text, String field, String label, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.putIfAbsent(field, label + ": chưa nhập giờ (HH:mm).");
            return null;
        }
        try {
            return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip(), TIME);
        }
        catch (DateTimeParseException e) {
            errors.putIfAbsent(field, label + ": \"" + text.strip() + "\" không phải giờ hợp lệ (HH:mm, ví dụ 08:00).");
            return null;
        }
    }

    /** The checked subtree boxes as a set, for the picker's {@code checked} state. */
    public Set<String> getSelectionSet() {
        return new LinkedHashSet<>(selections);
    }

    static Map<String, String> errors() {
        return new LinkedHashMap<>();
    }

    // ------------------------------------------------------------------ binding

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getAgenda() { return agenda; }
    public void setAgenda(String agenda) { this.agenda = agenda; }
    public String getDate() { return date; }
    public void setDate(String date) { this.date = date; }
    public String getStartTime() { return startTime; }
    public void setStartTime(String startTime) { this.startTime = startTime; }
    public String getEndDate() { return endDate; }
    public void setEndDate(String endDate) { this.endDate = endDate; }
    public String getEndTime() { return endTime; }
    public void setEndTime(String endTime) { this.endTime = endTime; }
    public Long getHostUnitId() { return hostUnitId; }
    public void setHostUnitId(Long hostUnitId) { this.hostUnitId = hostUnitId; }
    public String getChair() { return chair; }
    public void setChair(String chair) { this.chair = chair; }
    public Visibility getVisibility() { return visibility; }
    public void setVisibility(Visibility visibility) { this.visibility = visibility; }
    public List<Long> getEndpointUnitIds() { return endpointUnitIds; }
    public void setEndpointUnitIds(List<Long> ids) { this.endpointUnitIds = ids == null ? new ArrayList<>() : ids; }
    public List<String> getSelections() { return selections; }
    public void setSelections(List<String> values) { this.selections = values == null ? new ArrayList<>() : values; }
    public String getParticipants() { return participants; }
    public void setParticipants(String participants) { this.participants = participants; }
    public String getGuests() { return guests; }
    public void setGuests(String guests) { this.guests = guests; }
    public Recurrences.Choice getRepeat() { return repeat; }
    public void setRepeat(Recurrences.Choice choice) {
        this.repeat = choice == null ? Recurrences.Choice.NONE : choice;
    }
    public Integer getRepeatCount() { return repeatCount; }
    public void setRepeatCount(Integer repeatCount) { this.repeatCount = repeatCount; }
    public String getRepeatUntil() { return repeatUntil; }
    public void setRepeatUntil(String repeatUntil) { this.repeatUntil = repeatUntil; }
    public String getCustomRule() { return customRule; }
    public void setCustomRule(String customRule) { this.customRule = customRule; }
    public String getExcludedDates() { return excludedDates; }
    public void setExcludedDates(String excludedDates) { this.excludedDates = excludedDates; }
    public boolean isLobby() { return lobby; }
    public void setLobby(boolean lobby) { this.lobby = lobby; }
    public Integer getMaxOccupants() { return maxOccupants; }
    public void setMaxOccupants(Integer maxOccupants) { this.maxOccupants = maxOccupants; }
    public boolean isAcknowledgeConflicts() { return acknowledgeConflicts; }
    public void setAcknowledgeConflicts(boolean acknowledged) { this.acknowledgeConflicts = acknowledged; }
}
