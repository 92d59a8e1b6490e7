package vn.lienthong.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants in and out of {@code timestamp with time zone}, the same way on H2 and PostgreSQL, and the UTC form
 * iCalendar uses for occurrence ids ({@code 20261202T010000Z}).
 */
final class Timestamps {

    private static final DateTimeFormatter ICAL_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** At the precision both databases store (microseconds), so what is written equals what is read back. */
    static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime in(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant out(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** The occurrence id of a series' occurrence: its original start in UTC, seconds precision. */
    static String key(Instant originalStart) {
        return ICAL_UTC.format(originalStart);
    }

    /** The instant an occurrence id names, or {@code null} if it is not one. */
    static Instant parseKey(String key) {
        if (key == null || key.length() != 16) {
            return null;
        }
        try {
            return ICAL_UTC.parse(key, Instant::from);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }
}
