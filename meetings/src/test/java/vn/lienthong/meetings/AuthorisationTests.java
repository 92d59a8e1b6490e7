package vn.lienthong.meetings;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.lienthong.directory.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may schedule, see, change, answer and read what: another official's meeting is 404 or 403, never data. */
class AuthorisationTests extends MeetingsTestSupport {

    @Test
    void unitAdministratorsScheduleForTheirSubtreeOnly() {
        int day = freshDay();
        Unit vinhLoi = unit("BL-VL");

        assertThatThrownBy(() -> meetings.schedule(DONG_HAI_ADMIN, MeetingDraft.of("Họp của huyện khác",
                at(day, 8), at(day, 9), vinhLoi.id(), DONG_HAI_ADMIN)))
                .isInstanceOfSatisfying(MeetingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MeetingException.Reason.FORBIDDEN);
                    assertThat(e.field()).isEqualTo("hostUnitId");
                });
        assertThat(meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp của xã thuộc huyện", at(day, 8),
                at(day, 9), unit("BL-VL-HH").id(), VINH_LOI_ADMIN)).meeting().host().code()).isEqualTo("BL-VL-HH");
        assertThat(meetings.schedule(ADMIN, MeetingDraft.of("Họp toàn tỉnh", at(day, 10), at(day, 11),
                unit("BL").id(), PROVINCE_OFFICIAL)).meeting().host().code()).isEqualTo("BL");
    }

    @Test
    void officialHostsForTheirOwnUnitAloneAndKeepsManagingIt() {
        int day = freshDay();
        Unit vinhLoi = unit("BL-VL");
        MeetingDraft own = MeetingDraft.of("Họp nội bộ văn phòng huyện", at(day, 8), at(day, 9), vinhLoi.id(),
                VINH_LOI_OFFICIAL).withParticipants(List.of(PROVINCE_OFFICIAL));

        MeetingView meeting = meetings.schedule(VINH_LOI_OFFICIAL, own).meeting();

        assertThat(meeting.you().manager()).isTrue();
        assertThat(meetings.update(VINH_LOI_OFFICIAL, meeting.id(), own.withTitle("Họp nội bộ (sửa)")).meeting()
                .title()).isEqualTo("Họp nội bộ (sửa)");
        assertThatThrownBy(() -> meetings.update(VINH_LOI_OFFICIAL, meeting.id(),
                own.withEndpoints(List.of(unit("BL-VL-CT").id()))))
                .as("linking other units needs an administrator")
                .isInstanceOfSatisfying(MeetingException.class,
                        e -> assertThat(e.reason()).isEqualTo(MeetingException.Reason.FORBIDDEN));
        assertThatThrownBy(() -> meetings.schedule(CHAU_THOI_CHAIRMAN, MeetingDraft.of("Họp của huyện", at(day, 8),
                at(day, 9), vinhLoi.id(), CHAU_THOI_CHAIRMAN)))
                .isInstanceOfSatisfying(MeetingException.class,
                        e -> assertThat(e.reason()).isEqualTo(MeetingException.Reason.FORBIDDEN));
    }

    @Test
    void privateMeetingIsSeenByItsInviteesAndOrganisersOnly() throws Exception {
        int day = freshDay();
        MeetingView meeting = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp riêng về nhân sự",
                        at(day, 8), at(day, 9), unit("BL-VL").id(), VINH_LOI_ADMIN).withVisibility(Visibility.PRIVATE)
                .withEndpoints(List.of(unit("BL-VL-CT").id())).withParticipants(List.of(PROVINCE_OFFICIAL)))
                .meeting();

        mvc.perform(get("/api/v1/meetings/{id}", meeting.id()).with(user(PROVINCE_OFFICIAL).roles("OFFICIAL")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Họp riêng về nhân sự"))
                .andExpect(jsonPath("$.you.invited").value(true))
                .andExpect(jsonPath("$.you.manager").value(false));
        for (String stranger : List.of(VINH_LOI_OFFICIAL, CHAU_THOI_CHAIRMAN, GIA_RAI_OFFICIAL)) {
            mvc.perform(get("/api/v1/meetings/{id}", meeting.id()).with(user(stranger).roles("OFFICIAL")))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                    .andExpect(jsonPath("$.title").value("Not Found"))
                    .andExpect(jsonPath("$.detail").value("Không tìm thấy cuộc họp."));
        }
        assertThat(meetings.meeting(ADMIN, meeting.id()).you().manager()).isTrue();
    }

    @Test
    void publicMeetingIsSeenAtItsEndpointsOnly() {
        int day = freshDay();
        MeetingView meeting = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp công khai của huyện",
                at(day, 8), at(day, 9), unit("BL-VL").id(), VINH_LOI_ADMIN)
                .withEndpoints(List.of(unit("BL-VL-CT").id()))).meeting();

        assertThat(meetings.meeting(VINH_LOI_OFFICIAL, meeting.id()).you().invited()).isTrue();
        assertThat(meetings.meeting(CHAU_THOI_CHAIRMAN, meeting.id()).you().invited()).isTrue();
        assertThatThrownBy(() -> meetings.meeting(GIA_RAI_OFFICIAL, meeting.id()))
                .isInstanceOfSatisfying(MeetingException.class,
                        e -> assertThat(e.reason()).isEqualTo(MeetingException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> meetings.meeting(PROVINCE_OFFICIAL, meeting.id()))
                .as("the province is not an endpoint")
                .isInstanceOf(MeetingException.class);
    }

    @Test
    void inviteesMayNotChangeNorReadTheAttendanceAndStrangersMayNotAnswer() throws Exception {
        int day = freshDay();
        MeetingDraft draft = MeetingDraft.of("Họp có người được mời", at(day, 8), at(day, 9), unit("BL-VL").id(),
                VINH_LOI_ADMIN).withVisibility(Visibility.PRIVATE).withParticipants(List.of(PROVINCE_OFFICIAL));
        MeetingView meeting = meetings.schedule(VINH_LOI_ADMIN, draft).meeting();

        mvc.perform(put("/api/v1/meetings/{id}", meeting.id()).with(user(PROVINCE_OFFICIAL).roles("OFFICIAL"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Đổi tên\",\"start\":\"" + at(day, 8) + "\",\"end\":\"" + at(day, 9)
                                + "\",\"hostUnitId\":" + unit("BL-VL").id() + ",\"chair\":\"" + VINH_LOI_ADMIN + "\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"))
                .andExpect(jsonPath("$.detail").value("Chỉ người tổ chức hoặc quản trị của đơn vị chủ trì mới sửa, "
                        + "huỷ được cuộc họp này."));
        mvc.perform(get("/api/v1/meetings/{id}/attendance", meeting.id()).with(user(PROVINCE_OFFICIAL)
                        .roles("OFFICIAL")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/meetings/{id}/response", meeting.id()).with(user(ADMIN).roles("SYSTEM_ADMIN"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"ACCEPTED\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Bạn không có trong danh sách mời nên không trả lời được."));
        mvc.perform(post("/api/v1/meetings/{id}/response", meeting.id()).with(user(PROVINCE_OFFICIAL)
                        .roles("OFFICIAL")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"TENTATIVE\",\"comment\":\"Có thể đến muộn\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TENTATIVE"));
        assertThat(meetings.meeting(VINH_LOI_ADMIN, meeting.id()).responses().tentative()).isEqualTo(1);
    }

    @Test
    void requestsWithoutLoginOrWithBadInputGetProblems() throws Exception {
        mvc.perform(get("/api/v1/meetings/calendar")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/meetings").with(user(VINH_LOI_ADMIN).roles("UNIT_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Thiếu giờ\",\"hostUnitId\":"
                                + unit("BL-VL").id() + ",\"chair\":\"" + VINH_LOI_ADMIN + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID"))
                .andExpect(jsonPath("$.field").value("start"))
                .andExpect(jsonPath("$.detail").value("Chưa chọn giờ bắt đầu."));
        mvc.perform(post("/api/v1/meetings").with(user(VINH_LOI_ADMIN).roles("UNIT_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"start\":\"mai lúc 8 giờ\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID"));
        mvc.perform(get("/api/v1/meetings/calendar").param("date", "01/12/2026")
                        .with(user(VINH_LOI_ADMIN).roles("UNIT_ADMIN")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void calendarsOfOthersAndOfUnitsNeedTheRightPlace() throws Exception {
        mvc.perform(get("/api/v1/meetings/calendar").param("username", VINH_LOI_OFFICIAL)
                        .with(user(CHAU_THOI_CHAIRMAN).roles("OFFICIAL")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/meetings/calendar").param("username", VINH_LOI_OFFICIAL)
                        .with(user(VINH_LOI_ADMIN).roles("UNIT_ADMIN")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/meetings/calendar/units/{id}", unit("BL-VL").id())
                        .with(user(GIA_RAI_OFFICIAL).roles("OFFICIAL")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Lịch họp của đơn vị chỉ dành cho cán bộ và quản trị của "
                        + "đơn vị."));
        mvc.perform(get("/api/v1/meetings/calendar/units/{id}", unit("BL-VL").id())
                        .with(user(VINH_LOI_OFFICIAL).roles("OFFICIAL")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.view").value("MONTH"));
    }
}
