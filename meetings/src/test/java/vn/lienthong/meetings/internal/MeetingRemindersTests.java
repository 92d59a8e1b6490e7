package vn.lienthong.meetings.internal;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.chat.ChannelKind;
import vn.lienthong.chat.ChannelSummary;
import vn.lienthong.chat.ChatMessage;
import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.MeetingsTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reminders go out once per occurrence, by mail and in the chat channel, and a restart does not repeat them. */
class MeetingRemindersTests extends MeetingsTestSupport {

    @Autowired
    MeetingReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeetingRepository repository;

    @Autowired
    MeetingOutbox outbox;

    @Autowired
    MeetingClock clock;

    @Autowired
    MeetingsSettings settings;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void reminderGoesOutOnceByMailAndInTheChatChannel() {
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(12);
        MeetingView meeting = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp cần nhắc", start,
                start.plusHours(1), unit("BL-VL").id(), VINH_LOI_ADMIN)
                .withEndpoints(List.of(unit("BL-VL-CT").id()))).meeting();
        await().atMost(WAIT).until(() -> channel(meeting) != null);

        reminders.sendDue();
        reminders.sendDue();
        // A restarted instance sees the claim and sends nothing again.
        new MeetingReminders(jdbc, repository, outbox, clock, settings, transactions).sendDue();

        await().atMost(WAIT).until(() -> reminderMails(meeting).size() == 1);
        vn.lienthong.mail.Draft mail = reminderMails(meeting).get(0);
        assertThat(mail.subject()).isEqualTo("Nhắc lịch họp: Họp cần nhắc bắt đầu lúc "
                + String.format("%tH:%<tM %<td/%<tm/%<tY", start));
        assertThat(mail.to()).contains(official(CHAU_THOI_CHAIRMAN).email());
        assertThat(mail.calendar()).isNull();
        List<ChatMessage> messages = await().atMost(WAIT).until(() -> chat.after(CHAU_THOI_CHAIRMAN,
                channel(meeting).id(), 0, 50).messages(), list -> !list.isEmpty());
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.text()).startsWith("Nhắc lịch: cuộc họp \"Họp cần nhắc\" bắt đầu lúc ");
            assertThat(message.author()).isEqualTo(VINH_LOI_ADMIN);
        });
        assertThat(jdbc.sql("select count(*) from meet_reminder where meeting_id = ?").param(meeting.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void meetingsFurtherAwayThanTheLeadAndCancelledOnesGetNoReminder() {
        LocalDateTime later = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(50);
        MeetingView far = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp chưa cần nhắc", later,
                later.plusHours(1), unit("BL-VL").id(), VINH_LOI_ADMIN)).meeting();
        LocalDateTime soon = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(8);
        MeetingView cancelled = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp đã huỷ không nhắc", soon,
                soon.plusHours(1), unit("BL-VL").id(), VINH_LOI_ADMIN)).meeting();
        meetings.cancel(VINH_LOI_ADMIN, cancelled.id(), null);

        reminders.sendDue();

        assertThat(jdbc.sql("select count(*) from meet_reminder where meeting_id in (?, ?)")
                .params(far.id(), cancelled.id()).query(Long.class).single()).isZero();
    }

    private List<vn.lienthong.mail.Draft> reminderMails(MeetingView meeting) {
        return mail.sent(d -> d.subject().startsWith("Nhắc lịch họp: " + meeting.title() + " "));
    }

    private ChannelSummary channel(MeetingView meeting) {
        return chat.channelsOf(CHAU_THOI_CHAIRMAN).stream()
                .filter(c -> c.kind() == ChannelKind.MEETING && c.title().equals("Họp: " + meeting.title()))
                .findFirst().orElse(null);
    }
}
