package vn.lienthong.meetings.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.SentBy;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Clazz;
import net.fortuna.ical4j.model.property.Comment;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.model.property.XProperty;

import vn.lienthong.meetings.ResponseStatus;

/**
 * iCalendar objects of the meetings (RFC 5545), as iTIP (RFC 5546) methods: REQUEST (the series with its
 * EXDATEs, plus one VEVENT per moved occurrence under its RECURRENCE-ID), CANCEL (the meeting, or one RECURRENCE-ID)
 * and PUBLISH (the private feeds); and the reading of REPLYs. Written with ical4j, times with TZID and a
 * VTIMEZONE; the UID never changes and SEQUENCE is the meeting's.
 */
final class ICalendars {

    static final String PRODID = "-//Lien Thong//Lich hop//VI";

    /** A zone without a transition since then is written as one STANDARD observance. */
    private static final Instant STEADY_SINCE = Instant.parse("1980-01-01T00:00:00Z");

    private ICalendars() {
    }

    /** Who is on the ATTENDEE list, with the answer to put in PARTSTAT. */
    record AttendeeEntry(String email, String name, boolean group, boolean chair, ResponseStatus response) {
    }

    /**
     * Everything the VEVENTs carry besides the meeting itself.
     *
     * @param organizer       ORGANIZER: the chair's address and name (iMIP replies go there)
     * @param sentBy          the system address the mail leaves from (ORGANIZER's SENT-BY), or {@code null}
     * @param url             the meeting page
     * @param description     DESCRIPTION text
     * @param location        LOCATION text
     * @param attendees       ATTENDEE list
     * @param occurrenceAnswers per occurrence key, the answers to put on that occurrence's override
     */
    record Details(String organizerEmail, String organizerName, String sentBy, String url, String description,
                   String location, List<AttendeeEntry> attendees,
                   Map<String, Map<String, ResponseStatus>> occurrenceAnswers) {
    }

    /** METHOD:REQUEST: the series (or single meeting) and one override per moved occurrence. */
    static String request(Meeting meeting, Details details, Instant now) {
        Calendar calendar = calendar("REQUEST", meeting.record().zone());
        calendar.add(master(meeting, details, now));
        for (OccurrenceRecord exception : meeting.exceptions()) {
            if (exception.moved() && !exception.cancelled()) {
                calendar.add(override(meeting, exception, details, now, false));
            }
        }
        return text(calendar);
    }

    /**
     * METHOD:CANCEL of the whole meeting ({@code occurrenceKey == null}) or of one occurrence, to {@code attendees}.
     */
    static String cancel(Meeting meeting, String occurrenceKey, Details details, Instant now) {
        Calendar calendar = calendar("CANCEL", meeting.record().zone());
        if (occurrenceKey == null || occurrenceKey.isEmpty()) {
            VEvent event = master(meeting, details, now);
            event.replace(new Status(Status.VALUE_CANCELLED));
            calendar.add(event);
        }
        else {
            OccurrenceRecord exception = meeting.exception(occurrenceKey).orElse(new OccurrenceRecord(occurrenceKey,
                    Timestamps.parseKey(occurrenceKey), true, null, null, null));
            calendar.add(override(meeting, exception, details, now, true));
        }
        return text(calendar);
    }

    /**
     * METHOD:REPLY (RFC 5546 §3.2.3) of one attendee to the organiser, for an answer given on the meeting page: the
     * UID and SEQUENCE answered, the series or one occurrence (RECURRENCE-ID, {@code occurrenceKey} non-empty), the
     * ORGANIZER, and only the answering ATTENDEE with its PARTSTAT (and COMMENT when there is one).
     */
    static String reply(Meeting meeting, String occurrenceKey, String organizerEmail, String organizerName,
                        AttendeeEntry attendee, String comment, Instant now) {
        MeetingRecord m = meeting.record();
        Calendar calendar = calendar("REPLY", m.zone());
        VEvent event = new VEvent(false);
        event.add(new Uid(m.uid()));
        event.add(new DtStamp(now));
        event.add(new Sequence(m.sequence()));
        if (occurrenceKey != null && !occurrenceKey.isEmpty()) {
            Instant original = Timestamps.parseKey(occurrenceKey);
            OccurrenceRecord exception = meeting.exception(occurrenceKey).orElse(null);
            Instant start = exception != null && exception.moved() ? exception.startAt() : original;
            Instant end = exception != null && exception.moved() ? exception.endAt() : original.plus(m.duration());
            event.add(new RecurrenceId<>(original.atZone(m.zone())));
            event.add(new DtStart<>(start.atZone(m.zone())));
            event.add(new DtEnd<>(end.atZone(m.zone())));
        }
        else {
            event.add(new DtStart<>(m.startAt().atZone(m.zone())));
            event.add(new DtEnd<>(m.endAt().atZone(m.zone())));
        }
        event.add(new Summary(m.title()));
        if (organizerEmail != null) {
            Organizer organizer = new Organizer(URI.create("mailto:" + organizerEmail));
            organizer.add(new Cn(name(organizerName)));
            event.add(organizer);
        }
        Attendee answering = new Attendee(URI.create("mailto:" + attendee.email()));
        if (attendee.name() != null && !attendee.name().isBlank()) {
            answering.add(new Cn(name(attendee.name())));
        }
        answering.add(new PartStat(attendee.response().partstat()));
        event.add(answering);
        if (comment != null && !comment.isBlank()) {
            event.add(new Comment(comment));
        }
        calendar.add(event);
        return text(calendar);
    }

