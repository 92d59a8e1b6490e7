package vn.lienthong.meetings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.lienthong.directory.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Contract of Prosody's hooks with the payloads Jitsi sends: the reservation API of mod_reservations (form fields
 * name, start_time, mail_owner; JSON answers) and the event_sync webhooks (room and occupant events), and the
 * attendance they make.
 */
class JitsiHookTests extends MeetingsTestSupport {

    private static final DateTimeFormatter PROSODY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);
    private static final String HEADER = "X-Jitsi-Hook-Secret";

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void scheduledRoomIsReservedForItsWindowWithLobbyAndCapacity() throws Exception {
        MeetingView meeting = meetingStartingSoon("Phòng được đặt", true, 40);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        JsonNode answer = body(mvc.perform(reservation(room(meeting), now,
                        "an.nguyen@baclieu.gov.vn"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)));

        assertThat(answer.get("id").asLong()).isPositive();
        assertThat(answer.get("name").asText()).isEqualTo(room(meeting));
        assertThat(answer.get("mail_owner").asText()).isEqualTo("an.nguyen@baclieu.gov.vn");
        assertThat(answer.get("start_time").asText()).isEqualTo(PROSODY_TIME.format(now));
        long expected = meeting.end().toInstant().plusSeconds(30 * 60).getEpochSecond() - now.getEpochSecond();
        assertThat(answer.get("duration").asLong()).isEqualTo(expected);
        assertThat(answer.get("lobby").asBoolean()).isTrue();
        assertThat(answer.get("max_occupants").asInt()).isEqualTo(40);
    }

    @Test
    void secondReservationOfALiveRoomIsAConflictThatCanBeReadAndReleased() throws Exception {
        MeetingView meeting = meetingStartingSoon("Phòng đặt hai lần", false, null);
        Instant now = Instant.now();
        long id = body(mvc.perform(reservation(room(meeting), now, "x@y.vn")).andExpect(status().isOk()))
                .get("id").asLong();

        mvc.perform(reservation("[baclieu]" + room(meeting), now, "x@y.vn"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflict_id").value(id));
        mvc.perform(get("/api/v1/meetings/jitsi/conference/{id}", id).header(HEADER, HOOK_SECRET))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value(room(meeting)))
                .andExpect(jsonPath("$.duration").isNumber());
        mvc.perform(delete("/api/v1/meetings/jitsi/conference/{id}", id).header(HEADER, HOOK_SECRET))
                .andExpect(status().isOk());
        long again = body(mvc.perform(reservation(room(meeting), Instant.now(), "x@y.vn"))
                .andExpect(status().isOk())).get("id").asLong();
        assertThat(again).isNotEqualTo(id);
        mvc.perform(get("/api/v1/meetings/jitsi/conference/{id}", 999_999).header(HEADER, HOOK_SECRET))
                .andExpect(status().isNotFound());
    }

    @Test
    void unscheduledEarlyAndCancelledRoomsAreRefusedWithAMessage() throws Exception {
        mvc.perform(reservation("phongtudat", Instant.now(), "x@y.vn"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Phòng họp này không có trong lịch họp của Liên Thông."));

        Unit vinhLoi = unit("BL-VL");
        int day = freshDay();
        MeetingView later = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp tuần sau", at(day, 8),
                at(day, 9), vinhLoi.id(), VINH_LOI_ADMIN)).meeting();
        String laterRoom = room(later);
        mvc.perform(reservation(laterRoom, Instant.now(), "x@y.vn"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Phòng họp chỉ mở từ 15 phút trước giờ họp đến khi cuộc họp "
                        + "kết thúc."));

        MeetingView cancelled = meetingStartingSoon("Phòng của cuộc họp đã huỷ", false, null);
        meetings.cancel(VINH_LOI_ADMIN, cancelled.id(), null);
        mvc.perform(reservation(room(cancelled), Instant.now(), "x@y.vn"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Cuộc họp đã bị huỷ."));
    }

    @Test
    void hooksWithoutTheSharedSecretAreRefused() throws Exception {
        MeetingView meeting = meetingStartingSoon("Phòng bí mật", false, null);

        mvc.perform(post("/api/v1/meetings/jitsi/conference").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("name", room(meeting)))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/meetings/jitsi/conference").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header(HEADER, HOOK_SECRET + "x").param("name", room(meeting)))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/meetings/jitsi/events/occupant/joined").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"room_name\":\"" + room(meeting) + "\",\"occupant\":{}}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void webhooksMakeTheAttendancePerEndpointAndPerPerson() throws Exception {
        Unit vinhLoi = unit("BL-VL");
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(10);
        MeetingView meeting = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp điểm danh", start,
                start.plusHours(1), vinhLoi.id(), CHAU_THOI_CHAIRMAN).withEndpoints(List.of(unit("BL-VL-CT").id(),
                unit("BL-VL-HH").id()))).meeting();
        String room = room(meeting);
        long t0 = meeting.start().toEpochSecond();
        String jid = "@meet.baclieu.gov.vn/";

        event("room/created", "{\"event_name\":\"muc-room-created\",\"room_name\":\"" + room + "\",\"room_jid\":\""
                + room + "@conference.meet.baclieu.gov.vn\",\"is_breakout\":false,\"created_at\":" + (t0 - 300) + "}");
        event("occupant/joined", joined(room, CHAU_THOI_CHAIRMAN, "Huỳnh Văn Phúc", "c1" + jid + "a", t0 + 120));
        event("occupant/joined", joined(room, VINH_LOI_OFFICIAL, "Trần Thị Bình", "b1" + jid + "b", t0 + 1200));
        event("occupant/joined", joined(room, "khach.la", "Khách lạ", "k1" + jid + "c", t0 + 60));
        event("occupant/left", "{\"event_name\":\"muc-occupant-left\",\"room_name\":\"" + room + "\",\"room_jid\":\""
                + room + "@conference.meet.baclieu.gov.vn\",\"occupant\":{\"name\":\"Huỳnh Văn Phúc\",\"id\":\""
                + CHAU_THOI_CHAIRMAN + "\",\"occupant_jid\":\"c1" + jid + "a\",\"joined_at\":" + (t0 + 120)
                + ",\"left_at\":" + (t0 + 3000) + "}}");
        event("room/destroyed", "{\"event_name\":\"muc-room-destroyed\",\"room_name\":\"" + room + "\",\"room_jid\":\""
                + room + "@conference.meet.baclieu.gov.vn\",\"is_breakout\":false,\"created_at\":" + (t0 - 300)
                + ",\"destroyed_at\":" + (t0 + 3600) + ",\"all_occupants\":[{\"name\":\"Trần Thị Bình\",\"id\":\""
                + VINH_LOI_OFFICIAL + "\",\"email\":\"" + official(VINH_LOI_OFFICIAL).email()
                + "\",\"occupant_jid\":\"b1" + jid + "b\",\"joined_at\":" + (t0 + 1200) + ",\"left_at\":" + (t0 + 3300)
                + "}]}");

        AttendanceReport report = attendance.report(VINH_LOI_ADMIN, meeting.id(), null);

        assertThat(report.source()).isEqualTo("WEBHOOK");
        assertThat(report.endpoints()).extracting(e -> e.unit().code() + "=" + e.status())
                .containsExactly("BL-VL=LATE", "BL-VL-CT=PRESENT", "BL-VL-HH=ABSENT");
        assertThat(report.people()).filteredOn(p -> p.id().equals(CHAU_THOI_CHAIRMAN)).singleElement()
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(AttendanceStatus.PRESENT);
                    assertThat(p.minutes()).isEqualTo(48);
                });
        assertThat(report.people()).filteredOn(p -> p.id().equals(VINH_LOI_OFFICIAL)).singleElement()
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(AttendanceStatus.LATE);
                    assertThat(p.minutes()).isEqualTo(35);
                    assertThat(p.endpoint().code()).isEqualTo("BL-VL");
                });
        assertThat(report.others()).extracting(AttendanceReport.PersonAttendance::id).containsExactly("khach.la");
        assertThat(report.summary().endpointsAbsent()).isEqualTo(1);

        String csv = mvc.perform(get("/api/v1/meetings/{id}/attendance.csv", meeting.id())
                        .param("by", "endpoint").with(user(CHAU_THOI_CHAIRMAN).roles("OFFICIAL")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFĐiểm cầu,Mã đơn vị,Trạng thái,Vào sớm nhất,Số người tham dự\r\n")
                .contains("Huyện Vĩnh Lợi,BL-VL,Đến muộn,", "Xã Hưng Hội,BL-VL-HH,Vắng,,0");
    }

    @Test
    void pageEventsMakeTheAttendanceWhenNoWebhookReported() throws Exception {
        MeetingView meeting = meetingStartingSoon("Họp chỉ có sự kiện trang", false, null);

        mvc.perform(post("/api/v1/meetings/{id}/attendance/client-events", meeting.id())
                        .with(user(CHAU_THOI_CHAIRMAN).roles("OFFICIAL")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"videoConferenceJoined\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/meetings/{id}/attendance/client-events", meeting.id())
                        .with(user(GIA_RAI_OFFICIAL).roles("OFFICIAL")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"videoConferenceJoined\"}"))
                .andExpect(status().isNotFound());

        AttendanceReport report = attendance.report(VINH_LOI_ADMIN, meeting.id(), null);

        assertThat(report.source()).isEqualTo("CLIENT");
        assertThat(report.people()).filteredOn(p -> p.id().equals(CHAU_THOI_CHAIRMAN)).singleElement()
                .extracting(AttendanceReport.PersonAttendance::status).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(report.endpoints()).filteredOn(e -> e.unit().code().equals("BL-VL-CT")).singleElement()
                .extracting(AttendanceReport.EndpointAttendance::status).isEqualTo(AttendanceStatus.PRESENT);
    }

    private MeetingView meetingStartingSoon(String title, boolean lobby, Integer maxOccupants) {
        Unit vinhLoi = unit("BL-VL");
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(10);
        return meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of(title, start, start.plusHours(1), vinhLoi.id(),
                VINH_LOI_ADMIN).withEndpoints(List.of(unit("BL-VL-CT").id())).withRoom(lobby, maxOccupants))
                .meeting();
    }

    /** The room name, which the API shows only through a join. */
    private String room(MeetingView meeting) {
        return jdbc.sql("select room from meet_meeting where id = ?").param(meeting.id()).query(String.class)
                .single();
    }

    private static MockHttpServletRequestBuilder reservation(String name, Instant start, String owner) {
        return post("/api/v1/meetings/jitsi/conference").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(HEADER, HOOK_SECRET)
                .param("name", name).param("start_time", PROSODY_TIME.format(start)).param("mail_owner", owner);
    }

    private void event(String path, String body) throws Exception {
        mvc.perform(post("/api/v1/meetings/jitsi/events/" + path).header(HEADER, HOOK_SECRET)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.known").value(true));
    }

    private String joined(String room, String id, String name, String jid, long at) {
        return "{\"event_name\":\"muc-occupant-joined\",\"room_name\":\"" + room + "\",\"room_jid\":\"" + room
                + "@conference.meet.baclieu.gov.vn\",\"is_breakout\":false,\"active_occupants_count\":1,"
                + "\"occupant\":{\"name\":\"" + name + "\",\"email\":\"\",\"id\":\"" + id + "\",\"occupant_jid\":\""
                + jid + "\",\"joined_at\":" + at + "}}";
    }

    private JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
