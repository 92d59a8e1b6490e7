package vn.lienthong.meetings.internal;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;

import vn.lienthong.meetings.MeetingStatus;
import vn.lienthong.meetings.ParticipantRole;
import vn.lienthong.meetings.ResponseStatus;
import vn.lienthong.meetings.Visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The iCalendar objects we write parse back and carry what iTIP needs; replies are read, broken ones refused. */
class ICalendarsTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant START = LocalDateTime.of(2026, 12, 7, 8, 0).atZone(ZONE).toInstant();
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    @Test
    void requestOfASeriesParsesWithMethodSequenceUidRuleExceptionsAndOverride() throws Exception {
        Instant second = START.plusSeconds(7 * 86_400);
        Instant third = START.plusSeconds(14 * 86_400);
        Meeting meeting = meeting("FREQ=WEEKLY;COUNT=4;BYDAY=MO", 3, List.of(
                new OccurrenceRecord(Timestamps.key(second), second, true, null, null, null),
                new OccurrenceRecord(Timestamps.key(third), third, false, third.plusSeconds(3600),
                        third.plusSeconds(3 * 3600), null)));

        String ics = ICalendars.request(meeting, details(), NOW);
        String unfolded = ics.replace("\r\n ", "");
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));

        assertThat(parsed.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(parsed.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        List<Component> events = List.copyOf(parsed.<net.fortuna.ical4j.model.component.CalendarComponent>getComponents(Component.VEVENT));
        assertThat(events).hasSize(2);
        Component master = events.get(0);
        assertThat(master.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("abc-123@lienthong");
        assertThat(master.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
        assertThat(master.getProperty(Property.RRULE).orElseThrow().getValue()).isEqualTo("FREQ=WEEKLY;COUNT=4;BYDAY=MO");
        assertThat(unfolded).contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20261207T080000",
                "EXDATE;TZID=Asia/Ho_Chi_Minh:20261214T080000", "BEGIN:VTIMEZONE", "TZOFFSETTO:+0700");
        Component override = events.get(1);
        assertThat(override.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("abc-123@lienthong");
        assertThat(override.getProperty(Property.RECURRENCE_ID).orElseThrow().getValue()).isEqualTo("20261221T080000");
        assertThat(override.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20261221T090000");
        assertThat(master.getProperties(Property.ATTENDEE)).hasSize(3);
        assertThat(unfolded).contains("PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:an.nguyen@baclieu.gov.vn",
                "CUTYPE=GROUP;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:vanphong@",
                "ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:chu.tri@baclieu.gov.vn",
                "SENT-BY=\"mailto:khong-tra-loi@baclieu.gov.vn\":mailto:chu.tri@baclieu.gov.vn");
    }

    @Test
    void longLinesAreFoldedAsRfc5545Asks() {
        String ics = ICalendars.request(meeting(null, 0, List.of()), details(), NOW);

        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));
        assertThat(ics).contains("\r\n ").doesNotContain("\n\n");
    }

    @Test
    void cancelOfOneOccurrenceNamesItsRecurrenceId() throws Exception {
        Instant second = START.plusSeconds(7 * 86_400);
        Meeting meeting = meeting("FREQ=WEEKLY;COUNT=4;BYDAY=MO", 4,
                List.of(new OccurrenceRecord(Timestamps.key(second), second, true, null, null, null)));

        String ics = ICalendars.cancel(meeting, Timestamps.key(second), details(), NOW);
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));

        assertThat(parsed.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        Component event = parsed.<net.fortuna.ical4j.model.component.CalendarComponent>getComponents(Component.VEVENT).get(0);
        assertThat(event.getProperty(Property.RECURRENCE_ID).orElseThrow().getValue()).isEqualTo("20261214T080000");
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("4");
    }

    @Test
    void readsAThunderbirdReplyForOneOccurrence() throws Exception {
        String reply = String.join("\r\n", "BEGIN:VCALENDAR", "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
                "VERSION:2.0", "METHOD:REPLY", "BEGIN:VTIMEZONE", "TZID:Asia/Ho_Chi_Minh", "BEGIN:STANDARD",
                "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "TZNAME:+07", "DTSTART:19700101T000000", "END:STANDARD",
                "END:VTIMEZONE", "BEGIN:VEVENT", "UID:abc-123@lienthong",
                "RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20261214T080000", "SEQUENCE:3",
                "DTSTAMP:20261201T020000Z", "ORGANIZER;CN=Chủ Trì:mailto:chu.tri@baclieu.gov.vn",
                "ATTENDEE;RSVP=TRUE;CN=Nguyễn Văn An;PARTSTAT=DECLINED;ROLE=REQ-PARTICIPANT:mailto:An.Nguyen@baclieu.gov.vn",
                "COMMENT:Bận tiếp dân", "END:VEVENT", "END:VCALENDAR", "");

        List<ICalendars.Reply> replies = ICalendars.replies(reply);

        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.uid()).isEqualTo("abc-123@lienthong");
            assertThat(r.attendeeEmail()).isEqualTo("an.nguyen@baclieu.gov.vn");
            assertThat(r.status()).isEqualTo(ResponseStatus.DECLINED);
            assertThat(r.occurrenceInstant()).isEqualTo(Instant.parse("2026-12-14T01:00:00Z"));
            assertThat(r.sequence()).isEqualTo(3);
            assertThat(r.comment()).isEqualTo("Bận tiếp dân");
        });
    }

    @Test
    void replyOfAWebAnswerForOneOccurrenceReadsBackAsThatAnswer() throws Exception {
        Instant second = START.plusSeconds(7 * 86_400);
        Meeting meeting = meeting("FREQ=WEEKLY;COUNT=4;BYDAY=MO", 2, List.of());

        String ics = ICalendars.reply(meeting, Timestamps.key(second), "chu.tri@baclieu.gov.vn", "Chủ Trì",
                new ICalendars.AttendeeEntry("an.nguyen@baclieu.gov.vn", "Nguyễn Văn An", false, false,
                        ResponseStatus.TENTATIVE), "Có thể đến muộn", NOW);
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));

        assertThat(parsed.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REPLY");
        Component event = parsed.getComponent(Component.VEVENT).orElseThrow();
        assertThat(event.getProperties(Property.ATTENDEE)).hasSize(1);
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:chu.tri@baclieu.gov.vn");
        assertThat(event.getProperty(Property.RRULE)).isEmpty();
        assertThat(ICalendars.replies(ics)).singleElement().satisfies(r -> {
            assertThat(r.uid()).isEqualTo("abc-123@lienthong");
            assertThat(r.attendeeEmail()).isEqualTo("an.nguyen@baclieu.gov.vn");
            assertThat(r.status()).isEqualTo(ResponseStatus.TENTATIVE);
            assertThat(r.occurrenceInstant()).isEqualTo(second);
            assertThat(r.sequence()).isEqualTo(2);
            assertThat(r.comment()).isEqualTo("Có thể đến muộn");
        });
    }

    @Test
    void brokenCalendarIsRefusedAndAnotherMethodGivesNoAnswer() throws Exception {
        assertThatThrownBy(() -> ICalendars.replies("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n"
                + "UID:x\r\nDTSTART:không-phải-ngày\r\n"))
                .isInstanceOf(ICalendars.BrokenCalendarException.class);
        assertThatThrownBy(() -> ICalendars.replies("đây không phải lịch"))
                .isInstanceOf(ICalendars.BrokenCalendarException.class);
        assertThat(ICalendars.replies(ICalendars.request(meeting(null, 0, List.of()), details(), NOW))).isEmpty();
    }

    private static Meeting meeting(String rule, int sequence, List<OccurrenceRecord> exceptions) {
        MeetingRecord record = new MeetingRecord(7, "abc-123@lienthong", "Giao ban, tháng; 12", "Nội dung",
                START, START.plusSeconds(7200), ZONE, rule, START, null, 1, "chu.tri", Visibility.PUBLIC_TO_UNITS,
                MeetingStatus.SCHEDULED, sequence, "ltroom", false, null, "chu.tri", NOW, NOW, null, null);
        return new Meeting(record, List.of(1L), List.of(new Meeting.Participant("chu.tri", ParticipantRole.CHAIR)),
                List.of(), exceptions);
    }

    private static ICalendars.Details details() {
        return new ICalendars.Details("chu.tri@baclieu.gov.vn", "Chủ \"Trì\"", "khong-tra-loi@baclieu.gov.vn",
                "https://lienthong.baclieu.gov.vn/meetings/7", "Nội dung\nhọp", "Họp trực tuyến",
                List.of(new ICalendars.AttendeeEntry("chu.tri@baclieu.gov.vn", "Chủ Trì", false, true,
                                ResponseStatus.ACCEPTED),
                        new ICalendars.AttendeeEntry("an.nguyen@baclieu.gov.vn", "Nguyễn Văn An", false, false,
                                ResponseStatus.ACCEPTED),
                        new ICalendars.AttendeeEntry("vanphong@vinhloi.baclieu.gov.vn", "Văn phòng", true, false,
                                null)),
                Map.of());
    }
}
