package vn.lienthong.meetings.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.directory.Unit;
import vn.lienthong.mail.Draft;
import vn.lienthong.meetings.AttendanceReport;
import vn.lienthong.meetings.AttendanceStatus;
import vn.lienthong.meetings.Guest;
import vn.lienthong.meetings.GuestInvitation;
import vn.lienthong.meetings.GuestRooms;
import vn.lienthong.meetings.JoinInfo;
import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingException;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.MeetingsTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outside guests: a personal link per guest in their own mail (only its hash stored), a member's room token for it in
 * the officials' window (verified with nimbus against the shared secret), revoked when the guest is taken off or the
 * meeting cancelled, expired after the meeting; the calls need no login and wrong links are 404.
 */
class GuestRoomsTests extends MeetingsTestSupport {

    private static final Pattern LINK = Pattern.compile(
            "http://127\\.0\\.0\\.1:18080/meetings/guest/([A-Za-z0-9_-]{43})");

    @Autowired
    GuestRooms guests;

    @Autowired
    MeetingClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.set(Clock.systemUTC());
    }

    @Test
    void eachGuestGetsAPersonalLinkStoredOnlyAsItsHashAndAMemberTokenForTheWindow() throws Exception {
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(10);
        MeetingView meeting = soon("Họp với chuyên gia", start, true, new Guest("chuyengia.a@vnpt.vn", "Trần Văn A"),
                new Guest("chuyengia.b@viettel.vn", ""));

        Draft mailA = guestMail(meeting, "chuyengia.a@vnpt.vn", 0);
        Draft mailB = guestMail(meeting, "chuyengia.b@viettel.vn", 0);
        String tokenA = token(mailA);
        String tokenB = token(mailB);

        assertThat(mailA.to()).containsExactly("chuyengia.a@vnpt.vn");
        assertThat(tokenA).isNotEqualTo(tokenB);
        assertThat(mailA.text()).doesNotContain(tokenB).doesNotContain("/meetings/" + meeting.id() + "\n")
                .contains("phòng chờ");
        assertThat(mailA.calendar().ics().replace("\r\n ", "")).contains("URL:http://127.0.0.1:18080/meetings/guest/"
                + tokenA);
        Draft officials = mail.sent(d -> d.calendar() != null && d.calendar().ics().contains("UID:" + meeting.uid())
                && d.to().contains(official(PROVINCE_OFFICIAL).email())).get(0);
        assertThat(officials.text()).doesNotContain("/meetings/guest/");
        assertThat(officials.to()).doesNotContain("chuyengia.a@vnpt.vn", "chuyengia.b@viettel.vn");
        // Only the hash is kept.
        assertThat(jdbc.sql("select count(*) from meet_guest_link where token_hash = ?").param(Secrets.sha256(tokenA))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from meet_guest_link where token_hash = ? or email = ?")
                .params(tokenA, tokenA).query(Integer.class).single()).isZero();

        GuestInvitation invitation = guests.invitation(tokenA).orElseThrow();
        assertThat(invitation.title()).isEqualTo("Họp với chuyên gia");
        assertThat(invitation.hostUnit()).isEqualTo("Huyện Vĩnh Lợi");
        assertThat(invitation.guestName()).isEqualTo("Trần Văn A");
        assertThat(invitation.state()).isEqualTo(GuestInvitation.State.OPEN);
        assertThat(invitation.lobby()).isTrue();
        assertThat(invitation.start().toInstant()).isEqualTo(meeting.start().toInstant());
        assertThat(guests.invitation(tokenB).orElseThrow().guestName()).as("no name: the address")
                .isEqualTo("chuyengia.b@viettel.vn");

        JoinInfo join = guests.join(tokenA);

        String room = jdbc.sql("select room from meet_meeting where id = ?").param(meeting.id())
                .query(String.class).single();
        assertThat(join.roomName()).isEqualTo(room);
        assertThat(join.moderator()).isFalse();
        assertThat(join.displayName()).isEqualTo("Trần Văn A");
        SignedJWT jwt = SignedJWT.parse(join.jwt());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(JITSI_SECRET))).isTrue();
        assertThat(jwt.verify(new MACVerifier("another-secret-of-32-characters-000000"))).isFalse();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("lienthong");
        assertThat(claims.getAudience()).containsExactly("jitsi");
        assertThat(claims.getSubject()).isEqualTo("*");
        assertThat(claims.getStringClaim("room")).isEqualTo(room);
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(meeting.start().toInstant()
                .minus(Duration.ofMinutes(15)));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(meeting.end().toInstant()
                .plus(Duration.ofMinutes(30)));
        assertThat(claims.getClaims()).doesNotContainKey("moderator");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) claims.getJSONObjectClaim("context").get("user");
        assertThat(user).containsExactlyInAnyOrderEntriesOf(Map.of("id", "mailto:chuyengia.a@vnpt.vn",
                "name", "Trần Văn A", "email", "chuyengia.a@vnpt.vn", "affiliation", "member", "moderator", "false"));
    }

    @Test
    void linksAreRevokedWhenTheGuestIsTakenOffAndWhenTheMeetingIsCancelled() {
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(5);
        Guest kept = new Guest("giu.lai@vnpt.vn", "Khách giữ lại");
        MeetingView meeting = soon("Họp thu hồi liên kết", start, false, new Guest("bo.ra@vnpt.vn", "Khách bỏ ra"),
                kept);
        String removed = token(guestMail(meeting, "bo.ra@vnpt.vn", 0));
        String first = token(guestMail(meeting, "giu.lai@vnpt.vn", 0));

        meetings.update(VINH_LOI_ADMIN, meeting.id(), draft("Họp thu hồi liên kết", start, false, kept));

        assertThat(guests.invitation(removed)).isEmpty();
        assertThatThrownBy(() -> guests.join(removed)).isInstanceOfSatisfying(MeetingException.class,
                e -> assertThat(e.reason()).isEqualTo(MeetingException.Reason.NOT_FOUND));
        String second = token(guestMail(meeting, "giu.lai@vnpt.vn", 1));
        assertThat(second).isNotEqualTo(first);
        assertThat(guests.join(first).roomName()).as("the first mail's link still works").isNotBlank();
        assertThat(guests.join(second).roomName()).isNotBlank();

        meetings.cancel(VINH_LOI_ADMIN, meeting.id(), "Đổi kế hoạch");

        GuestInvitation cancelled = guests.invitation(second).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(GuestInvitation.State.CANCELLED);
        assertThat(cancelled.message()).isEqualTo("Cuộc họp đã bị huỷ. Lý do: Đổi kế hoạch");
        assertThatThrownBy(() -> guests.join(first)).isInstanceOfSatisfying(MeetingException.class, e -> {
            assertThat(e.reason()).isEqualTo(MeetingException.Reason.CONFLICT);
            assertThat(e.getMessage()).startsWith("Cuộc họp đã bị huỷ.");
        });
        assertThat(jdbc.sql("select count(*) from meet_guest_link where meeting_id = ? and revoked_at is null")
                .param(meeting.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void theRoomOpensForGuestsWhenItOpensForOfficialsAndLinksExpireAfterTheMeeting() {
        int day = freshDay();
        MeetingView meeting = soon("Họp xa ngày", at(day, 9), false, new Guest("xa.ngay@vnpt.vn", "Khách"));
        String token = token(guestMail(meeting, "xa.ngay@vnpt.vn", 0));
        Instant start = meeting.start().toInstant();
        Instant end = meeting.end().toInstant();

        GuestInvitation early = guests.invitation(token).orElseThrow();
        assertThat(early.state()).isEqualTo(GuestInvitation.State.NOT_YET_OPEN);
        assertThat(early.message()).isEqualTo("Phòng họp chưa mở: mở lúc "
                + String.format("%td/%<tm/%<tY", at(day, 9)) + " 08:45 (15 phút trước giờ họp).");
        assertThat(early.opensAt().toInstant()).isEqualTo(start.minus(Duration.ofMinutes(15)));
        at(start.minus(Duration.ofMinutes(16)));
        assertThatThrownBy(() -> guests.join(token)).isInstanceOfSatisfying(MeetingException.class,
                e -> assertThat(e.getMessage()).startsWith("Phòng họp chưa mở: mở lúc "));

        at(start.minus(Duration.ofMinutes(15)));
        assertThat(guests.invitation(token).orElseThrow().state()).isEqualTo(GuestInvitation.State.OPEN);
        assertThat(guests.join(token).notBefore()).isEqualTo(start.minus(Duration.ofMinutes(15)));

        at(end.plus(Duration.ofMinutes(30)));
        GuestInvitation over = guests.invitation(token).orElseThrow();
        assertThat(over.state()).isEqualTo(GuestInvitation.State.ENDED);
        assertThat(over.message()).isEqualTo("Cuộc họp đã kết thúc.");
        assertThatThrownBy(() -> guests.join(token)).isInstanceOfSatisfying(MeetingException.class,
                e -> assertThat(e.reason()).isEqualTo(MeetingException.Reason.CONFLICT));

        at(end.plus(Duration.ofMinutes(30)).plus(Duration.ofDays(7)));
        assertThat(guests.invitation(token)).as("expired like a wrong link").isEmpty();
        assertThatThrownBy(() -> guests.join(token)).isInstanceOfSatisfying(MeetingException.class,
                e -> assertThat(e.reason()).isEqualTo(MeetingException.Reason.NOT_FOUND));
    }

    @Test
    void guestCallsNeedNoLoginNorCsrfTokenAndWrongLinksAreNotFound() throws Exception {
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(3);
        MeetingView meeting = soon("Họp khách qua trang", start, false, new Guest("qua.trang@vnpt.vn", "Khách"));
        String token = token(guestMail(meeting, "qua.trang@vnpt.vn", 0));
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        mvc.perform(post("/meetings/guest/" + token + "/join"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(jsonPath("$.moderator").value(false))
                .andExpect(jsonPath("$.email").value("qua.trang@vnpt.vn"))
                .andExpect(jsonPath("$.jwt").isNotEmpty());
        for (String wrong : List.of(tampered, "abc", token + "A")) {
            mvc.perform(post("/meetings/guest/" + wrong + "/join"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                    .andExpect(jsonPath("$.detail").value("Không tìm thấy lời mời: liên kết sai, đã bị thu hồi "
                            + "hoặc đã hết hạn."));
        }

        // The page's IFrame event and the webhook both count the guest as a guest.
        mvc.perform(post("/meetings/guest/" + token + "/events").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"videoConferenceJoined\"}"))
                .andExpect(status().isNoContent());
        AttendanceReport report = attendance.report(VINH_LOI_ADMIN, meeting.id(), null);
        assertThat(report.people()).filteredOn(p -> p.email().equals("qua.trang@vnpt.vn")).singleElement()
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(AttendanceStatus.PRESENT);
                    assertThat(p.unitName()).isEqualTo("Khách mời");
                });
        assertThat(report.others()).isEmpty();
    }

    @Test
    void webhookOccupantsWithAGuestTokenAreTheGuest() throws Exception {
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(4);
        MeetingView meeting = soon("Họp khách qua Jitsi", start, false, new Guest("qua.jitsi@vnpt.vn", "Khách Jitsi"));
        String token = token(guestMail(meeting, "qua.jitsi@vnpt.vn", 0));
        JoinInfo join = guests.join(token);
        long at = meeting.start().toEpochSecond() + 60;

        mvc.perform(post("/api/v1/meetings/jitsi/events/occupant/joined").header("X-Jitsi-Hook-Secret", HOOK_SECRET)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_name\":\"muc-occupant-joined\",\"room_name\":\"" + join.roomName()
                                + "\",\"occupant\":{\"name\":\"Khách Jitsi\",\"email\":\"qua.jitsi@vnpt.vn\","
                                + "\"id\":\"mailto:qua.jitsi@vnpt.vn\",\"occupant_jid\":\"g1@meet/x\",\"joined_at\":"
                                + at + "}}"))
                .andExpect(status().isOk());

        AttendanceReport report = attendance.report(VINH_LOI_ADMIN, meeting.id(), null);
        assertThat(report.source()).isEqualTo("WEBHOOK");
        assertThat(report.people()).filteredOn(p -> p.email().equals("qua.jitsi@vnpt.vn")).singleElement()
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(AttendanceStatus.PRESENT);
                    assertThat(p.name()).isEqualTo("Khách Jitsi");
                    assertThat(p.unitName()).isEqualTo("Khách mời");
                });
    }

    @Test
    void oneLinkAskingTooOftenIsSlowedDown() throws Exception {
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(6);
        MeetingView meeting = soon("Họp hỏi nhiều", start, false, new Guest("hoi.nhieu@vnpt.vn", ""));
        String token = token(guestMail(meeting, "hoi.nhieu@vnpt.vn", 0));
        at(Instant.now()); // one minute for the whole loop

        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/meetings/guest/" + token + "/join")).andExpect(status().isOk());
        }
        mvc.perform(post("/meetings/guest/" + token + "/join"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("TOO_MANY"));
        // A made-up link of the right shape is never counted (nothing kept for it): always the plain 404.
        String madeUp = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (int i = 0; i < 25; i++) {
            mvc.perform(post("/meetings/guest/" + madeUp + "/join")).andExpect(status().isNotFound());
        }
        at(Instant.now().plus(Duration.ofMinutes(1)));
        mvc.perform(post("/meetings/guest/" + token + "/join")).andExpect(status().isOk());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private MeetingView soon(String title, LocalDateTime start, boolean lobby, Guest... guests) {
        return meetings.schedule(VINH_LOI_ADMIN, draft(title, start, lobby, guests)).meeting();
    }

    private MeetingDraft draft(String title, LocalDateTime start, boolean lobby, Guest... guests) {
        Unit vinhLoi = unit("BL-VL");
        return MeetingDraft.of(title, start, start.plusHours(1), vinhLoi.id(), PROVINCE_OFFICIAL)
                .withGuests(List.of(guests)).withRoom(lobby, null);
    }

    /** The REQUEST mailed to the guest with the given SEQUENCE. */
    private Draft guestMail(MeetingView meeting, String guest, int sequence) {
        return await().atMost(WAIT).until(() -> mail.sent(d -> d.calendar() != null && d.to().contains(guest)
                && d.calendar().method().equals("REQUEST") && d.calendar().ics().contains("UID:" + meeting.uid())
                && d.calendar().ics().contains("SEQUENCE:" + sequence)).stream().findFirst().orElse(null),
                d -> d != null);
    }

    private static String token(Draft mail) {
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).as("a personal link in " + mail.text()).isTrue();
        return link.group(1);
    }

    private void at(Instant instant) {
        clock.set(Clock.fixed(instant, ZoneOffset.UTC));
    }
}
