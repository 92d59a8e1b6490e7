package vn.lienthong.meetings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.lienthong.directory.UnitLevel;
import vn.lienthong.meetings.AttendanceReport;
import vn.lienthong.meetings.CalendarFeeds;
import vn.lienthong.meetings.CalendarPage;
import vn.lienthong.meetings.CalendarView;
import vn.lienthong.meetings.ClientEvent;
import vn.lienthong.meetings.ConflictWarning;
import vn.lienthong.meetings.DocumentContent;
import vn.lienthong.meetings.DocumentView;
import vn.lienthong.meetings.EndpointUnit;
import vn.lienthong.meetings.FeedStatus;
import vn.lienthong.meetings.JoinInfo;
import vn.lienthong.meetings.MeetingAttendance;
import vn.lienthong.meetings.MeetingDocuments;
import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingException;
import vn.lienthong.meetings.MeetingRooms;
import vn.lienthong.meetings.MeetingSaved;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.Meetings;
import vn.lienthong.meetings.Minutes;
import vn.lienthong.meetings.NewFeed;
import vn.lienthong.meetings.Occurrence;
import vn.lienthong.meetings.OccurrenceChange;

/**
 * The meetings' JSON API ({@code /api/v1/meetings}, the {@code /api/**} chain: bearer token or browser session with
 * CSRF). The caller is always the signed-in official. Dates in query parameters are ISO ({@code 2026-12-02}); times
 * in bodies are wall-clock times of the suite's zone ({@code 2026-12-02T08:00}); refusals are RFC 7807 problems
 * ({@link MeetingsApiErrors}).
 */
@RestController
@RequestMapping("/api/v1/meetings")
class MeetingsApiController {

    private final Meetings meetings;
    private final MeetingDocuments documents;
    private final MeetingRooms rooms;
    private final MeetingAttendance attendance;
    private final CalendarFeeds feeds;
    private final MeetingsSettings settings;

    MeetingsApiController(Meetings meetings, MeetingDocuments documents, MeetingRooms rooms,
                          MeetingAttendance attendance, CalendarFeeds feeds, MeetingsSettings settings) {
        this.meetings = meetings;
        this.documents = documents;
        this.rooms = rooms;
        this.attendance = attendance;
        this.feeds = feeds;
        this.settings = settings;
    }

    // ----------------------------------------------------------------------------------- scheduling

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MeetingSaved schedule(@RequestBody MeetingDraft draft, Principal user) {
        return meetings.schedule(user.getName(), draft);
    }

    @PostMapping("/conflicts")
    List<ConflictWarning> conflicts(@RequestBody MeetingDraft draft, @RequestParam(required = false) Long meetingId,
                                    Principal user) {
        return meetings.conflicts(user.getName(), draft, meetingId);
    }

    /** {@code ?unitId=12&levels=COMMUNE} or {@code levels=DISTRICT,COMMUNE}: the unit and those levels below it. */
    @GetMapping("/endpoint-candidates")
    List<EndpointUnit> endpointCandidates(@RequestParam long unitId,
                                          @RequestParam(required = false) Set<UnitLevel> levels, Principal user) {
        return meetings.endpointCandidates(user.getName(), unitId,
                levels == null ? EnumSet.noneOf(UnitLevel.class) : levels);
    }

    @GetMapping("/{meetingId}")
    MeetingView meeting(@PathVariable long meetingId, Principal user) {
        return meetings.meeting(user.getName(), meetingId);
    }

    @PutMapping("/{meetingId}")
    MeetingSaved update(@PathVariable long meetingId, @RequestBody MeetingDraft draft, Principal user) {
        return meetings.update(user.getName(), meetingId, draft);
    }

    @PostMapping("/{meetingId}/cancel")
    MeetingView cancel(@PathVariable long meetingId, @RequestBody(required = false) ReasonBody body,
                       Principal user) {
        return meetings.cancel(user.getName(), meetingId, body == null ? null : body.reason());
    }

    /** Occurrences starting on the days {@code [from, to)} (ISO dates, the suite's zone); default: the next year. */
    @GetMapping("/{meetingId}/occurrences")
    List<Occurrence> occurrences(@PathVariable long meetingId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate to, Principal user) {
        ZoneId zone = settings.timeZone();
        LocalDate first = from != null ? from : LocalDate.now(zone);
        LocalDate last = to != null ? to : first.plusYears(1);
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.atStartOfDay(zone).toInstant();
        return meetings.occurrences(user.getName(), meetingId, start, end);
    }

    @PutMapping("/{meetingId}/occurrences/{occurrenceId}")
    MeetingSaved moveOccurrence(@PathVariable long meetingId, @PathVariable String occurrenceId,
                                @RequestBody OccurrenceChange change, Principal user) {
        return meetings.moveOccurrence(user.getName(), meetingId, occurrenceId, change);
    }

    @PostMapping("/{meetingId}/occurrences/{occurrenceId}/cancel")
    MeetingView cancelOccurrence(@PathVariable long meetingId, @PathVariable String occurrenceId,
                                 @RequestBody(required = false) ReasonBody body, Principal user) {
        return meetings.cancelOccurrence(user.getName(), meetingId, occurrenceId,
                body == null ? null : body.reason());
    }

