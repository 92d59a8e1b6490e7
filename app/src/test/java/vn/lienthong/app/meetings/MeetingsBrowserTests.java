package vn.lienthong.app.meetings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessageSummary;
import vn.lienthong.meetings.AttendanceStatus;
import vn.lienthong.meetings.Guest;
import vn.lienthong.meetings.MeetingAttendance;
import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.Meetings;
import vn.lienthong.meetings.ResponseStatus;
import vn.lienthong.meetings.Visibility;

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

    /**
     * An outside guest: the personal link in their invitation mail (read from James: for this test the guest's address
     * is a mailbox of the suite, to the meetings module it is only an address) opens the meeting in a browser that
     * never logged in, with the suite's page policy and no session; the IFrame API is loaded with a member's token
     * for the guest, who knocks at the lobby, and the page's event counts the guest as present among the guests. A
     * tampered link is the plain 404 page and loads nothing from Jitsi.
     */
    @Test
    void anOutsideGuestJoinsFromTheLinkInTheirInvitationWithoutLoggingIn() throws Exception {
        String title = "Họp với chuyên gia " + UUID.randomUUID().toString().substring(0, 8);
        String guestEmail = official("an.nguyen").email();
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(7);
        LocalDateTime end = start.plusMinutes(45);
        long meetingId = meetings.schedule("admin.vinhloi", MeetingDraft.of(title, start, end, unit("BL-VL").id(),
                        "admin.vinhloi").withVisibility(Visibility.PRIVATE).withRoom(true, null)
                .withGuests(List.of(new Guest(guestEmail, "Chuyên gia Nguyễn")))).meeting().id();

        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> !mailboxes.folders("an.nguyen").isEmpty());
        MessageSummary invitation = await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> mailboxes
                .list("an.nguyen", Mailboxes.INBOX, 1, 50).messages().stream()
                .filter(m -> m.subject().startsWith("Mời họp: " + title)).findFirst().orElse(null), m -> m != null);
        MailMessage mail = mailboxes.read("an.nguyen", Mailboxes.INBOX, invitation.uid());
        assertThat(mail.to()).containsExactly(guestEmail);
        Matcher found = Pattern.compile(Pattern.quote(baseUrl()) + "(/meetings/guest/[A-Za-z0-9_-]{43})")
                .matcher(mail.text());
        assertThat(found.find()).as("a personal link in: " + mail.text()).isTrue();
        String link = found.group(1);

        // The page as the server sends it: the suite's page policy with the Jitsi origin, no session, not cached.
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; script-src "
                + "'self' https://" + JITSI.domain() + "; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-src https://"
                + JITSI.domain() + "; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();

        int scriptsBefore = JITSI.scriptRequests();
        Browser guest = browsers.open(baseUrl());
        guest.open(link);
        guest.waitForText(By.id("guest-title"), title);
        assertThat(guest.driver().findElement(By.id("guest-when")).getText())
                .isEqualTo(MeetingForm.DATE.format(start) + " " + MeetingForm.TIME.format(start) + " – "
                        + (end.toLocalDate().equals(start.toLocalDate()) ? "" : MeetingForm.DATE.format(end) + " ")
                        + MeetingForm.TIME.format(end));
        assertThat(guest.driver().findElement(By.id("guest-host")).getText()).isEqualTo("Huyện Vĩnh Lợi");
        assertThat(guest.driver().findElement(By.id("guest-lobby")).getText()).contains("phòng chờ");
        assertThat(JITSI.scriptRequests()).as("nothing from Jitsi before the click").isEqualTo(scriptsBefore);
        guest.click(By.id("join-button"));
        String recorded = guest.waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("data-jitsi-options"));
        guest.waitFor(By.id("jitsi-frame"));
        guest.screenshot("meetings-guest-joined");
        assertThat(JITSI.scriptRequests()).isEqualTo(scriptsBefore + 1);
        assertThat(guest.driver().manage().getCookies()).noneSatisfy(cookie -> assertThat(cookie.getName())
                .containsIgnoringCase("session"));

        @SuppressWarnings("unchecked")
        Map<String, Object> options = new ObjectMapper().readValue(recorded, Map.class);
        assertThat(options.get("domain")).isEqualTo(JITSI.domain());
        @SuppressWarnings("unchecked")
        Map<String, Object> overwrite = (Map<String, Object>) options.get("configOverwrite");
        assertThat(overwrite.get("lobby")).as("the guest knocks at the lobby").isEqualTo(Map.of("autoKnock", true));
        SignedJWT token = SignedJWT.parse((String) options.get("jwt"));
        assertThat(token.verify(new MACVerifier(JITSI_SECRET))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("lienthong");
        assertThat(claims.getAudience()).containsExactly("jitsi");
        assertThat(claims.getSubject()).isEqualTo("*");
        assertThat(claims.getStringClaim("room")).isEqualTo(options.get("roomName")).matches("lt[a-z2-7]{26}");
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(start.atZone(ZONE).toInstant()
                .minus(Duration.ofMinutes(15)));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(end.atZone(ZONE).toInstant()
                .plus(Duration.ofMinutes(30)));
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) claims.getJSONObjectClaim("context").get("user");
        assertThat(user).containsEntry("id", "mailto:" + guestEmail).containsEntry("name", "Chuyên gia Nguyễn")
                .containsEntry("email", guestEmail).containsEntry("affiliation", "member")
                .containsEntry("moderator", "false");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(attendance
                .report("admin.vinhloi", meetingId, null).people())
                .anySatisfy(person -> {
                    assertThat(person.email()).isEqualTo(guestEmail);
                    assertThat(person.unitName()).isEqualTo("Khách mời");
                    assertThat(person.status()).isEqualTo(AttendanceStatus.PRESENT);
                }));

        // A tampered link: the plain 404 page, nothing about the meeting, nothing from Jitsi.
        char last = link.charAt(link.length() - 1);
        String tampered = link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');
        Browser stranger = browsers.open(baseUrl());
        stranger.open(tampered);
        stranger.waiting().until(ExpectedConditions.titleContains("Không tìm thấy"));
        assertThat(stranger.pageText()).doesNotContain(title).doesNotContain("Vĩnh Lợi");
        assertThat(stranger.isPresent(By.id("join-button"))).isFalse();
        assertThat(JITSI.scriptRequests()).isEqualTo(scriptsBefore + 1);
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + tampered)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Security-Policy")).get().asString()
                .doesNotContain(JITSI.domain()).contains("script-src 'self';");
        HttpResponse<String> join = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + tampered + "/join"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(join.statusCode()).isEqualTo(404);
        assertThat(join.body()).doesNotContain(title);
    }
}
