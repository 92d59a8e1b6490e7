package vn.lienthong.meetings;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import org.junit.jupiter.api.Test;

import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Room tokens: only for invitees, only from shortly before the start, bound to the room and the meeting's window. */
class JoinTests extends MeetingsTestSupport {

    @Test
    void invitedCommuneOfficialGetsAMemberTokenForTheRoomAndTheWindow() {
        MeetingView meeting = districtMeetingStartingSoon("Giao ban sắp bắt đầu");

        JoinInfo join = rooms.join(CHAU_THOI_CHAIRMAN, meeting.id());

        DecodedJWT token = JWT.require(Algorithm.HMAC256(JITSI_SECRET)).withIssuer("lienthong").withAudience("jitsi")
                .withSubject("*").withClaim("room", join.roomName()).build().verify(join.jwt());
        assertThat(join.domain()).isEqualTo("meet.baclieu.gov.vn");
        assertThat(join.externalApiUrl()).isEqualTo("https://meet.baclieu.gov.vn/external_api.js");
        assertThat(join.roomName()).matches("lt[a-z2-7]{26}");
        assertThat(join.moderator()).isFalse();
        assertThat(token.getNotBeforeAsInstant()).isEqualTo(meeting.start().toInstant().minusSeconds(15 * 60));
        assertThat(token.getExpiresAtAsInstant()).isEqualTo(meeting.end().toInstant().plusSeconds(30 * 60));
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) token.getClaim("context").asMap().get("user");
        assertThat(user).containsEntry("id", CHAU_THOI_CHAIRMAN).containsEntry("name", "Huỳnh Văn Phúc")
                .containsEntry("email", official(CHAU_THOI_CHAIRMAN).email())
                .containsEntry("affiliation", "member").containsEntry("moderator", "false");
    }

    @Test
    void chairAndHostUnitAdministratorAreModerators() {
        MeetingView meeting = districtMeetingStartingSoon("Giao ban có chủ trì");

        JoinInfo chair = rooms.join(PROVINCE_OFFICIAL, meeting.id());
        JoinInfo hostAdmin = rooms.join(VINH_LOI_ADMIN, meeting.id());

        assertThat(chair.moderator()).isTrue();
        assertThat(hostAdmin.moderator()).isTrue();
        assertThat(JWT.decode(hostAdmin.jwt()).getClaim("context").asMap().get("user"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("affiliation", "owner").containsEntry("moderator", "true");
    }

    @Test
    void officialWhoIsNotInvitedGetsNoToken() {
        MeetingView meeting = districtMeetingStartingSoon("Giao ban không mời Giá Rai");

        assertThatThrownBy(() -> rooms.join(GIA_RAI_OFFICIAL, meeting.id()))
                .isInstanceOfSatisfying(MeetingException.class,
                        e -> assertThat(e.reason()).isEqualTo(MeetingException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> rooms.join(ADMIN, meeting.id()))
                .as("the system administrator sees every meeting but is not invited")
                .isInstanceOfSatisfying(MeetingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MeetingException.Reason.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("Bạn không có trong danh sách mời nên không vào được "
                            + "phòng họp.");
                });
    }

    @Test
    void noTokenBeforeTheRoomOpens() {
        Unit vinhLoi = unit("BL-VL");
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusHours(2);
        MeetingSaved saved = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp chiều nay", start,
                start.plusHours(1), vinhLoi.id(), VINH_LOI_ADMIN));

        assertThatThrownBy(() -> rooms.join(VINH_LOI_ADMIN, saved.meeting().id()))
                .isInstanceOfSatisfying(MeetingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MeetingException.Reason.CONFLICT);
                    assertThat(e.getMessage()).startsWith("Phòng họp chưa mở: mở lúc "
                            + String.format("%td/%<tm/%<tY %<tH:%<tM", start.minusMinutes(15)));
                });
    }

    @Test
    void joinOverRestIsNotCachedAndRefusedAsProblemForAStranger() throws Exception {
        MeetingView meeting = districtMeetingStartingSoon("Giao ban qua API");

        mvc.perform(get("/api/v1/meetings/{id}/join", meeting.id()).with(user(CHAU_THOI_CHAIRMAN).roles("OFFICIAL")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.roomName").isString())
                .andExpect(jsonPath("$.jwt").isString())
                .andExpect(jsonPath("$.lang").value("vi"));
        mvc.perform(get("/api/v1/meetings/{id}/join", meeting.id()).with(user(GIA_RAI_OFFICIAL).roles("OFFICIAL")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value("Không tìm thấy cuộc họp."))
                .andExpect(jsonPath("$.jwt").doesNotExist());
    }

    /** Vĩnh Lợi and its communes, chaired from the province, starting in ten minutes. */
    private MeetingView districtMeetingStartingSoon(String title) {
        Unit vinhLoi = unit("BL-VL");
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(10);
        return meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of(title, start, start.plusHours(1), vinhLoi.id(),
                        PROVINCE_OFFICIAL)
                .withSelections(List.of(new EndpointSelection(vinhLoi.id(), Set.of(UnitLevel.COMMUNE)))))
                .meeting();
    }
}