    @PostMapping("/{meetingId}/response")
    Map<String, Object> respond(@PathVariable long meetingId, @RequestBody ResponseBody body, Principal user) {
        vn.lienthong.meetings.ResponseStatus status = meetings.respond(user.getName(), meetingId, body.occurrenceId(), body.status(),
                body.comment());
        return Map.of("status", status);
    }

    // ------------------------------------------------------------------------------------ calendars

    /** My calendar, or ({@code username}) an official's for those who administer their unit. */
    @GetMapping("/calendar")
    CalendarPage calendar(@RequestParam(defaultValue = "MONTH") CalendarView view,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                          LocalDate date,
                          @RequestParam(required = false) String username, Principal user) {
        return meetings.calendarOf(user.getName(), username, view, date);
    }

    @GetMapping("/calendar/units/{unitId}")
    CalendarPage unitCalendar(@PathVariable long unitId, @RequestParam(defaultValue = "MONTH") CalendarView view,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate date, Principal user) {
        return meetings.unitCalendar(user.getName(), unitId, view, date);
    }

    // ------------------------------------------------------------------------------------------- room

    @GetMapping("/{meetingId}/join")
    ResponseEntity<JoinInfo> join(@PathVariable long meetingId, Principal user) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rooms.join(user.getName(), meetingId));
    }

    @PostMapping("/{meetingId}/attendance/client-events")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clientEvent(@PathVariable long meetingId, @RequestBody ClientEvent event, Principal user) {
        rooms.clientEvent(user.getName(), meetingId, event);
    }

    @GetMapping("/{meetingId}/attendance")
    AttendanceReport attendance(@PathVariable long meetingId, @RequestParam(required = false) String occurrenceId,
                                Principal user) {
        return attendance.report(user.getName(), meetingId, occurrenceId);
    }

    /** {@code ?by=endpoint} for one line per endpoint; default one line per person. */
    @GetMapping("/{meetingId}/attendance.csv")
    void attendanceCsv(@PathVariable long meetingId, @RequestParam(required = false) String occurrenceId,
                       @RequestParam(defaultValue = "person") String by, Principal user,
                       HttpServletResponse response) throws IOException {
        AttendanceReport report = attendance.report(user.getName(), meetingId, occurrenceId);
        boolean byEndpoint = "endpoint".equalsIgnoreCase(by);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("diem-danh-" + meetingId + (byEndpoint ? "-diem-cau" : "") + ".csv", StandardCharsets.UTF_8)
                .build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        MeetingAttendanceService.csv(report, byEndpoint, out);
        out.flush();
    }

    // -------------------------------------------------------------------------------------- documents

    @GetMapping("/{meetingId}/documents")
    List<DocumentView> documents(@PathVariable long meetingId, Principal user) {
        return documents.documents(user.getName(), meetingId);
    }

    @PostMapping(path = "/{meetingId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentView upload(@PathVariable long meetingId, @RequestParam("file") MultipartFile file, Principal user)
            throws IOException {
        if (file.isEmpty()) {
            throw MeetingException.invalid("file", "Chưa chọn tệp, hoặc tệp rỗng.");
        }
        try (InputStream content = file.getInputStream()) {
            return documents.upload(user.getName(), meetingId, file.getOriginalFilename(), file.getContentType(),
                    content);
        }
    }

    @GetMapping("/{meetingId}/documents/{documentId}")
    ResponseEntity<StreamingResponseBody> download(@PathVariable long meetingId, @PathVariable long documentId,
                                                   Principal user) {
        DocumentContent content = documents.download(user.getName(), meetingId, documentId);
        StreamingResponseBody body = out -> {
            try (InputStream in = content.content().open()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .contentLength(content.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    @DeleteMapping("/{meetingId}/documents/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteDocument(@PathVariable long meetingId, @PathVariable long documentId, Principal user) {
        documents.delete(user.getName(), meetingId, documentId);
    }

    @GetMapping("/{meetingId}/minutes")
    Minutes minutes(@PathVariable long meetingId, @RequestParam(required = false) String occurrenceId,
                    Principal user) {
        return documents.minutes(user.getName(), meetingId, occurrenceId);
    }

    @PutMapping("/{meetingId}/minutes")
    Minutes saveMinutes(@PathVariable long meetingId, @RequestBody MinutesBody body, Principal user) {
        return documents.saveMinutes(user.getName(), meetingId, body.occurrenceId(), body.text());
    }

    // ------------------------------------------------------------------------------------------ feeds

    @GetMapping("/feed")
    FeedStatus feed(Principal user) {
        return feeds.status(user.getName());
    }

    /** A new private feed address (the old one stops working); shown this once. */
    @PostMapping("/feed")
    ResponseEntity<NewFeed> rotateFeed(Principal user) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(feeds.rotate(user.getName()));
    }

    @DeleteMapping("/feed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeFeed(Principal user) {
        feeds.revoke(user.getName());
    }

    record ReasonBody(String reason) {
    }

    record ResponseBody(vn.lienthong.meetings.ResponseStatus status, String occurrenceId, String comment) {
    }

    record MinutesBody(String text, String occurrenceId) {
    }
}
