package vn.lienthong.meetings;

import java.time.LocalDate;
import java.util.List;

/**
 * A calendar view: the occurrences that overlap {@code [from, to)}, ordered by start.
 *
 * @param date the date asked for
 * @param from first day shown (a Monday for WEEK and MONTH)
 * @param to   the day after the last day shown
 */
public record CalendarPage(CalendarView view, LocalDate date, LocalDate from, LocalDate to, String timeZone,
                           List<CalendarEntry> entries) {

    public CalendarPage {
        entries = List.copyOf(entries);
    }
}
