package vn.lienthong.app.meetings;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import vn.lienthong.app.support.Users;
import vn.lienthong.app.support.WebTestSupport;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitLevel;
import vn.lienthong.meetings.CalendarFeeds;
import vn.lienthong.meetings.CalendarView;
import vn.lienthong.meetings.EndpointSelection;
import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingStatus;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.Meetings;
import vn.lienthong.meetings.ResponseStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Lịch họp pages over the suite's one context: calendars in every view, the form (Vietnamese refusals with the
 * input kept, subtrees of endpoints, recurrence, double bookings shown before saving), the meeting page (its own
 * policy with the Jitsi origin, answers, documents, minutes, cancelling), the feed, and who gets what: a meeting
 * someone may not see is a 404, one they see but may not change a 403. binh.tran works in the office of Huyện Vĩnh
 * Lợi, so a public meeting with Vĩnh Lợi as an endpoint invites her; an.nguyen (province) is invited to none of these.
 */
class MeetingPagesTests extends WebTestSupport {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    Meetings meetings;

    @Autowired
    CalendarFeeds feeds;

    /** A weekday at 09:00 some months ahead, different for every call, so tests never book each other. */
    private static LocalDateTime someDay() {
        LocalDate day = LocalDate.now(ZONE).plusDays(60 + ThreadLocalRandom.current().nextInt(2000));
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(LocalTime.of(9, 0));
    }

    private MeetingView vinhLoiMeeting(String title, LocalDateTime start) {
        Unit vinhLoi = unit("BL-VL");
        return meetings.schedule("admin.vinhloi", MeetingDraft.of(title, start, start.plusHours(2), vinhLoi.id(),
                "admin.vinhloi").withSelections(List.of(new EndpointSelection(vinhLoi.id(),
                Set.of(UnitLevel.COMMUNE))))).meeting();
    }

