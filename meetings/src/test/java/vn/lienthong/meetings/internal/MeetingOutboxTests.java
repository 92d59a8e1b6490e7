package vn.lienthong.meetings.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.MeetingsTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The durable queue: a failed send is retried, work left behind (a crash) is picked up, replaced work skipped. */
class MeetingOutboxTests extends MeetingsTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void invitationRefusedByTheMailServerIsSentOnTheNextAttempt() {
        mail.failNext(1);
        int day = freshDay();
        MeetingView meeting = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp gửi lại thư mời", at(day, 8),
                at(day, 9), unit("BL-VL").id(), VINH_LOI_ADMIN).withParticipants(List.of(PROVINCE_OFFICIAL)))
                .meeting();

        await().atMost(WAIT).until(() -> !mail.sent(d -> d.calendar() != null
                && d.calendar().ics().contains("UID:" + meeting.uid())).isEmpty());
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("select attempts, outcome from meet_outbox "
                        + "where meeting_id = ? and kind = 'INVITE'").param(meeting.id())
                .query((rs, n) -> rs.getInt("attempts") + "/" + rs.getString("outcome")).single())
                .isEqualTo("2/SENT"));
    }

    @Test
    void workLeftInTheQueueIsDeliveredByThePoll() {
        int day = freshDay();
        MeetingView meeting = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp có việc bị bỏ dở", at(day, 8),
                at(day, 9), unit("BL-VL").id(), VINH_LOI_ADMIN)).meeting();
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from meet_outbox where meeting_id = ? "
                + "and done_at is null").param(meeting.id()).query(Long.class).single() == 0);

        // As if an instance had queued it and crashed before delivering: no wake-up, only the poll finds it.
        jdbc.sql("insert into meet_outbox (kind, meeting_id, occurrence_key, payload, created_at, due_at, attempts, "
                        + "locked_until) values ('CANCEL', ?, '', 'u:" + PROVINCE_OFFICIAL + "|n:|e:', "
                        + "current_timestamp, current_timestamp, 1, current_timestamp - interval '1' hour)")
                .param(meeting.id()).update();

        await().atMost(WAIT).until(() -> mail.sent(d -> d.subject().equals("Thôi mời họp: Họp có việc bị bỏ dở"))
                .size() == 1);
    }

    @Test
    void olderInvitationsQueuedTogetherAreSupersededByTheNewestOne() {
        int day = freshDay();
        MeetingView meeting = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp sửa liên tục", at(day, 8),
                at(day, 9), unit("BL-VL").id(), VINH_LOI_ADMIN)).meeting();
        await().atMost(WAIT).until(() -> invitations(meeting) == 1);
        long before = jdbc.sql("select coalesce(max(id), 0) from meet_outbox").query(Long.class).single();

        // Three invitations queued by one transaction (three quick edits): only the newest goes out.
        jdbc.sql("insert into meet_outbox (kind, meeting_id, occurrence_key, payload, created_at, due_at) values "
                        + "('INVITE', :id, '', '', current_timestamp, current_timestamp), "
                        + "('INVITE', :id, '', '', current_timestamp, current_timestamp), "
                        + "('INVITE', :id, '', '', current_timestamp, current_timestamp)")
                .param("id", meeting.id()).update();

        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from meet_outbox where meeting_id = ? "
                + "and done_at is null").param(meeting.id()).query(Long.class).single() == 0);
        List<String> outcomes = jdbc.sql("select outcome from meet_outbox where meeting_id = ? and id > ? "
                + "order by id").params(meeting.id(), before).query(String.class).list();
        assertThat(outcomes).containsExactly("SUPERSEDED", "SUPERSEDED", "SENT");
        assertThat(invitations(meeting)).isEqualTo(2);
    }

    private int invitations(MeetingView meeting) {
        return mail.sent(d -> d.calendar() != null && d.calendar().ics().contains("UID:" + meeting.uid())).size();
    }
}
