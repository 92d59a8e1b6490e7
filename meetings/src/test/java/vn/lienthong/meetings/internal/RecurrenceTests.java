package vn.lienthong.meetings.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.meetings.MeetingException;
import vn.lienthong.meetings.MeetingStatus;
import vn.lienthong.meetings.Visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recurrence rules through ical4j, and the occurrences of a series with its exceptions. */
class RecurrenceTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Monday 7 December 2026, 08:00. */
    private static final ZonedDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 8, 0).atZone(ZONE);

    @Test
    void weeklyRuleGivesEveryMondayAtTheSameLocalTime() {
        String rule = Recurrence.normalize("rrule:freq=weekly;byday=MO;count=4", MONDAY, 500, 5);

        List<ZonedDateTime> starts = Recurrence.starts(rule, MONDAY, MONDAY.toInstant(),
                MONDAY.plusYears(1).toInstant(), 100);

        assertThat(rule).isEqualTo("FREQ=WEEKLY;COUNT=4;BYDAY=MO");
        assertThat(starts).extracting(z -> z.toLocalDateTime().toString())
                .containsExactly("2026-12-07T08:00", "2026-12-14T08:00", "2026-12-21T08:00", "2026-12-28T08:00");
        assertThat(Recurrence.lastStart(rule, MONDAY, 6)).isEqualTo(MONDAY.plusWeeks(3).toInstant());
    }

    @Test
    void untilAsADateMeansTheEndOfThatDayInTheSuitesZone() {
        String rule = Recurrence.normalize("FREQ=DAILY;UNTIL=20261209", MONDAY, 500, 5);

        assertThat(rule).isEqualTo("FREQ=DAILY;UNTIL=20261209T165959Z");
        assertThat(Recurrence.starts(rule, MONDAY, MONDAY.toInstant(), MONDAY.plusDays(30).toInstant(), 100))
                .hasSize(3);
    }

    @Test
    void windowInTheMiddleOfASeriesCountsFromTheFirstOccurrence() {
        String rule = Recurrence.normalize("FREQ=WEEKLY;BYDAY=MO;COUNT=3", MONDAY, 500, 5);

        List<ZonedDateTime> starts = Recurrence.starts(rule, MONDAY, MONDAY.plusDays(10).toInstant(),
                MONDAY.plusYears(1).toInstant(), 100);

        assertThat(starts).extracting(ZonedDateTime::toLocalDate).extracting(Object::toString)
                .containsExactly("2026-12-21");
    }

    @Test
    void refusesRulesThatAreNotMeetingRules() {
        assertThatThrownBy(() -> Recurrence.normalize("FREQ=HOURLY", MONDAY, 500, 5))
                .isInstanceOfSatisfying(MeetingException.class, e -> {
                    assertThat(e.field()).isEqualTo("recurrence");
                    assertThat(e.getMessage()).contains("ngày, tuần, tháng hoặc năm");
                });
        assertThatThrownBy(() -> Recurrence.normalize("hằng tuần", MONDAY, 500, 5))
                .hasMessageContaining("không hợp lệ");
        assertThatThrownBy(() -> Recurrence.normalize("FREQ=WEEKLY;COUNT=900", MONDAY, 500, 5))
                .hasMessage("Chuỗi họp tối đa 500 lần (COUNT).");
        assertThatThrownBy(() -> Recurrence.normalize("FREQ=YEARLY;UNTIL=20401231", MONDAY, 500, 5))
                .hasMessage("Chuỗi họp kéo dài tối đa 5 năm (UNTIL).");
        assertThatThrownBy(() -> Recurrence.normalize("FREQ=MONTHLY;COUNT=100", MONDAY, 500, 5))
                .hasMessage("Chuỗi họp kéo dài tối đa 5 năm.");
    }

    @Test
    void startMustBeTheFirstOccurrenceOfTheRule() {
        assertThatThrownBy(() -> Recurrence.normalize("FREQ=WEEKLY;BYDAY=TU", MONDAY, 500, 5))
                .hasMessageStartingWith("Giờ bắt đầu phải là buổi đầu tiên của quy tắc lặp");
    }

    @Test
    void cancelledOccurrenceStaysListedAsCancelledAndMovedOneIsListedAtItsNewTime() {
        String rule = Recurrence.normalize("FREQ=WEEKLY;BYDAY=MO;COUNT=4", MONDAY, 500, 5);
        MeetingRecord series = series(rule);
        Instant second = MONDAY.plusWeeks(1).toInstant();
        Instant third = MONDAY.plusWeeks(2).toInstant();
        Instant thirdMovedTo = MONDAY.plusWeeks(2).plusDays(1).plusHours(6).toInstant();
        List<OccurrenceRecord> exceptions = List.of(
                new OccurrenceRecord(Timestamps.key(second), second, true, null, null, "Nghỉ lễ"),
                new OccurrenceRecord(Timestamps.key(third), third, false, thirdMovedTo,
                        thirdMovedTo.plusSeconds(7200), null));

        List<Schedule.Slot> slots = Schedule.overlapping(series, exceptions, MONDAY.toInstant(),
                MONDAY.plusMonths(2).toInstant());

        assertThat(slots).extracting(Schedule.Slot::key)
                .containsExactly("20261207T010000Z", "20261214T010000Z", "20261221T010000Z",
                        "20261228T010000Z");
        assertThat(slots.get(1).cancelled()).isTrue();
        assertThat(slots.get(2).moved()).isTrue();
        assertThat(slots.get(2).start()).isEqualTo(thirdMovedTo);
        assertThat(Schedule.find(series, exceptions, "20261221T010000Z").start()).isEqualTo(thirdMovedTo);
        assertThat(Schedule.find(series, exceptions, "20261222T010000Z")).as("not an occurrence").isNull();
    }

    @Test
    void movedOccurrenceIsFoundInTheWindowOfItsNewTimeOnly() {
        String rule = Recurrence.normalize("FREQ=WEEKLY;BYDAY=MO;COUNT=4", MONDAY, 500, 5);
        Instant third = MONDAY.plusWeeks(2).toInstant();
        Instant movedTo = MONDAY.plusWeeks(5).toInstant();
        List<OccurrenceRecord> exceptions = List.of(new OccurrenceRecord(Timestamps.key(third), third, false,
                movedTo, movedTo.plusSeconds(3600), null));

        List<Schedule.Slot> weekOfThird = Schedule.overlapping(series(rule), exceptions, third.minusSeconds(3600),
                third.plusSeconds(86_400));
        List<Schedule.Slot> weekOfMove = Schedule.overlapping(series(rule), exceptions, movedTo.minusSeconds(3600),
                movedTo.plusSeconds(86_400));

        assertThat(weekOfThird).isEmpty();
        assertThat(weekOfMove).singleElement().satisfies(slot -> {
            assertThat(slot.key()).isEqualTo(Timestamps.key(third));
            assertThat(slot.originalStart()).isEqualTo(third);
        });
    }

    private static MeetingRecord series(String rule) {
        Instant start = MONDAY.toInstant();
        return new MeetingRecord(1, "uid", "Giao ban", "", start, start.plusSeconds(7200), ZONE, rule, start, null,
                1, "chair", Visibility.PUBLIC_TO_UNITS, MeetingStatus.SCHEDULED, 0, "room", false, null, "chair",
                start, start, null, null);
    }
}
