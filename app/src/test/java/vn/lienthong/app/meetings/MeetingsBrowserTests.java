package vn.lienthong.app.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.app.support.Browser;
import vn.lienthong.app.support.BrowserExtension;
import vn.lienthong.app.support.WebTestSupport;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitLevel;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.meetings.AttendanceStatus;
import vn.lienthong.meetings.MeetingAttendance;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.Meetings;
import vn.lienthong.meetings.ResponseStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meetings issue's proof in real browsers: the Vĩnh Lợi district administrator (admin.vinhloi) schedules a
 * meeting for the district and all its communes through the form; the chairman of Xã Châu Thới (phuc.huynh) finds
 * the invitation in his inbox (real James) and the meeting in his calendar, answers it, and joins: the page loads
 * the IFrame API from the Jitsi stand-in with a room token whose signature and claims are verified here; the chair
 * gets his answer by mail as an iMIP REPLY. The
 * system administrator, who sees every meeting but is not invited, gets neither a token nor the IFrame API; a
 * province official who is not invited does not even see the meeting.
 */
class MeetingsBrowserTests extends WebTestSupport {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();

    @Autowired
    Meetings meetings;

    @Autowired
    MeetingAttendance attendance;

    @Autowired
    Mailboxes mailboxes;

    @Test
    void districtSchedulesForAllItsCommunesAndAnInvitedCommuneOfficialJoinsWithAValidToken() throws Exception {
        String title = "Giao ban trực tuyến " + UUID.randomUUID().toString().substring(0, 8);
        Unit vinhLoi = unit("BL-VL");
        List<Unit> communes = directory.subtree(vinhLoi.id()).stream()
                .filter(u -> u.active() && u.level() == UnitLevel.COMMUNE).toList();
        // Soon enough that the room is open (tokens come from 15 minutes before the start).
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(5);
        LocalDateTime end = start.plusHours(1);

        // The district administrator schedules through the form.
        Browser admin = browsers.open(baseUrl());
        admin.logIn("admin.vinhloi", DEMO_PASSWORD);
        admin.open("/meetings");
        admin.click(By.id("meeting-new"));
        admin.type(By.id("meeting-title"), title);
        admin.type(By.id("meeting-agenda"), "Tình hình triển khai nhiệm vụ tháng 12");
        admin.type(By.id("meeting-date"), MeetingForm.DATE.format(start));
        admin.type(By.id("meeting-start"), MeetingForm.TIME.format(start));
        admin.type(By.id("meeting-end-date"), MeetingForm.DATE.format(end));
        admin.type(By.id("meeting-end"), MeetingForm.TIME.format(end));
        assertThat(admin.driver().findElement(By.cssSelector("#meeting-host option:checked")).getText())
                .contains("Huyện Vĩnh Lợi");
        assertThat(admin.driver().findElement(By.id("endpoint-" + vinhLoi.id())).isSelected())
                .as("the host is an endpoint from the start").isTrue();
        admin.click(By.id("selection-" + vinhLoi.id() + "-COMMUNE"));
        // A named participant, completed from the directory.
        admin.driver().findElement(By.id("meeting-participants")).sendKeys("Hồng");
        admin.click(By.cssSelector("#meeting-participants-list [data-username='hong.vo']"));
        assertThat(admin.driver().findElement(By.id("meeting-participants")).getAttribute("value"))
                .isEqualTo("hong.vo, ");
        admin.screenshot("meetings-form");
        admin.click(By.id("meeting-save"));
        // Another test may have booked the chair at that time: the form says so first, then saves on request.
        admin.waiting().until(d -> d.getCurrentUrl().matches(".*/meetings/\\d+$")
                || !d.findElements(By.id("meeting-save-anyway")).isEmpty());
        if (admin.isPresent(By.id("meeting-save-anyway"))) {
            admin.click(By.id("meeting-save-anyway"));
        }
        admin.waitForText(By.id("notice"), "Đã lên lịch họp");
        long meetingId = Long.parseLong(admin.currentUrl().replaceAll(".*/meetings/(\\d+).*", "$1"));
        WebElement endpoints = admin.waitFor(By.id("meeting-endpoints"));
        for (Unit commune : communes) {
            assertThat(endpoints.getText()).contains(commune.name());
        }
        assertThat(endpoints.findElements(By.tagName("li"))).hasSize(communes.size() + 1);
        assertThat(admin.driver().findElement(By.id("meeting-participants")).getText()).contains("Võ Thị Hồng");
        admin.screenshot("meetings-page-admin");

        // The chairman of Xã Châu Thới: the invitation in his inbox, the meeting in his calendar.
        Browser commune = browsers.open(baseUrl());
        commune.logIn("phuc.huynh", DEMO_PASSWORD);
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> !mailboxes.folders("phuc.huynh").isEmpty());
        commune.open("/mail");
        commune.waiting().withTimeout(Duration.ofSeconds(90)).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.partialLinkText("Mời họp: " + title)).isEmpty();
        });
        commune.click(By.partialLinkText("Mời họp: " + title));
        commune.waitFor(By.id("mail-invite"));
        commune.screenshot("meetings-invitation");

        commune.open("/meetings?view=week&date=" + start.toLocalDate());
        commune.click(By.linkText(title));
        commune.waitForText(By.id("meeting-title"), title);
        commune.click(By.id("answer-accept"));
        commune.waitForText(By.id("answer-current"), "Tham dự");
        assertThat(meetings.meeting("phuc.huynh", meetingId).you().response()).isEqualTo(ResponseStatus.ACCEPTED);
        // The chair's mailbox gets the answer as an iMIP REPLY, as from a calendar program.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(mailboxes
                .list("admin.vinhloi", Mailboxes.INBOX, 1, 50).messages())
                .anySatisfy(message -> assertThat(message.subject())
                        .isEqualTo("Trả lời lời mời: Huỳnh Văn Phúc nhận lời tham dự – " + title)));

        // The meeting's chat channel, opened for the invitees after the invitation (asynchronously, so look again).
        commune.waiting().until(d -> {
            if (d.findElements(By.id("meeting-chat")).isEmpty()) {
                d.navigate().refresh();
                return false;
            }
            return true;
        });
        assertThat(commune.driver().findElement(By.id("meeting-chat")).getAttribute("href")).contains("/chat?channel=");

        commune.click(By.id("join-button"));
        String recorded = commune.waiting().until(d -> d.findElement(By.tagName("body"))
                .getAttribute("data-jitsi-options"));
        commune.waitFor(By.id("jitsi-frame"));
        commune.screenshot("meetings-joined");
        @SuppressWarnings("unchecked")
        Map<String, Object> options = new ObjectMapper().readValue(recorded, Map.class);
        assertThat(options.get("domain")).isEqualTo(JITSI.domain());
        assertThat(options.get("lang")).isEqualTo("vi");
        MeetingView meeting = meetings.meeting("admin.vinhloi", meetingId);
        String room = (String) options.get("roomName");
        assertThat(room).matches("lt[a-z2-7]{26}");

        SignedJWT token = SignedJWT.parse((String) options.get("jwt"));
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(token.verify(new MACVerifier(JITSI_SECRET))).as("signed with the suite's Jitsi secret").isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("lienthong");
        assertThat(claims.getAudience()).containsExactly("jitsi");
        assertThat(claims.getSubject()).isEqualTo("*");
        assertThat(claims.getStringClaim("room")).isEqualTo(room);
        Instant startsAt = start.atZone(ZONE).toInstant();
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(startsAt.minus(Duration.ofMinutes(15)));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(end.atZone(ZONE).toInstant()
                .plus(Duration.ofMinutes(30)));
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) claims.getJSONObjectClaim("context").get("user");
        assertThat(user).containsEntry("id", "phuc.huynh").containsEntry("name", "Huỳnh Văn Phúc")
                .containsEntry("email", official("phuc.huynh").email())
                .containsEntry("affiliation", "member").containsEntry("moderator", "false");
        @SuppressWarnings("unchecked")
        Map<String, Object> userInfo = (Map<String, Object>) options.get("userInfo");
        assertThat(userInfo).containsEntry("displayName", "Huỳnh Văn Phúc");
        assertThat(meeting.title()).isEqualTo(title);
        // The IFrame API's videoConferenceJoined reached the attendance (the page's fallback to the webhooks).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(attendance
                .report("admin.vinhloi", meetingId, null).people())
                .anySatisfy(person -> {
                    assertThat(person.id()).isEqualTo("phuc.huynh");
                    assertThat(person.status()).isEqualTo(AttendanceStatus.PRESENT);
                }));

        // The system administrator sees the meeting but is not invited: no token, no IFrame API.
        int scriptsBefore = JITSI.scriptRequests();
        Browser system = browsers.open(baseUrl());
        system.logIn("quantri", DEMO_PASSWORD);
        system.open("/meetings/" + meetingId);
        system.waitForText(By.id("meeting-title"), title);
        system.waitForText(By.id("join-not-invited"), "không có trong danh sách mời");
        assertThat(system.isPresent(By.id("join-button"))).isFalse();
        Object refused = ((JavascriptExecutor) system.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('/api/v1/meetings/' + arguments[0] + '/join', {headers: {Accept: 'application/json'}})
                  .then(function (r) { return r.json().then(function (p) { done(r.status + ' ' + p.detail); }); })
                  .catch(function (e) { done('failed ' + e); });
                """, meetingId);
        assertThat(refused.toString()).startsWith("403 ").contains("không có trong danh sách mời");
        assertThat(system.driver().findElement(By.tagName("body")).getAttribute("data-jitsi-options")).isNull();
        assertThat(system.isPresent(By.id("jitsi-frame"))).isFalse();
        assertThat(JITSI.scriptRequests()).isEqualTo(scriptsBefore);

        // A province official who is not invited: the meeting does not exist for him.
        Browser province = browsers.open(baseUrl());
        province.logIn("an.nguyen", DEMO_PASSWORD);
        province.open("/meetings/" + meetingId);
        province.waiting().until(ExpectedConditions.titleContains("Không tìm thấy"));
        assertThat(province.pageText()).doesNotContain(title);
        assertThat(JITSI.scriptRequests()).isEqualTo(scriptsBefore);
    }
}
