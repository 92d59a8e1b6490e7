package vn.lienthong.meetings;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import vn.lienthong.directory.Unit;
import vn.lienthong.mail.CalendarMessageReceived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Answers from the web API and from iMIP replies (the mail module's {@link CalendarMessageReceived}): recorded for
 * invitees, refused for others, broken iCalendar logged and ignored.
 */
class RepliesTests extends MeetingsTestSupport {

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void replyByMailIsRecordedForTheInvitee() {
        MeetingView meeting = meetingWithGuest("Họp nhận trả lời qua thư");
        String an = official(PROVINCE_OFFICIAL).email();

        events.publishEvent(new CalendarMessageReceived(official(VINH_LOI_ADMIN).email(), VINH_LOI_ADMIN, an, "REPLY",
                reply(meeting.uid(), an, "ACCEPTED", null), "reply-1@thunderbird"));
        events.publishEvent(new CalendarMessageReceived(official(VINH_LOI_ADMIN).email(), VINH_LOI_ADMIN,
                "chuyengia@vnpt.vn", "REPLY", reply(meeting.uid(), "chuyengia@vnpt.vn", "TENTATIVE", null),
                "reply-2@outlook"));

        await().atMost(WAIT).untilAsserted(() -> {
            MeetingView now = meetings.meeting(VINH_LOI_ADMIN, meeting.id());
            assertThat(now.participants()).filteredOn(p -> p.person().username().equals(PROVINCE_OFFICIAL))
                    .singleElement().extracting(MeetingView.Participant::response).isEqualTo(ResponseStatus.ACCEPTED);
            assertThat(now.guests()).singleElement().extracting(MeetingView.GuestView::response)
                    .isEqualTo(ResponseStatus.TENTATIVE);
        });
    }

    @Test
    void brokenCalendarSpoofedSenderAndStrangerAreIgnored() {
        MeetingView meeting = meetingWithGuest("Họp nhận thư lỗi");
        String an = official(PROVINCE_OFFICIAL).email();
        String stranger = official(GIA_RAI_OFFICIAL).email();

        events.publishEvent(new CalendarMessageReceived(official(VINH_LOI_ADMIN).email(), VINH_LOI_ADMIN, an, "REPLY",
                "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:" + meeting.uid()
                        + "\r\nDTSTART:hỏng\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:" + an + "\r\n",
                "broken@x"));
        events.publishEvent(new CalendarMessageReceived(official(VINH_LOI_ADMIN).email(), VINH_LOI_ADMIN,
                "ke.gia.mao@example.com", "REPLY", reply(meeting.uid(), an, "DECLINED", null), "spoof@x"));
        events.publishEvent(new CalendarMessageReceived(official(VINH_LOI_ADMIN).email(), VINH_LOI_ADMIN, stranger,
                "REPLY", reply(meeting.uid(), stranger, "ACCEPTED", null), "stranger@x"));
        // Then a good one, handled after the others on the same thread: once it shows, the others were handled.
        events.publishEvent(new CalendarMessageReceived(official(VINH_LOI_ADMIN).email(), VINH_LOI_ADMIN,
                "chuyengia@vnpt.vn", "REPLY", reply(meeting.uid(), "chuyengia@vnpt.vn", "DECLINED", null), "ok@x"));

        await().atMost(WAIT).until(() -> meetings.meeting(VINH_LOI_ADMIN, meeting.id()).guests().get(0).response()
                == ResponseStatus.DECLINED);
        MeetingView now = meetings.meeting(VINH_LOI_ADMIN, meeting.id());
        assertThat(now.participants()).filteredOn(p -> p.person().username().equals(PROVINCE_OFFICIAL))
                .singleElement().extracting(MeetingView.Participant::response).isEqualTo(ResponseStatus.NEEDS_ACTION);
        assertThat(now.responses().accepted()).isZero();
    }

    @Test
    void answerFromTheWebIsKeptPerOccurrenceAndGoesIntoTheNextInvitation() {
        Unit vinhLoi = unit("BL-VL");
        int day = freshDay();
        java.time.LocalDateTime start = at(day, 8);
        String weekday = switch (start.getDayOfWeek()) {
            case MONDAY -> "MO";
            case TUESDAY -> "TU";
            case WEDNESDAY -> "WE";
            case THURSDAY -> "TH";
            case FRIDAY -> "FR";
            case SATURDAY -> "SA";
            case SUNDAY -> "SU";
        };
        MeetingView series = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Giao ban hằng tuần có trả lời", start,
                        start.plusHours(1), vinhLoi.id(), VINH_LOI_ADMIN)
                .withParticipants(List.of(PROVINCE_OFFICIAL))
                .withRecurrence("FREQ=WEEKLY;BYDAY=" + weekday + ";COUNT=3", List.of())).meeting();
        List<Occurrence> occurrences = meetings.occurrences(PROVINCE_OFFICIAL, series.id(),
                series.start().toInstant(), series.start().plusWeeks(3).toInstant());

        meetings.respond(PROVINCE_OFFICIAL, series.id(), null, ResponseStatus.ACCEPTED, null);
        meetings.respond(PROVINCE_OFFICIAL, series.id(), occurrences.get(1).occurrenceId(), ResponseStatus.DECLINED,
                "Đi công tác");
        meetings.moveOccurrence(VINH_LOI_ADMIN, series.id(), occurrences.get(2).occurrenceId(),
                new OccurrenceChange(occurrences.get(2).start().toLocalDateTime().plusHours(2),
                        occurrences.get(2).end().toLocalDateTime().plusHours(2)));

        vn.lienthong.mail.Draft invitation = await().atMost(WAIT).until(() -> mail.sent(d -> d.calendar() != null
                && d.calendar().method().equals("REQUEST") && d.calendar().ics().contains("UID:" + series.uid())
                && d.calendar().ics().contains("SEQUENCE:1"))
                .stream().findFirst().orElse(null), d -> d != null);
        String ics = invitation.calendar().ics().replace("\r\n ", "");
        assertThat(ics).contains("RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=" + weekday, "RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:");
        assertThat(ics.replace("\r\n ", "")).containsPattern(
                "PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:" + java.util.regex.Pattern.quote(official(PROVINCE_OFFICIAL)
                        .email()));
        assertThat(meetings.meeting(PROVINCE_OFFICIAL, series.id()).you().response())
                .isEqualTo(ResponseStatus.ACCEPTED);
    }

    @Test
    void answerFromTheWebGoesToTheOrganiserAsAnImipReply() {
        MeetingView meeting = meetingWithGuest("Họp có trả lời từ trang web");
        String an = official(PROVINCE_OFFICIAL).email();
        String chair = official(VINH_LOI_ADMIN).email();

        meetings.respond(PROVINCE_OFFICIAL, meeting.id(), null, ResponseStatus.TENTATIVE, "Có thể đến muộn");
        // The chair answering their own meeting tells nobody.
        meetings.respond(VINH_LOI_ADMIN, meeting.id(), null, ResponseStatus.ACCEPTED, null);

        vn.lienthong.mail.Draft reply = await().atMost(WAIT).until(() -> mail.sent(d -> d.calendar() != null
                && d.calendar().method().equals("REPLY") && d.calendar().ics().contains("UID:" + meeting.uid()))
                .stream().findFirst().orElse(null), d -> d != null);
        assertThat(reply.to()).containsExactly(chair);
        assertThat(reply.subject()).contains("Nguyễn Văn An", "chưa chắc chắn", "Họp có trả lời từ trang web");
        String ics = reply.calendar().ics().replace("\r\n ", "");
        assertThat(ics).contains("METHOD:REPLY", "UID:" + meeting.uid(), "SEQUENCE:0", "COMMENT:Có thể đến muộn")
                .containsPattern("ORGANIZER;CN=[^:]*:mailto:" + java.util.regex.Pattern.quote(chair))
                .containsPattern("ATTENDEE;[^\\r\\n]*PARTSTAT=TENTATIVE[^\\r\\n]*:mailto:"
                        + java.util.regex.Pattern.quote(an));
        assertThat(ics.split("ATTENDEE", -1)).as("only the answering attendee").hasSize(2);
        assertThat(mail.sent(d -> d.calendar() != null && d.calendar().method().equals("REPLY")
                && d.calendar().ics().contains("UID:" + meeting.uid()))).hasSize(1);
    }

    private MeetingView meetingWithGuest(String title) {
        Unit vinhLoi = unit("BL-VL");
        int day = freshDay();
        return meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of(title, at(day, 8), at(day, 9), vinhLoi.id(),
                        VINH_LOI_ADMIN).withParticipants(List.of(PROVINCE_OFFICIAL))
                .withGuests(List.of(new Guest("chuyengia@vnpt.vn", "Chuyên gia")))).meeting();
    }

    private static String reply(String uid, String attendee, String partstat, String recurrenceId) {
        return String.join("\r\n", "BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
                "VERSION:2.0", "METHOD:REPLY", "BEGIN:VEVENT", "UID:" + uid,
                recurrenceId == null ? "X-NONE:1" : "RECURRENCE-ID:" + recurrenceId, "SEQUENCE:0",
                "DTSTAMP:20261201T010000Z", "ATTENDEE;PARTSTAT=" + partstat + ":mailto:" + attendee, "END:VEVENT",
                "END:VCALENDAR", "");
    }
}
