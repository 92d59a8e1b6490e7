package vn.lienthong.app.shell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Dates as Vietnamese officials write them, in the suite's time zone, whatever the page's language:
 * {@code ${#when.date(x)}} gives 28/11/2025, {@code ${#when.dateTime(x)}} 28/11/2025 14:05, {@code ${#when.time(x)}}
 * 14:05. Accepts {@link Instant}, {@link ZonedDateTime}, {@link OffsetDateTime}, {@link LocalDateTime},
 * {@link LocalDate} and {@link Date}; {@code null} gives an empty string.
 */
@Component
public class DateFormatting extends AbstractDialect implements IExpressionObjectDialect {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Dates dates;

    DateFormatting(@Value("${lienthong.time-zone:Asia/Ho_Chi_Minh}") ZoneId zone) {
        super("lienthong-dates");
        this.dates = new Dates(zone);
    }

    public Dates dates() {
        return dates;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("when");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return dates;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** The formatting functions; also usable from Java. */
    public static final class Dates {

        private final ZoneId zone;

        Dates(ZoneId zone) {
            this.zone = zone;
        }

        public ZoneId zone() {
            return zone;
        }

        /** Today in the suite's time zone. */
        public LocalDate today() {
            return LocalDate.now(zone);
        }

        public String date(Object value) {
            return format(value, DATE);
        }

        public String dateTime(Object value) {
            return format(value, DATE_TIME);
        }

        public String time(Object value) {
            return format(value, TIME);
        }

        private String format(Object value, DateTimeFormatter formatter) {
            TemporalAccessor temporal;
            if (value == null) {
                return "";
            }
            else if (value instanceof Instant instant) {
                temporal = instant.atZone(zone);
            }
            else if (value instanceof ZonedDateTime zoned) {
                temporal = zoned.withZoneSameInstant(zone);
            }
            else if (value instanceof OffsetDateTime offset) {
                temporal = offset.atZoneSameInstant(zone);
            }
            else if (value instanceof Date date) {
                temporal = date.toInstant().atZone(zone);
            }
            else if (value instanceof LocalDateTime local) {
                temporal = local;
            }
            else if (value instanceof LocalDate local) {
                if (formatter == TIME) {
                    return "";
                }
                temporal = formatter == DATE ? local : local.atStartOfDay();
            }
            else {
                throw new IllegalArgumentException("Not a date: " + value.getClass().getName());
            }
            return formatter.format(temporal);
        }
    }
}
