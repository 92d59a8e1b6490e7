package vn.lienthong.meetings.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as the suite writes them for people: dd/MM/yyyy, 24-hour HH:mm, Vietnamese weekdays. */
final class Formats {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private Formats() {
    }

    static String weekday(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> "thứ Hai";
            case TUESDAY -> "thứ Ba";
            case WEDNESDAY -> "thứ Tư";
            case THURSDAY -> "thứ Năm";
            case FRIDAY -> "thứ Sáu";
            case SATURDAY -> "thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }

    /** "08:00 – 10:00, thứ Tư, 02/12/2026" (or with both dates when it runs past midnight). */
    static String span(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        if (from.toLocalDate().equals(to.toLocalDate())) {
            return TIME.format(from) + " – " + TIME.format(to) + ", " + weekday(from.getDayOfWeek()) + ", "
                    + DATE.format(from);
        }
        return TIME.format(from) + " " + weekday(from.getDayOfWeek()) + ", " + DATE.format(from) + " – "
                + TIME.format(to) + " " + weekday(to.getDayOfWeek()) + ", " + DATE.format(to);
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** A recurrence rule in words, as far as the common rules go ("hằng tuần vào thứ Hai, 10 lần"). */
    static String recurrence(String rule, ZoneId zone) {
        if (rule == null) {
            return "";
        }
        String freq = "";
        String interval = "1";
        String byDay = "";
        String count = "";
        String until = "";
        for (String part : rule.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).toUpperCase(Locale.ROOT);
            String value = part.substring(eq + 1);
            switch (key) {
                case "FREQ" -> freq = value;
                case "INTERVAL" -> interval = value;
                case "BYDAY" -> byDay = value;
                case "COUNT" -> count = value;
                case "UNTIL" -> until = value;
                default -> { }
            }
        }
        boolean every = "1".equals(interval);
        StringBuilder text = new StringBuilder(switch (freq) {
            case "DAILY" -> every ? "hằng ngày" : interval + " ngày một lần";
            case "WEEKLY" -> every ? "hằng tuần" : interval + " tuần một lần";
            case "MONTHLY" -> every ? "hằng tháng" : interval + " tháng một lần";
            case "YEARLY" -> every ? "hằng năm" : interval + " năm một lần";
            default -> rule;
        });
        if (!byDay.isEmpty()) {
            StringBuilder days = new StringBuilder();
            for (String day : byDay.split(",")) {
                String code = day.length() >= 2 ? day.substring(day.length() - 2) : day;
                String name = switch (code) {
                    case "MO" -> "thứ Hai";
                    case "TU" -> "thứ Ba";
                    case "WE" -> "thứ Tư";
                    case "TH" -> "thứ Năm";
                    case "FR" -> "thứ Sáu";
                    case "SA" -> "thứ Bảy";
                    case "SU" -> "Chủ nhật";
                    default -> day;
                };
                days.append(days.isEmpty() ? "" : ", ").append(name);
            }
            text.append(" vào ").append(days);
        }
        if (!count.isEmpty()) {
            text.append(", ").append(count).append(" lần");
        }
        Instant untilInstant = Timestamps.parseKey(until);
        if (untilInstant != null) {
            text.append(", đến hết ngày ").append(DATE.format(untilInstant.atZone(zone)));
        }
        return text.toString();
    }
}