    private String page(MockHttpServletRequestBuilder request, Users user) throws Exception {
        // Unescaped: form fields write some letters as named entities (ù as &ugrave;).
        return HtmlUtils.htmlUnescape(mvc.perform(request.with(user.session())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void navigationOpensTheCalendarWithEveryView() throws Exception {
        LocalDateTime start = someDay();
        MeetingView meeting = vinhLoiMeeting("Họp lịch các cách xem", start);
        for (String view : List.of("day", "week", "month", "list")) {
            String html = page(get("/meetings").param("view", view).param("date", start.toLocalDate().toString()),
                    Users.OTHER_OFFICIAL);
            assertThat(html).as(view).contains("Họp lịch các cách xem", "/meetings/" + meeting.id(), "09:00–11:00",
                    "id=\"calendar-prev\"", "id=\"calendar-today\"").doesNotContain("Đang xây dựng");
        }
        assertThat(page(get("/meetings").param("view", "month").param("date", start.toLocalDate().toString()),
                Users.OTHER_OFFICIAL)).contains("Tháng " + start.getMonthValue() + "/" + start.getYear());
        // The district's room calendar, for the district's staff; not in the province official's own calendar.
        assertThat(page(get("/meetings").param("view", "day").param("date", start.toLocalDate().toString())
                .param("unit", Long.toString(unit("BL-VL").id())), Users.OTHER_OFFICIAL))
                .contains("Họp lịch các cách xem", "Huyện Vĩnh Lợi");
        assertThat(page(get("/meetings").param("view", "day").param("date", start.toLocalDate().toString()),
                Users.OFFICIAL)).doesNotContain("Họp lịch các cách xem");
        // A date that is not one opens today rather than failing.
        assertThat(page(get("/meetings").param("date", "hôm-qua"), Users.OFFICIAL)).contains("id=\"calendar\"");
    }

    @Test
    void formRefusalsAreVietnameseNextToTheFieldAndKeepWhatWasTyped() throws Exception {
        LocalDateTime start = someDay();
        String html = page(post("/meetings").with(csrf())
                .param("title", "Họp thử giờ sai").param("agenda", "Nội dung giữ lại")
                .param("date", MeetingForm.DATE.format(start)).param("startTime", "10:00")
                .param("endDate", MeetingForm.DATE.format(start)).param("endTime", "09:00")
                .param("hostUnitId", Long.toString(unit("BL-VL").id())).param("chair", "admin.vinhloi")
                .param("visibility", "PUBLIC_TO_UNITS").param("repeat", "NONE"), Users.UNIT_ADMIN_VINH_LOI);
        assertThat(html).contains("Giờ kết thúc phải sau giờ bắt đầu.", "id=\"error-end\"",
                "value=\"Họp thử giờ sai\"", "Nội dung giữ lại");

        html = page(post("/meetings").with(csrf()).param("title", "Họp thử ngày sai").param("date", "31/02/2027")
                .param("startTime", "8h").param("endTime", "09:00").param("repeatCount", "mười")
                .param("guests", "không phải địa chỉ <"), Users.UNIT_ADMIN_VINH_LOI);
        assertThat(html).contains("Số lần lặp phải là một số", "value=\"Họp thử ngày sai\"", "value=\"31/02/2027\"");
        html = page(post("/meetings").with(csrf()).param("title", "Họp thử ngày sai").param("date", "31/02/2027")
                .param("startTime", "8h").param("endTime", "09:00").param("guests", "a b <"),
                Users.UNIT_ADMIN_VINH_LOI);
        assertThat(html).contains("\"31/02/2027\" không phải ngày hợp lệ", "Không đọc được khách mời");

        html = page(post("/meetings").with(csrf()).param("title", "Họp thử chủ trì").param("date",
                        MeetingForm.DATE.format(start)).param("startTime", "08:00").param("endTime", "09:00")
                .param("hostUnitId", Long.toString(unit("BL-VL").id())).param("chair", "khong.co.ai"),
                Users.UNIT_ADMIN_VINH_LOI);
        assertThat(html).contains("id=\"error-chair\"", "khong.co.ai");
    }

    @Test
    void theFormSchedulesADistrictWithAllItsCommunesAsAWeeklySeries() throws Exception {
        LocalDateTime start = someDay();
        Unit vinhLoi = unit("BL-VL");
        MvcResult saved = mvc.perform(post("/meetings").with(csrf()).with(Users.UNIT_ADMIN_VINH_LOI.session())
                        .param("title", "Giao ban tuần qua biểu mẫu").param("date", MeetingForm.DATE.format(start))
                        .param("startTime", "07:30").param("endTime", "08:30")
                        .param("hostUnitId", Long.toString(vinhLoi.id())).param("chair", "admin.vinhloi")
                        .param("visibility", "PUBLIC_TO_UNITS").param("endpointUnitIds", Long.toString(vinhLoi.id()))
                        .param("selections", vinhLoi.id() + ":COMMUNE").param("participants", "an.nguyen, ")
                        .param("guests", "Khách Mời <khach@example.com>")
                        .param("repeat", "WEEKLY").param("repeatCount", "3").param("acknowledgeConflicts", "true"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = saved.getResponse().getRedirectedUrl();
        assertThat(location).matches("/meetings/\\d+");
        MeetingView meeting = meetings.meeting("admin.vinhloi", Long.parseLong(location.substring(10)));
        long communes = directory.subtree(vinhLoi.id()).stream()
                .filter(u -> u.active() && u.level() == UnitLevel.COMMUNE).count();
        assertThat(meeting.endpoints()).hasSize((int) communes + 1);
        assertThat(meeting.recurrence().split(";")).containsExactlyInAnyOrder("FREQ=WEEKLY",
                "BYDAY=" + start.getDayOfWeek().name().substring(0, 2), "COUNT=3");
        assertThat(meeting.participants()).extracting(p -> p.person().username()).contains("an.nguyen");
        assertThat(meeting.guests()).extracting(g -> g.email()).containsExactly("khach@example.com");
        assertThat(meeting.start().toLocalDateTime()).isEqualTo(start.toLocalDate().atTime(7, 30));

        // One occurrence cancelled alone; the series goes on.
        List<vn.lienthong.meetings.Occurrence> occurrences = meetings.occurrences("admin.vinhloi", meeting.id(),
                meeting.start().toInstant(), meeting.start().plusWeeks(3).toInstant());
        assertThat(page(get("/meetings/" + meeting.id() + "/cancel"), Users.UNIT_ADMIN_VINH_LOI))
                .contains("Cả chuỗi cuộc họp", "value=\"" + occurrences.get(1).occurrenceId() + "\"");
        mvc.perform(post("/meetings/" + meeting.id() + "/cancel").with(csrf())
                .with(Users.UNIT_ADMIN_VINH_LOI.session()).param("scope", occurrences.get(1).occurrenceId()))
                .andExpect(status().is3xxRedirection());
        assertThat(meetings.occurrences("admin.vinhloi", meeting.id(), meeting.start().toInstant(),
                meeting.start().plusWeeks(3).toInstant())).extracting(vn.lienthong.meetings.Occurrence::cancelled)
                .containsExactly(false, true, false);
        assertThat(meetings.meeting("admin.vinhloi", meeting.id()).status()).isEqualTo(MeetingStatus.SCHEDULED);
        // The page of a series: its occurrences, and minutes and attendance of the one shown (the first).
        assertThat(page(get("/meetings/" + meeting.id()), Users.UNIT_ADMIN_VINH_LOI)).contains(
                "id=\"meeting-occurrences\"", "occurrence=" + occurrences.get(2).occurrenceId(),
                "id=\"minutes-text\"", "id=\"meeting-attendance\"",
                "name=\"occurrenceId\" value=\"" + occurrences.get(0).occurrenceId() + "\"");

        // An invitee answers for the occurrence shown only; the series keeps its own answer.
        assertThat(page(get("/meetings/" + meeting.id()), Users.OTHER_OFFICIAL)).contains("id=\"answer-occurrence\"");
        mvc.perform(post("/meetings/" + meeting.id() + "/response").with(csrf()).with(Users.OTHER_OFFICIAL.session())
                .param("status", "DECLINED").param("occurrenceId", occurrences.get(0).occurrenceId()))
                .andExpect(status().is3xxRedirection());
        assertThat(meetings.meeting("binh.tran", meeting.id()).you().response()).isNotEqualTo(ResponseStatus.DECLINED);
        assertThat(meetings.calendarOf("binh.tran", null, CalendarView.DAY, occurrences.get(0).start().toLocalDate())
                .entries()).filteredOn(e -> e.meetingId() == meeting.id()).singleElement()
                .extracting(vn.lienthong.meetings.CalendarEntry::myResponse).isEqualTo(ResponseStatus.DECLINED);

        // The edit form shows it back as it was chosen.
        String edit = page(get("/meetings/" + meeting.id() + "/edit"), Users.UNIT_ADMIN_VINH_LOI);
        assertThat(edit).contains("value=\"Giao ban tuần qua biểu mẫu\"", "value=\"WEEKLY\" selected", "value=\"3\"",
                "Khách Mời <khach@example.com>");
    }

    @Test
    void doubleBookingsAreShownBeforeSavingAndSavedOnlyWhenConfirmed() throws Exception {
        LocalDateTime start = someDay();
        vinhLoiMeeting("Cuộc họp đã có", start);
        MockHttpServletRequestBuilder form = post("/meetings").with(csrf())
                .param("title", "Cuộc họp trùng giờ").param("date", MeetingForm.DATE.format(start))
                .param("startTime", "09:30").param("endTime", "10:30")
                .param("hostUnitId", Long.toString(unit("BL-VL").id())).param("chair", "admin.vinhloi")
                .param("endpointUnitIds", Long.toString(unit("BL-VL").id()));
        String html = page(form, Users.UNIT_ADMIN_VINH_LOI);
        assertThat(html).contains("Trùng lịch", "id=\"meeting-save-anyway\"", "value=\"Cuộc họp trùng giờ\"");
        assertThat(meetings.calendarOf("admin.vinhloi", null, CalendarView.DAY, start.toLocalDate()).entries())
                .as("not saved yet").hasSize(1);

        String fragment = page(post("/meetings/form/conflicts").with(csrf())
                .param("title", "Cuộc họp trùng giờ").param("date", MeetingForm.DATE.format(start))
                .param("startTime", "09:30").param("endTime", "10:30")
                .param("hostUnitId", Long.toString(unit("BL-VL").id())).param("chair", "admin.vinhloi"),
                Users.UNIT_ADMIN_VINH_LOI);
        assertThat(fragment).contains("id=\"meeting-conflicts\"", "Trùng lịch").doesNotContain("<html");

        mvc.perform(form.param("acknowledgeConflicts", "true").with(Users.UNIT_ADMIN_VINH_LOI.session()))
                .andExpect(status().is3xxRedirection());
        assertThat(meetings.calendarOf("admin.vinhloi", null, CalendarView.DAY, start.toLocalDate()).entries())
                .hasSize(2);
    }

    @Test
    void theMeetingPageAloneMayLoadJitsiAndOnlyWhoSeesTheMeetingGetsIt() throws Exception {
        MeetingView meeting = vinhLoiMeeting("Họp kiểm tra chính sách trang", someDay());
        MvcResult shown = mvc.perform(get("/meetings/" + meeting.id()).with(Users.OTHER_OFFICIAL.session()))
                .andExpect(status().isOk()).andReturn();
        String policy = shown.getResponse().getHeader("Content-Security-Policy");
        String origin = "https://" + JITSI.domain();
        assertThat(policy).contains("script-src 'self' " + origin, "frame-src 'self' " + origin,
                "default-src 'self'", "object-src 'none'").doesNotContain("unsafe-inline");
        String html = shown.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"join-button\"", "/api/v1/meetings/" + meeting.id() + "/join",
                "id=\"answer-accept\"", "Huyện Vĩnh Lợi");

        String calendarPolicy = mvc.perform(get("/meetings").with(Users.OTHER_OFFICIAL.session()))
                .andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(calendarPolicy).contains("script-src 'self'").doesNotContain(origin);

        // Not invited, not a manager: the meeting does not exist for the province official.
        mvc.perform(get("/meetings/" + meeting.id()).with(Users.OFFICIAL.session())).andExpect(status().isNotFound());
        mvc.perform(get("/meetings/" + meeting.id() + "/edit").with(Users.OFFICIAL.session()))
                .andExpect(status().isNotFound());
        // Invited but not a manager: may not change it.
        mvc.perform(get("/meetings/" + meeting.id() + "/edit").with(Users.OTHER_OFFICIAL.session()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/meetings/" + meeting.id() + "/cancel").with(Users.OTHER_OFFICIAL.session()))
                .andExpect(status().isForbidden());
        // The room is not open yet: the join API (which the page's script calls) says when, in Vietnamese.
        String early = mvc.perform(get("/api/v1/meetings/" + meeting.id() + "/join")
                        .with(Users.OTHER_OFFICIAL.session()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(early).contains("Phòng họp chưa mở");
        mvc.perform(get("/meetings/999999999").with(Users.SYSTEM_ADMIN.session())).andExpect(status().isNotFound());
    }

    @Test
    void inviteesAnswerManagersAttachDocumentsWriteMinutesAndCancel() throws Exception {
        MeetingView meeting = vinhLoiMeeting("Họp có tài liệu và biên bản", someDay());
        String path = "/meetings/" + meeting.id();

        mvc.perform(post(path + "/response").with(csrf()).with(Users.OTHER_OFFICIAL.session())
                .param("status", "DECLINED").param("comment", "Bận công tác")).andExpect(status().is3xxRedirection());
        assertThat(meetings.meeting("binh.tran", meeting.id()).you().response()).isEqualTo(ResponseStatus.DECLINED);
        assertThat(page(get(path), Users.OTHER_OFFICIAL)).contains("Bạn đã trả lời: Không tham dự");

        byte[] pdf = "%PDF-1.4 tài liệu họp".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart(path + "/documents").file(new MockMultipartFile("file", "bao-cao.pdf",
                "application/pdf", pdf)).with(csrf()).with(Users.UNIT_ADMIN_VINH_LOI.session()))
                .andExpect(status().is3xxRedirection());
        long documentId = meetings.meeting("admin.vinhloi", meeting.id()).documents().get(0).id();
        assertThat(page(get(path), Users.OTHER_OFFICIAL)).contains("bao-cao.pdf")
                .doesNotContain("id=\"document-upload\"");
        MvcResult download = mvc.perform(get(path + "/documents/" + documentId).with(Users.OTHER_OFFICIAL.session()))
                .andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        mvc.perform(get(path + "/documents/" + documentId).with(Users.OFFICIAL.session()))
                .andExpect(status().isNotFound());

        // Attendance per endpoint (with its CSV) for the managers and the chair, not for the other invitees.
        assertThat(page(get(path), Users.UNIT_ADMIN_VINH_LOI)).contains("id=\"meeting-attendance\"",
                "/api/v1/meetings/" + meeting.id() + "/attendance.csv?", "Xã Châu Thới", "Vắng");
        assertThat(page(get(path), Users.OTHER_OFFICIAL)).doesNotContain("id=\"meeting-attendance\"");

        mvc.perform(post(path + "/minutes").with(csrf()).with(Users.UNIT_ADMIN_VINH_LOI.session())
                .param("text", "Kết luận: các xã báo cáo trước ngày 15.")).andExpect(status().is3xxRedirection());
        assertThat(page(get(path), Users.OTHER_OFFICIAL)).contains("Kết luận: các xã báo cáo trước ngày 15.");
        // An invitee who is not the chair nor a manager may not write them: the reason, nothing changed.
        mvc.perform(post(path + "/minutes").with(csrf()).with(Users.OTHER_OFFICIAL.session()).param("text", "Sửa"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get(path), Users.OTHER_OFFICIAL)).contains("Kết luận: các xã báo cáo trước ngày 15.");

        assertThat(page(get(path + "/cancel"), Users.UNIT_ADMIN_VINH_LOI)).contains("id=\"cancel-confirm\"");
        mvc.perform(post(path + "/cancel").with(csrf()).with(Users.UNIT_ADMIN_VINH_LOI.session())
                .param("scope", "series").param("reason", "Đổi sang họp trực tiếp"))
                .andExpect(status().is3xxRedirection());
        assertThat(meetings.meeting("admin.vinhloi", meeting.id()).status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(page(get(path), Users.OTHER_OFFICIAL)).contains("Đã huỷ", "Đổi sang họp trực tiếp")
                .doesNotContain("id=\"join-button\"");
    }

    @Test
    void theFeedAddressIsShownOnceAndCanBeRevoked() throws Exception {
        MvcResult made = mvc.perform(post("/meetings/feed").with(csrf()).with(Users.OFFICIAL.session()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String url = (String) made.getFlashMap().get("feedUrl");
        assertThat(url).startsWith(baseUrl() + "/calendar/feed/").endsWith(".ics");
        assertThat(feeds.status("an.nguyen").active()).isTrue();
        String later = page(get("/meetings/feed"), Users.OFFICIAL);
        assertThat(later).contains("Đang có địa chỉ lịch riêng").doesNotContain(url);
        mvc.perform(post("/meetings/feed/revoke").with(csrf()).with(Users.OFFICIAL.session()))
                .andExpect(status().is3xxRedirection());
        assertThat(feeds.status("an.nguyen").active()).isFalse();
    }
}
