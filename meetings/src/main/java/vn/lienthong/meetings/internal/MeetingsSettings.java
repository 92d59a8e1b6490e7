package vn.lienthong.meetings.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the meetings, under {@code lienthong.meetings}. Every key has a default; the module works without any.
 *
 * <pre>
 * lienthong.meetings.time-zone: Asia/Ho_Chi_Minh
 * lienthong.meetings.max-duration: 24h            # one meeting or occurrence
 * lienthong.meetings.officials-may-schedule: true # an official may host for their own unit (that unit alone)
 * lienthong.meetings.late-after: 10m              # attendance: joining later than start + this is "late"
 * lienthong.meetings.list-days: 30                # the LIST calendar view
 * lienthong.meetings.reminders.lead: 15m          # reminder by mail and chat this long before each occurrence
 * lienthong.meetings.documents.max-size: 20MB
 * lienthong.meetings.jitsi.domain: meet.baclieu.gov.vn
 * lienthong.meetings.jitsi.app-id: lienthong      # the token's iss (Prosody: app_id / accepted issuers)
 * lienthong.meetings.jitsi.audience: jitsi        # aud (Prosody: accepted audiences)
 * lienthong.meetings.jitsi.secret: ...            # HS256 shared secret (app_secret); required in prod
 * lienthong.meetings.jitsi.private-key: /etc/lienthong/jitsi.pem   # RS256 instead: PKCS#8 PEM, with key-id
 * lienthong.meetings.jitsi.hook-secret: ...       # what Prosody sends in hook-header; required in prod
 * </pre>
 *
 * @param timeZone             the suite's time zone: wall-clock times of drafts and calendars
 * @param maxDuration          the longest meeting (or occurrence)
 * @param officialsMaySchedule whether an official without an administrator role may schedule a meeting hosted by
 *                             their own unit, with that unit as the only endpoint (named participants anywhere)
 * @param lateAfter            attendance: joining after start + this counts as late
 * @param listDays             days shown by the LIST view
 * @param maxSeriesYears       a series' UNTIL at most this many years after its start; COUNT at most
 *                             {@code maxSeriesCount}
 * @param maxSeriesCount       most occurrences of a COUNT-bounded series
 * @param documentsDirectory   where documents are stored; default {@code ${lienthong.data-dir}/meetings/documents}
 * @param reminders            reminders before each occurrence
 * @param documents            document limits
 * @param outbox               the durable queue of invitations, chat and archive updates
 * @param jitsi                the Jitsi Meet server and its hooks
 */
