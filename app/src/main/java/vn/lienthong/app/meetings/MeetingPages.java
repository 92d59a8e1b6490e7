package vn.lienthong.app.meetings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.lienthong.app.directory.AdminScope;
import vn.lienthong.app.shell.DateFormatting;
import vn.lienthong.chat.Chat;
import vn.lienthong.chat.ChatException;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Unit;
import vn.lienthong.meetings.AttendanceReport;
import vn.lienthong.meetings.CalendarPage;
import vn.lienthong.meetings.CalendarView;
import vn.lienthong.meetings.DocumentContent;
import vn.lienthong.meetings.MeetingAttendance;
import vn.lienthong.meetings.MeetingDocuments;
import vn.lienthong.meetings.MeetingException;
import vn.lienthong.meetings.MeetingRooms;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.Meetings;
import vn.lienthong.meetings.Minutes;
import vn.lienthong.meetings.Occurrence;
import vn.lienthong.meetings.ResponseStatus;

/**
 * Lịch họp: the calendar (day, week, month, list; the official's own or a unit's room) and the meeting page
 * (details, answers, documents, minutes, attendance, the chat channel, and joining the video). Thin over the
 * meetings module, which decides who may see and do what: a meeting the official may not see is the 404 page.
 * Joining happens in the page's script ({@code /js/meetings.js}): it asks {@code /api/v1/meetings/{id}/join} for a
 * room token and only then loads the Jitsi IFrame API, which this page's own policy allows
 * ({@link JitsiPagePolicy}).
 */
@Controller
class MeetingPages {

    private final Meetings meetings;
    private final MeetingDocuments documents;
    private final MeetingRooms rooms;
    private final MeetingAttendance attendance;
    private final Directory directory;
    private final AdminScope scope;
    private final ObjectProvider<Chat> chat;
    private final DateFormatting.Dates dates;

    MeetingPages(Meetings meetings, MeetingDocuments documents, MeetingRooms rooms, MeetingAttendance attendance,
                 Directory directory, AdminScope scope, ObjectProvider<Chat> chat, DateFormatting formatting) {
        this.meetings = meetings;
        this.documents = documents;
        this.rooms = rooms;
        this.attendance = attendance;
        this.directory = directory;
        this.scope = scope;
        this.chat = chat;
        this.dates = formatting.dates();
    }

    // ------------------------------------------------------------------ calendar

    @GetMapping("/meetings")
    String calendar(@RequestParam(defaultValue = "week") String view,
                    @RequestParam(required = false) String date,
                    @RequestParam(required = false) Long unit, Authentication authentication, Model model) {
        String username = authentication.getName();
        CalendarView shown = switch (view.toLowerCase(Locale.ROOT)) {
            case "day" -> CalendarView.DAY;
            case "month" -> CalendarView.MONTH;
            case "list" -> CalendarView.LIST;
            default -> CalendarView.WEEK;
        };
        LocalDate day = isoDate(date);
        CalendarPage page = unit == null ? meetings.calendarOf(username, null, shown, day)
                : meetings.unitCalendar(username, unit, shown, day);
        model.addAttribute("grid", CalendarGrid.of(page, dates.today()));
        model.addAttribute("viewName", shown.name().toLowerCase(Locale.ROOT));
        model.addAttribute("unitId", unit);
        model.addAttribute("units", calendarUnits(authentication));
        model.addAttribute("unitName", unit == null ? null : directory.findUnit(unit).map(Unit::name).orElse(""));
        return "meetings/calendar";
    }

    /** The units whose room calendar the official may open: theirs and those above, and those they administer. */
    private List<Unit> calendarUnits(Authentication authentication) {
        Map<Long, Unit> units = new LinkedHashMap<>();
        directory.findOfficialByUsername(authentication.getName()).map(Official::unitId)
                .ifPresent(unitId -> directory.pathTo(unitId).forEach(u -> units.put(u.id(), u)));
        scope.activeUnits(authentication).forEach(u -> units.putIfAbsent(u.id(), u));
        return new ArrayList<>(units.values());
    }