    /** METHOD:PUBLISH of several meetings, for a calendar program's subscription. */
    static String publish(String name, ZoneId zone, List<Map.Entry<Meeting, Details>> meetings, Instant now) {
        Calendar calendar = calendar("PUBLISH", zone);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        for (Map.Entry<Meeting, Details> entry : meetings) {
            Meeting meeting = entry.getKey();
            calendar.add(master(meeting, entry.getValue(), now));
            for (OccurrenceRecord exception : meeting.exceptions()) {
                if (exception.moved() && !exception.cancelled()) {
                    calendar.add(override(meeting, exception, entry.getValue(), now, false));
                }
            }
        }
        return text(calendar);
    }

    /** The calendar as iCalendar text, long lines folded (RFC 5545 §3.1), CRLF line ends. */
    private static String text(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static Calendar calendar(String method, ZoneId zone) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new Method(method));
        calendar.add(timeZone(zone));
        return calendar;
    }

    private static VEvent master(Meeting meeting, Details details, Instant now) {
        MeetingRecord m = meeting.record();
        ZonedDateTime start = m.startAt().atZone(m.zone());
        ZonedDateTime end = m.endAt().atZone(m.zone());
        VEvent event = new VEvent(false);
        event.add(new Uid(m.uid()));
        event.add(new DtStamp(now));
        event.add(new Sequence(m.sequence()));
        event.add(new DtStart<>(start));
        event.add(new DtEnd<>(end));
        if (m.recurrence() != null) {
            event.add(new RRule<>(m.recurrence()));
            List<ZonedDateTime> excluded = meeting.exceptions().stream()
                    .filter(OccurrenceRecord::cancelled)
                    .map(e -> e.originalStart().atZone(m.zone()))
                    .toList();
            if (!excluded.isEmpty()) {
                ExDate<ZonedDateTime> exDate = new ExDate<>(new DateList<>(excluded));
                exDate.add(new TzId(m.zone().getId()));
                event.add(exDate);
            }
        }
        describe(event, meeting, details, now, Map.of());
        event.add(new Status(m.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        return event;
    }

    private static VEvent override(Meeting meeting, OccurrenceRecord exception, Details details, Instant now,
                                   boolean cancel) {
        MeetingRecord m = meeting.record();
        Instant start = exception.moved() ? exception.startAt() : exception.originalStart();
        Instant end = exception.moved() ? exception.endAt() : exception.originalStart().plus(m.duration());
        VEvent event = new VEvent(false);
        event.add(new Uid(m.uid()));
        event.add(new DtStamp(now));
        event.add(new Sequence(m.sequence()));
        event.add(new RecurrenceId<>(exception.originalStart().atZone(m.zone())));
        event.add(new DtStart<>(start.atZone(m.zone())));
        event.add(new DtEnd<>(end.atZone(m.zone())));
        describe(event, meeting, details, now,
                details.occurrenceAnswers().getOrDefault(exception.key(), Map.of()));
        event.add(new Status(cancel ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        return event;
    }

    private static void describe(VEvent event, Meeting meeting, Details details, Instant now,
                                 Map<String, ResponseStatus> occurrenceAnswers) {
        MeetingRecord m = meeting.record();
        event.add(new Summary(m.title()));
        if (details.description() != null && !details.description().isBlank()) {
            event.add(new Description(details.description()));
        }
        if (details.location() != null && !details.location().isBlank()) {
            event.add(new Location(details.location()));
        }
        if (details.url() != null) {
            event.add(new Url(URI.create(details.url())));
        }
        event.add(new Clazz(m.isPublic() ? Clazz.VALUE_PUBLIC : Clazz.VALUE_PRIVATE));
        event.add(new LastModified(m.updatedAt() == null ? now : m.updatedAt()));
        if (details.organizerEmail() != null) {
            Organizer organizer = new Organizer(URI.create("mailto:" + details.organizerEmail()));
            organizer.add(new Cn(name(details.organizerName())));
            if (details.sentBy() != null && !details.sentBy().equalsIgnoreCase(details.organizerEmail())) {
                organizer.add(new SentBy(URI.create("mailto:" + details.sentBy())));
            }
            event.add(organizer);
        }
        for (AttendeeEntry entry : details.attendees()) {
            Attendee attendee = new Attendee(URI.create("mailto:" + entry.email()));
            if (entry.name() != null && !entry.name().isBlank()) {
                attendee.add(new Cn(name(entry.name())));
            }
            attendee.add(entry.group() ? CuType.GROUP : CuType.INDIVIDUAL);
            attendee.add(entry.chair() ? Role.CHAIR : Role.REQ_PARTICIPANT);
            ResponseStatus answer = occurrenceAnswers.getOrDefault(entry.email().toLowerCase(Locale.ROOT),
                    entry.response());
            attendee.add(new PartStat(answer == null ? ResponseStatus.NEEDS_ACTION.partstat() : answer.partstat()));
            if (!entry.chair()) {
                attendee.add(new Rsvp(true));
            }
            event.add(attendee);
        }
    }

    /** Parameter values may not hold double quotes at all (RFC 5545 §3.2): drop them. */
    private static String name(String name) {
        return name == null ? "" : name.replace("\"", "").replace("\r", " ").replace("\n", " ").strip();
    }

    // ------------------------------------------------------------------------------------- time zones

    /**
     * A VTIMEZONE for the zone: for a zone without daylight saving (Asia/Ho_Chi_Minh has been +07:00 since 1975) a
     * single STANDARD observance, which every client reads; otherwise ical4j's bundled definition.
     */
    private static VTimeZone timeZone(ZoneId zone) {
        boolean steady = zone.getRules().getTransitionRules().isEmpty()
                && zone.getRules().getTransitions().stream().noneMatch(t -> t.getInstant().isAfter(STEADY_SINCE));
        if (!steady) {
            return TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone.getId()).getVTimeZone();
        }
        String offset = zone.getRules().getOffset(STEADY_SINCE).getId().replace(":", "");
        offset = "Z".equals(offset) ? "+0000" : offset;
        String name = "Asia/Ho_Chi_Minh".equals(zone.getId()) ? "ICT" : offset;
        String text = "BEGIN:VCALENDAR\r\nPRODID:" + PRODID + "\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:"
                + zone.getId() + "\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:" + offset
                + "\r\nTZOFFSETTO:" + offset + "\r\nTZNAME:" + name
                + "\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n";
        try {
            return (VTimeZone) new CalendarBuilder().build(new StringReader(text))
                    .getComponent(Component.VTIMEZONE).orElseThrow();
        }
        catch (IOException | ParserException ex) {
            throw new IllegalStateException("VTIMEZONE for " + zone, ex);
        }
    }

    // ---------------------------------------------------------------------------------------- replies

    /**
     * One answer found in an iTIP REPLY.
     *
     * @param occurrenceInstant the RECURRENCE-ID as an instant, or {@code null} for the series
     * @param sequence          the SEQUENCE the attendee answered, or {@code null}
     */
    record Reply(String uid, Instant occurrenceInstant, LocalDateTime floatingOccurrence, Integer sequence,
                 String attendeeEmail, ResponseStatus status, String comment) {
    }

    /** Thrown for text that is not iCalendar at all; the caller logs it and goes on. */
    static final class BrokenCalendarException extends Exception {
        BrokenCalendarException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The answers of a REPLY (one per VEVENT and ATTENDEE with a PARTSTAT we take); empty if it is no REPLY. */
    static List<Reply> replies(String ics) throws BrokenCalendarException {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        }
        catch (IOException | ParserException | RuntimeException ex) {
            throw new BrokenCalendarException("not readable as iCalendar: " + ex.getMessage(), ex);
        }
        String method = calendar.getProperty(Property.METHOD).map(Property::getValue).orElse("");
        if (!"REPLY".equalsIgnoreCase(method.strip())) {
            return List.of();
        }
        List<Reply> replies = new ArrayList<>();
        for (Component component : calendar.getComponents(Component.VEVENT)) {
            String uid = component.getProperty(Property.UID).map(Property::getValue).orElse(null);
            if (uid == null || uid.isBlank()) {
                continue;
            }
            Instant occurrence = null;
            LocalDateTime floating = null;
            Optional<Property> recurrenceId = component.getProperty(Property.RECURRENCE_ID);
            if (recurrenceId.isPresent() && recurrenceId.get() instanceof RecurrenceId<?> id) {
                Temporal date = id.getDate();
                if (date instanceof ZonedDateTime zoned) {
                    occurrence = zoned.toInstant();
                }
                else if (date instanceof OffsetDateTime offset) {
                    occurrence = offset.toInstant();
                }
                else if (date instanceof Instant instant) {
                    occurrence = instant;
                }
                else if (date instanceof LocalDateTime local) {
                    floating = local;
                }
            }
            Integer sequence = component.getProperty(Property.SEQUENCE).map(Property::getValue)
                    .map(ICalendars::integer).orElse(null);
            String comment = component.getProperty(Property.COMMENT).map(Property::getValue).orElse(null);
            for (Property property : component.getProperties(Property.ATTENDEE)) {
                String address = property.getValue();
                if (address == null || !address.regionMatches(true, 0, "mailto:", 0, 7)) {
                    continue;
                }
                ResponseStatus status = property.getParameter(Parameter.PARTSTAT).map(Parameter::getValue)
                        .map(ResponseStatus::fromPartstat).orElse(null);
                if (status == null) {
                    continue;
                }
                replies.add(new Reply(uid.strip(), occurrence, floating, sequence,
                        address.substring(7).strip().toLowerCase(Locale.ROOT), status, comment));
            }
        }
        return replies;
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }
}