@Validated
@ConfigurationProperties("lienthong.meetings")
record MeetingsSettings(
        @NotNull @DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone,
        @NotNull @DefaultValue("24h") Duration maxDuration,
        @DefaultValue("true") boolean officialsMaySchedule,
        @NotNull @DefaultValue("10m") Duration lateAfter,
        @Min(value = 1, message = "lienthong.meetings.list-days phải từ 1 đến 366 (must be 1..366)")
        @Max(value = 366, message = "lienthong.meetings.list-days phải từ 1 đến 366 (must be 1..366)")
        @DefaultValue("30") int listDays,
        @Min(1) @Max(20) @DefaultValue("5") int maxSeriesYears,
        @Min(1) @Max(5000) @DefaultValue("500") int maxSeriesCount,
        Path documentsDirectory,
        @Valid @NotNull @DefaultValue Reminders reminders,
        @Valid @NotNull @DefaultValue Documents documents,
        @Valid @NotNull @DefaultValue Outbox outbox,
        @Valid @NotNull @DefaultValue Jitsi jitsi) {

    /**
     * @param enabled  whether reminders go out at all
     * @param lead     how long before the start of each occurrence
     * @param interval how often due reminders are looked for
     */
    record Reminders(@DefaultValue("true") boolean enabled,
                     @NotNull @DefaultValue("15m") Duration lead,
                     @NotNull @DefaultValue("30s") Duration interval) {
    }

    /** @param maxSize the largest document accepted */
    record Documents(@NotNull @DefaultValue("20MB") DataSize maxSize) {
    }

    /**
     * @param pollInterval how often the queue is looked at besides right after each commit (retries, restarts)
     * @param maxAttempts  attempts before a piece of work is given up (logged, outcome FAILED)
     * @param retryDelay   first pause after a failure, doubled at each further failure (at most one hour)
     * @param batchSize    addresses per invitation mail
     */
    record Outbox(@NotNull @DefaultValue("10s") Duration pollInterval,
                  @Min(1) @DefaultValue("8") int maxAttempts,
                  @NotNull @DefaultValue("30s") Duration retryDelay,
                  @Min(1) @Max(500) @DefaultValue("100") int batchSize) {
    }

    /**
     * The Jitsi Meet server (external: we never run its video bridge) and the token rules of its Prosody
     * ({@code authentication = "token"}).
     *
     * @param domain         the Jitsi web server's host (and port), without scheme: {@code meet.baclieu.gov.vn}
     * @param appId          the token's {@code iss}: Prosody's {@code app_id} (or one of its accepted issuers)
     * @param audience       the token's {@code aud}: one of Prosody's accepted audiences
     * @param subject        the token's {@code sub}: the tenant, or the XMPP domain, or {@code *}
     * @param secret         HS256 shared secret (Prosody's {@code app_secret}); used when no private key is set
     * @param privateKey     RS256 instead: a PKCS#8 PEM private key; Prosody fetches the public half from
     *                       {@code asap_key_server/<hex(sha256(kid))>.pem}
     * @param keyId          the {@code kid} of the RS256 key
     * @param tokenLead      tokens are issued from this long before the start
     * @param overtime       and until the end plus this; also the grace the reservation's duration includes
     * @param hookHeader     the header Prosody's hooks carry the shared secret in
     * @param hookSecret     the shared secret of the reservation API and the event webhooks; empty: hooks refused
     * @param guestLinkGrace a guest's personal link answers (saying the meeting is over) this long after the end of
     *                       the meeting's last occurrence, then it is refused like a wrong one
     * @param guestJoinsPerMinute how often one guest link may ask for a room token (or report an event) per minute
     */
    record Jitsi(@NotBlank(message = "lienthong.meetings.jitsi.domain không được để trống (must not be blank)")
                 @Pattern(regexp = "[A-Za-z0-9.-]+(:[0-9]{1,5})?",
                         message = "lienthong.meetings.jitsi.domain là tên máy chủ (và cổng), không có https:// "
                                 + "(a host name, optionally with a port, without scheme)")
                 @DefaultValue("localhost:8443") String domain,
                 @NotBlank @DefaultValue("lienthong") String appId,
                 @NotBlank @DefaultValue("jitsi") String audience,
                 @NotBlank @DefaultValue("*") String subject,
                 @DefaultValue(DEFAULT_SECRET) String secret,
                 Path privateKey,
                 @DefaultValue("") String keyId,
                 @NotNull @DefaultValue("15m") Duration tokenLead,
                 @NotNull @DefaultValue("30m") Duration overtime,
                 @NotBlank @DefaultValue("X-Jitsi-Hook-Secret") String hookHeader,
                 @DefaultValue(DEFAULT_HOOK_SECRET) String hookSecret,
                 @NotNull @DefaultValue("7d") Duration guestLinkGrace,
                 @Min(1) @DefaultValue("20") int guestJoinsPerMinute) {

        /** Known to everyone who reads this code: fine on a developer's machine, refused with profile prod. */
        static final String DEFAULT_SECRET = "lienthong-jitsi-dev-secret-change-me";
        static final String DEFAULT_HOOK_SECRET = "lienthong-jitsi-dev-hook-secret-change-me";

        boolean rs256() {
            return privateKey != null;
        }

        @AssertTrue(message = "lienthong.meetings.jitsi.key-id là bắt buộc khi dùng private-key (RS256): Prosody tìm "
                + "khoá công khai theo kid (required with private-key: Prosody finds the public key by kid)")
        boolean isKeyIdSetForRs256() {
            return privateKey == null || (keyId != null && !keyId.isBlank());
        }

        @AssertTrue(message = "lienthong.meetings.jitsi.secret phải có ít nhất 32 ký tự khi dùng HS256 "
                + "(must be at least 32 characters for HS256)")
        boolean isSecretLongEnough() {
            return privateKey != null || (secret != null && secret.length() >= 32);
        }
    }
}