    // ------------------------------------------------------------------ the meeting page

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable long id, @RequestParam(name = "occurrence", required = false) String occurrence,
                   @RequestParam(name = "too-large", required = false) String tooLarge,
                   Authentication authentication, Model model, HttpServletRequest request) {
        String username = authentication.getName();
        MeetingView meeting = meetings.meeting(username, id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("you", meeting.you());
        List<Occurrence> upcoming = List.of();
        String chosen = null;
        if (meeting.recurrence() != null) {
            Instant now = Instant.now();
            // A year either side of now, or of the first meeting when the series has not begun.
            Instant anchor = meeting.start().toInstant().isAfter(now) ? meeting.start().toInstant() : now;
            List<Occurrence> around = meetings.occurrences(username, id, anchor.minus(Duration.ofDays(370)),
                    anchor.plus(Duration.ofDays(370)));
            upcoming = around.stream().filter(o -> o.end().toInstant().isAfter(now)).limit(12).toList();
            chosen = chosenOccurrence(around, occurrence, now);
            model.addAttribute("occurrences", around);
        }
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("occurrenceId", chosen);
        if ((meeting.you().recorder() || meeting.you().invited() || meeting.you().manager())
                && (meeting.recurrence() == null || chosen != null)) {
            Minutes minutes = documents.minutes(username, id, chosen);
            model.addAttribute("minutes", minutes);
        }
        if (meeting.you().recorder() && (meeting.recurrence() == null || chosen != null)) {
            AttendanceReport report = attendance.report(username, id, chosen);
            model.addAttribute("attendance", report);
        }
        model.addAttribute("chatLink", chatLink(username, meeting));
        model.addAttribute("joinApi", request.getContextPath() + "/api/v1/meetings/" + id + "/join");
        model.addAttribute("eventsApi", request.getContextPath() + "/api/v1/meetings/" + id
                + "/attendance/client-events");
        if (tooLarge != null) {
            model.addAttribute("errorKey", "meetings.documents.tooLarge");
        }
        // The page may load the Jitsi server's script and frame, and nothing else from elsewhere.
        JitsiPagePolicy.allow(request, rooms.jitsiOrigin());
        return "meetings/meeting";
    }

    /** The occurrence asked for, else the one under way or next, else the last one. */
    private static String chosenOccurrence(List<Occurrence> occurrences, String asked, Instant now) {
        if (asked != null && occurrences.stream().anyMatch(o -> asked.equals(o.occurrenceId()))) {
            return asked;
        }
        return occurrences.stream().filter(o -> !o.cancelled() && o.end().toInstant().isAfter(now))
                .map(Occurrence::occurrenceId).findFirst()
                .orElse(occurrences.isEmpty() ? null : occurrences.get(occurrences.size() - 1).occurrenceId());
    }

    /** The meeting's chat channel, when the official is one of its members (the chat says so). */
    private String chatLink(String username, MeetingView meeting) {
        Chat channels = chat.getIfAvailable();
        if (channels == null) {
            return null;
        }
        OptionalLong channelId = meetings.chatChannel(username, meeting.id());
        if (channelId.isEmpty()) {
            return null;
        }
        try {
            return "/chat?channel=" + channels.channel(username, channelId.getAsLong()).id();
        }
        catch (ChatException notAMember) {
            return null;
        }
    }

    @PostMapping("/meetings/{id}/response")
    String respond(@PathVariable long id, @RequestParam String status,
                   @RequestParam(name = "occurrenceId", required = false) String occurrenceId,
                   @RequestParam(required = false) String comment, Authentication authentication,
                   RedirectAttributes redirect) {
        ResponseStatus answer;
        try {
            answer = ResponseStatus.valueOf(status.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            answer = null;
        }
        try {
            meetings.respond(authentication.getName(), id, blankToNull(occurrenceId), answer, comment);
            redirect.addFlashAttribute("notice", "meetings.notice.answered");
        }
        catch (MeetingException refused) {
            refuse(refused, redirect);
        }
        return back(id, occurrenceId);
    }

    // ------------------------------------------------------------------ documents and minutes

    @PostMapping("/meetings/{id}/documents")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  Authentication authentication, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("errorKey", "meetings.documents.none");
            return back(id, null);
        }
        try (InputStream content = file.getInputStream()) {
            documents.upload(authentication.getName(), id, file.getOriginalFilename(), file.getContentType(), content);
            redirect.addFlashAttribute("notice", "meetings.notice.uploaded");
        }
        catch (MeetingException refused) {
            refuse(refused, redirect);
        }
        return back(id, null) + "#meeting-documents";
    }

    @GetMapping("/meetings/{id}/documents/{documentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long documentId,
                                                 Authentication authentication) throws IOException {
        DocumentContent document = documents.download(authentication.getName(), id, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .contentLength(document.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(document.content().open()));
    }

    @PostMapping("/meetings/{id}/documents/{documentId}/delete")
    String deleteDocument(@PathVariable long id, @PathVariable long documentId, Authentication authentication,
                          RedirectAttributes redirect) {
        try {
            documents.delete(authentication.getName(), id, documentId);
            redirect.addFlashAttribute("notice", "meetings.notice.documentDeleted");
        }
        catch (MeetingException refused) {
            refuse(refused, redirect);
        }
        return back(id, null) + "#meeting-documents";
    }

    @PostMapping("/meetings/{id}/minutes")
    String saveMinutes(@PathVariable long id, @RequestParam(defaultValue = "") String text,
                       @RequestParam(name = "occurrenceId", required = false) String occurrenceId,
                       Authentication authentication, RedirectAttributes redirect) {
        try {
            documents.saveMinutes(authentication.getName(), id, blankToNull(occurrenceId), text);
            redirect.addFlashAttribute("notice", "meetings.notice.minutesSaved");
        }
        catch (MeetingException refused) {
            refuse(refused, redirect);
            redirect.addFlashAttribute("minutesDraft", text);
        }
        return back(id, occurrenceId) + "#meeting-minutes";
    }

    // ------------------------------------------------------------------ cancelling

    @GetMapping("/meetings/{id}/cancel")
    String cancelPage(@PathVariable long id, @RequestParam(name = "occurrence", required = false) String occurrence,
                      Authentication authentication, Model model) {
        MeetingView meeting = meetings.meeting(authentication.getName(), id);
        if (!meeting.you().manager()) {
            throw new MeetingException(MeetingException.Reason.FORBIDDEN, "Bạn không có quyền huỷ cuộc họp này.");
        }
        model.addAttribute("meeting", meeting);
        if (meeting.recurrence() != null) {
            Instant now = Instant.now();
            Instant from = meeting.start().toInstant().isAfter(now) ? meeting.start().toInstant() : now;
            model.addAttribute("occurrences", meetings.occurrences(authentication.getName(), id, from,
                    from.plus(Duration.ofDays(370))).stream().filter(o -> !o.cancelled()).limit(60).toList());
        }
        model.addAttribute("occurrence", occurrence);
        return "meetings/cancel";
    }

    /** {@code scope=series} cancels the whole meeting; {@code scope=<occurrenceId>} one occurrence of a series. */
    @PostMapping("/meetings/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "series") String scope,
                  @RequestParam(defaultValue = "") String reason, Authentication authentication,
                  RedirectAttributes redirect) {
        try {
            if ("series".equals(scope)) {
                meetings.cancel(authentication.getName(), id, reason);
                redirect.addFlashAttribute("notice", "meetings.notice.cancelled");
            }
            else {
                meetings.cancelOccurrence(authentication.getName(), id, scope, reason);
                redirect.addFlashAttribute("notice", "meetings.notice.occurrenceCancelled");
            }
        }
        catch (MeetingException refused) {
            if (refused.reason() == MeetingException.Reason.NOT_FOUND) {
                throw refused;
            }
            refuse(refused, redirect);
        }
        return back(id, null);
    }

    // ------------------------------------------------------------------ helpers

    private static void refuse(MeetingException refused, RedirectAttributes redirect) {
        if (refused.reason() == MeetingException.Reason.NOT_FOUND) {
            throw refused;
        }
        redirect.addFlashAttribute("errorText", refused.getMessage());
    }

    private static String back(long id, String occurrenceId) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/meetings/" + id);
        if (occurrenceId != null && !occurrenceId.isBlank()) {
            uri.queryParam("occurrence", URLEncoder.encode(occurrenceId, StandardCharsets.UTF_8));
        }
        return "redirect:" + uri.build().toUriString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code 2026-12-07}; today when missing or not a date (an old bookmark should still open the calendar). */
    private LocalDate isoDate(String text) {
        try {
            return text == null || text.isBlank() ? dates.today() : LocalDate.parse(text.strip());
        }
        catch (java.time.format.DateTimeParseException e) {
            return dates.today();
        }
    }
}
