package vn.lienthong.meetings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import vn.lienthong.meetings.MeetingException;

/**
 * Recurrence rules (RRULE, RFC 5545 §3.3.10) through ical4j: validation of what schedulers type, and the starts of
 * the occurrences in a window. Rules are kept in a canonical form: UNTIL in UTC ({@code 20270115T165959Z}).
 */
final class Recurrence {

    private static final Set<Frequency> ALLOWED = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY,
            Frequency.YEARLY);
    private static final String FIELD = "recurrence";

    private Recurrence() {
    }

    /**
     * The rule checked and in canonical form: DAILY to YEARLY, at most {@code maxCount} occurrences or an UNTIL
     * within {@code maxYears}, and {@code start} must be its first occurrence.
     */
    static String normalize(String rule, ZonedDateTime start, int maxCount, int maxYears) {
        String text = rule.strip();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        text = text.toUpperCase(Locale.ROOT);
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(text);
        }
        catch (RuntimeException ex) {
            throw MeetingException.invalid(FIELD, "Quy tắc lặp \"" + rule.strip() + "\" không hợp lệ. Ví dụ đúng: "
                    + "FREQ=WEEKLY;BYDAY=MO;COUNT=10 (hằng tuần vào thứ Hai, 10 lần).");
        }
        if (recur.getFrequency() == null || !ALLOWED.contains(recur.getFrequency())) {
            throw MeetingException.invalid(FIELD, "Cuộc họp chỉ lặp theo ngày, tuần, tháng hoặc năm "
                    + "(FREQ=DAILY, WEEKLY, MONTHLY hoặc YEARLY).");
        }
        if (recur.getCount() > 0 && recur.getUntil() != null) {
            throw MeetingException.invalid(FIELD, "Quy tắc lặp không được có cả COUNT và UNTIL.");
        }
        if (recur.getCount() > maxCount) {
            throw MeetingException.invalid(FIELD, "Chuỗi họp tối đa " + maxCount + " lần (COUNT).");
        }
        Instant until = until(recur, start.getZone());
        if (until != null) {
            if (!until.isAfter(start.toInstant())) {
                throw MeetingException.invalid(FIELD, "Ngày kết thúc lặp (UNTIL) phải sau buổi họp đầu tiên.");
            }
            if (until.isAfter(start.plusYears(maxYears).toInstant())) {
                throw MeetingException.invalid(FIELD, "Chuỗi họp kéo dài tối đa " + maxYears + " năm (UNTIL).");
            }
            text = withUntil(text, Timestamps.key(until));
            recur = new Recur<>(text);
        }
        List<ZonedDateTime> first = recur.getDates(start, start, start.plusYears(maxYears), 1);
        if (first.isEmpty() || !first.get(0).toInstant().equals(start.toInstant())) {
            throw MeetingException.invalid(FIELD, "Giờ bắt đầu phải là buổi đầu tiên của quy tắc lặp (ví dụ: lặp "
                    + "vào thứ Hai thì ngày bắt đầu phải là một thứ Hai).");
        }
        String canonical = recur.toString();
        Instant last = lastStart(canonical, start, maxYears + 1);
        if (last != null && last.isAfter(start.plusYears(maxYears).toInstant())) {
            throw MeetingException.invalid(FIELD, "Chuỗi họp kéo dài tối đa " + maxYears + " năm.");
        }
        return canonical;
    }

    /**
     * The starts of the occurrences starting in {@code [from, to)}, at most {@code max}, in order. Excluded dates and
     * moves are not applied here (see {@link Schedule}).
     */
    static List<ZonedDateTime> starts(String rule, ZonedDateTime seed, Instant from, Instant to, int max) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        ZoneId zone = seed.getZone();
        ZonedDateTime periodStart = from.isBefore(seed.toInstant()) ? seed : from.atZone(zone);
        ZonedDateTime periodEnd = to.atZone(zone);
        if (!periodEnd.isAfter(periodStart)) {
            return List.of();
        }
        try (Stream<ZonedDateTime> dates = new Recur<ZonedDateTime>(rule)
                .getDatesAsStream(seed, periodStart, periodEnd, -1)) {
            return dates.filter(d -> !d.toInstant().isBefore(from) && d.toInstant().isBefore(to))
                    .limit(max)
                    .toList();
        }
    }

    /**
     * Start of the last occurrence, or {@code null} for a rule without COUNT or UNTIL. Looks no further than
     * {@code horizonYears} after the seed.
     */
    static Instant lastStart(String rule, ZonedDateTime seed, int horizonYears) {
        Recur<ZonedDateTime> recur = new Recur<>(rule);
        if (recur.getCount() <= 0 && recur.getUntil() == null) {
            return null;
        }
        try (Stream<ZonedDateTime> dates = recur.getDatesAsStream(seed, seed, seed.plusYears(horizonYears), -1)) {
            return dates.reduce((first, second) -> second).map(ZonedDateTime::toInstant).orElse(seed.toInstant());
        }
    }

    /** UNTIL as an instant: a date means the end of that day in the meeting's time zone. */
    private static Instant until(Recur<?> recur, ZoneId zone) {
        Object until = recur.getUntil();
        if (until == null) {
            return null;
        }
        if (until instanceof LocalDate date) {
            return date.plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant();
        }
        if (until instanceof Instant instant) {
            return instant;
        }
        if (until instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (until instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (until instanceof java.time.LocalDateTime ldt) {
            return ldt.atZone(zone).toInstant();
        }
        if (until instanceof Temporal temporal) {
            return Instant.from(temporal);
        }
        return null;
    }

    private static String withUntil(String rule, String utc) {
        StringBuilder out = new StringBuilder();
        for (String part : rule.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(part.startsWith("UNTIL=") ? "UNTIL=" + utc : part);
        }
        return out.toString();
    }
}
