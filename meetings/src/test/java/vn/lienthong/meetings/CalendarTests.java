package vn.lienthong.meetings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.directory.Official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Day, week, month and list views per official and per unit, with series, their exceptions and busy entries. */
class CalendarTests extends MeetingsTestSupport {

    @Test
    void weeklySeriesShowsEveryOccurrenceWithItsCancellationAndMove() {
        LocalDateTime start = mondayAt(freshDay(), 8);
        Official member = newOfficial("BL-VL-LT");
        MeetingView series = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Giao ban sáng thứ Hai", start,
                        start.plusHours(1), unit("BL-VL").id(), VINH_LOI_ADMIN)
                .withEndpoints(List.of(unit("BL-VL-LT").id()))
                .withRecurrence("FREQ=WEEKLY;BYDAY=MO;COUNT=4", List.of(start.plusWeeks(3).toLocalDate())))
                .meeting();
        List<Occurrence> occurrences = meetings.occurrences(member.username(), series.id(),
                series.start().toInstant(), series.start().plusWeeks(5).toInstant());
        meetings.cancelOccurrence(VINH_LOI_ADMIN, series.id(), occurrences.get(1).occurrenceId(), "Nghỉ bù");
        meetings.moveOccurrence(VINH_LOI_ADMIN, series.id(), occurrences.get(2).occurrenceId(),
                new OccurrenceChange(start.plusWeeks(2).plusDays(1).withHour(14),
                        start.plusWeeks(2).plusDays(1).withHour(15)));
        meetings.respond(member.username(), series.id(), occurrences.get(0).occurrenceId(), ResponseStatus.DECLINED,
                null);

        CalendarPage month = meetings.unitCalendar(member.username(), unit("BL-VL-LT").id(), CalendarView.LIST,
                start.toLocalDate());

        assertThat(series.excludedDates()).containsExactly(start.plusWeeks(3).toLocalDate());
        assertThat(month.entries()).filteredOn(e -> e.meetingId() == series.id())
                .extracting(e -> e.start().toLocalDateTime() + " " + e.status() + " " + e.myResponse())
                .containsExactly(start + " SCHEDULED DECLINED",
                        start.plusWeeks(1) + " CANCELLED NEEDS_ACTION",
                        start.plusWeeks(2).plusDays(1).withHour(14) + " SCHEDULED NEEDS_ACTION",
                        start.plusWeeks(3) + " CANCELLED NEEDS_ACTION");
        assertThat(month.entries()).filteredOn(e -> e.meetingId() == series.id())
                .allSatisfy(e -> assertThat(e.occurrenceId()).matches("\\d{8}T\\d{6}Z"));
    }

    @Test
    void viewsCoverTheirDaysFromMonday() {
        LocalDate date = LocalDate.of(2027, 2, 17); // a Wednesday
        CalendarPage day = meetings.calendarOf(VINH_LOI_OFFICIAL, null, CalendarView.DAY, date);
        CalendarPage week = meetings.calendarOf(VINH_LOI_OFFICIAL, null, CalendarView.WEEK, date);
        CalendarPage month = meetings.calendarOf(VINH_LOI_OFFICIAL, null, CalendarView.MONTH, date);
        CalendarPage list = meetings.calendarOf(VINH_LOI_OFFICIAL, null, CalendarView.LIST, date);

        assertThat(List.of(day.from(), day.to())).containsExactly(date, date.plusDays(1));
        assertThat(List.of(week.from(), week.to())).containsExactly(LocalDate.of(2027, 2, 15),
                LocalDate.of(2027, 2, 22));
        assertThat(List.of(month.from(), month.to())).containsExactly(LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 3, 1));
        assertThat(List.of(list.from(), list.to())).containsExactly(date, date.plusDays(30));
        assertThat(week.timeZone()).isEqualTo("Asia/Ho_Chi_Minh");
    }

    @Test
    void officialCalendarHoldsNamedAndUnitMeetingsAndTheUnitsShowsPrivateOnesAsBusy() throws Exception {
        int dayOffset = freshDay();
        Official member = newOfficial("BL-VL-CH");
        MeetingView unitMeeting = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp của thị trấn",
                at(dayOffset, 8), at(dayOffset, 9), unit("BL-VL").id(), VINH_LOI_ADMIN)
                .withEndpoints(List.of(unit("BL-VL-CH").id()))).meeting();
        MeetingView named = meetings.schedule(ADMIN, MeetingDraft.of("Họp mời đích danh", at(dayOffset, 14),
                at(dayOffset, 15), unit("BL").id(), PROVINCE_OFFICIAL).withVisibility(Visibility.PRIVATE)
                .withParticipants(List.of(member.username()))).meeting();
        MeetingView secret = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp kín của huyện",
                at(dayOffset, 10), at(dayOffset, 11), unit("BL-VL-CH").id(), VINH_LOI_ADMIN)
                .withVisibility(Visibility.PRIVATE)).meeting();

        CalendarPage mine = meetings.calendarOf(member.username(), null, CalendarView.DAY,
                at(dayOffset, 0).toLocalDate());
        CalendarPage unitDay = meetings.unitCalendar(member.username(), unit("BL-VL-CH").id(), CalendarView.DAY,
                at(dayOffset, 0).toLocalDate());

        assertThat(mine.entries()).extracting(CalendarEntry::meetingId)
                .containsExactly(unitMeeting.id(), named.id());
        assertThat(unitDay.entries()).extracting(e -> e.meetingId() + ":" + e.title() + ":" + e.hidden())
                .containsExactly(unitMeeting.id() + ":Họp của thị trấn:false",
                        secret.id() + ":Bận:true");
        assertThat(unitDay.entries().get(1).host()).isNull();
        mvc.perform(get("/api/v1/meetings/calendar").param("view", "DAY")
                        .param("date", at(dayOffset, 0).toLocalDate().toString())
                        .with(user(member.username()).roles("OFFICIAL")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(2))
                .andExpect(jsonPath("$.entries[0].title").value("Họp của thị trấn"))
                .andExpect(jsonPath("$.entries[0].start").value(at(dayOffset, 8) + ":00+07:00"))
                .andExpect(jsonPath("$.entries[1].myResponse").value("NEEDS_ACTION"));
    }

    private static LocalDateTime mondayAt(int days, int hour) {
        LocalDateTime time = at(days, hour);
        while (time.getDayOfWeek() != DayOfWeek.MONDAY) {
            time = time.plusDays(1);
        }
        return time;
    }
}
