package vn.lienthong.app.meetings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The form's common repeat choices and the RRULE values they stand for, all anchored on the first meeting's day
 * (the meetings module requires the start to be the rule's first occurrence): "Hằng tuần" on a Monday is
 * {@code FREQ=WEEKLY;BYDAY=MO}, "Hằng tháng, thứ Hai đầu tiên" {@code FREQ=MONTHLY;BYDAY=1MO}. Any other rule is
 * typed as is ({@link Choice#CUSTOM}). The end is a number of meetings ({@code COUNT}) or a last day
 * ({@code UNTIL}, a date).
 */
final class Recurrences {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.BASIC_ISO_DATE;

    enum Choice {
        NONE, DAILY, WEEKDAYS, WEEKLY, MONTHLY_DAY, MONTHLY_WEEKDAY, YEARLY, CUSTOM
    }

    /** A rule read back into the form's terms. */
    record Parsed(Choice choice, Integer count, LocalDate until) {
    }

    private Recurrences() {
    }

    /** The RRULE value of a choice for a series starting on {@code first}, or {@code null} for a single meeting. */
    static String rule(Choice choice, LocalDate first, Integer count, LocalDate until, String custom) {
        String base = switch (choice == null ? Choice.NONE : choice) {
            case NONE -> null;
            case DAILY -> "FREQ=DAILY";
            case WEEKDAYS -> "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
            case WEEKLY -> "FREQ=WEEKLY;BYDAY=" + day(first.getDayOfWeek());
            case MONTHLY_DAY -> "FREQ=MONTHLY;BYMONTHDAY=" + first.getDayOfMonth();
            case MONTHLY_WEEKDAY -> "FREQ=MONTHLY;BYDAY=" + ordinal(first) + day(first.getDayOfWeek());
            case YEARLY -> "FREQ=YEARLY";
            case CUSTOM -> custom == null || custom.isBlank() ? null : custom.strip();
        };
        if (base == null || choice == Choice.CUSTOM) {
            return base;
        }
        if (count != null) {
            return base + ";COUNT=" + count;
        }
        return until == null ? base : base + ";UNTIL=" + UNTIL.format(until);
    }

    /** The choice a stored rule came from (CUSTOM when it is none of them). */
    static Parsed parse(String rule, LocalDate first) {
        if (rule == null || rule.isBlank()) {
            return new Parsed(Choice.NONE, null, null);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rule.strip().toUpperCase(Locale.ROOT).split(";")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2) {
                parts.put(pair[0], pair[1]);
            }
        }
        Integer count = null;
        LocalDate until = null;
        try {
            count = parts.containsKey("COUNT") ? Integer.valueOf(parts.remove("COUNT")) : null;
            String last = parts.remove("UNTIL");
            until = last == null ? null : LocalDate.parse(last.substring(0, 8), UNTIL);
        }
        catch (RuntimeException e) {
            return new Parsed(Choice.CUSTOM, null, null);
        }
        for (Choice choice : Choice.values()) {
            if (choice == Choice.NONE || choice == Choice.CUSTOM) {
                continue;
            }
            String expected = rule(choice, first, null, null, null);
            if (expected.equals(String.join(";", parts.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()))) {
                return new Parsed(choice, count, until);
            }
        }
        return new Parsed(Choice.CUSTOM, null, null);
    }

    private static String day(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    /** 1 to 4 for the first to fourth such weekday of the month, -1 for the fifth (the last). */
    private static String ordinal(LocalDate day) {
        int n = (day.getDayOfMonth() - 1) / 7 + 1;
        return n > 4 ? "-1" : Integer.toString(n);
    }
}
