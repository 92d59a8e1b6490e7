package vn.lienthong.app.meetings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.meetings.CalendarEntry;
import vn.lienthong.meetings.CalendarPage;
import vn.lienthong.meetings.CalendarView;

/**
 * A {@link CalendarPage} laid out for the page: the days shown (each with the occurrences that overlap it), the weeks
 * of a month, the neighbouring pages for "trước" / "sau", and the heading ("Tháng 12/2026").
 */
record CalendarGrid(CalendarView view, LocalDate date, List<Day> days, List<List<Day>> weeks, LocalDate previous,
                    LocalDate next, String heading) {

    record Day(LocalDate date, boolean inMonth, boolean today, List<CalendarEntry> entries) {

        /** "Thứ Hai", ..., "Chủ nhật". */
        public String weekday() {
            return weekday(date.getDayOfWeek());
        }

        static String weekday(DayOfWeek day) {
            return day == DayOfWeek.SUNDAY ? "Chủ nhật" : "Thứ " + switch (day) {
                case MONDAY -> "Hai";
                case TUESDAY -> "Ba";
                case WEDNESDAY -> "Tư";
                case THURSDAY -> "Năm";
                case FRIDAY -> "Sáu";
                default -> "Bảy";
            };
        }
    }

    static CalendarGrid of(CalendarPage page, LocalDate today) {
        List<Day> days = new ArrayList<>();
        for (LocalDate day = page.from(); day.isBefore(page.to()); day = day.plusDays(1)) {
            LocalDate current = day;
            List<CalendarEntry> entries = page.entries().stream().filter(entry -> overlaps(entry, current)).toList();
            if (page.view() == CalendarView.LIST && entries.isEmpty()) {
                continue;
            }
            days.add(new Day(day, page.view() != CalendarView.MONTH || day.getMonth() == page.date().getMonth(),
                    day.equals(today), entries));
        }
        List<List<Day>> weeks = new ArrayList<>();
        if (page.view() == CalendarView.MONTH) {
            for (int i = 0; i < days.size(); i += 7) {
                weeks.add(days.subList(i, Math.min(days.size(), i + 7)));
            }
        }
        LocalDate date = page.date();
        LocalDate previous;
        LocalDate next;
        String heading;
        switch (page.view()) {
            case DAY -> {
                previous = date.minusDays(1);
                next = date.plusDays(1);
                heading = Day.weekday(date.getDayOfWeek()) + ", " + MeetingForm.DATE.format(date);
            }
            case WEEK -> {
                previous = date.minusWeeks(1);
                next = date.plusWeeks(1);
                heading = span(page);
            }
            case MONTH -> {
                previous = date.minusMonths(1).withDayOfMonth(1);
                next = date.plusMonths(1).withDayOfMonth(1);
                heading = "Tháng " + date.getMonthValue() + "/" + date.getYear();
            }
            default -> {
                long length = page.to().toEpochDay() - page.from().toEpochDay();
                previous = date.minusDays(length);
                next = date.plusDays(length);
                heading = span(page);
            }
        }
        return new CalendarGrid(page.view(), date, days, weeks, previous, next, heading);
    }

    private static String span(CalendarPage page) {
        return MeetingForm.DATE.format(page.from()) + " – " + MeetingForm.DATE.format(page.to().minusDays(1));
    }

    /** Monday to Sunday, for the month's column heads. */
    public List<String> weekdays() {
        List<String> names = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            names.add(Day.weekday(day));
        }
        return names;
    }

    private static boolean overlaps(CalendarEntry entry, LocalDate day) {
        LocalDate first = entry.start().toLocalDate();
        // An occurrence ending at midnight does not reach into the next day.
        LocalDate last = entry.end().minusNanos(1).toLocalDate();
        return !day.isBefore(first) && !day.isAfter(last.isBefore(first) ? first : last);
    }
}
