package vn.lienthong.mail;

import java.util.Locale;
import java.util.Set;

/**
 * An iCalendar object sent as an iMIP message (RFC 6047): the mail carries it as {@code text/calendar;
 * method=...} beside the text body, and once more as an {@code invite.ics} attachment, so that Outlook, Thunderbird
 * and the webmail all show it as an invitation.
 *
 * @param method the iTIP method, {@code REQUEST}, {@code CANCEL} or {@code REPLY} (upper-cased here); it must match
 *               the {@code METHOD} property inside {@code ics}
 * @param ics    the whole {@code VCALENDAR}, as text (CRLF line ends are applied when it is sent)
 */
public record CalendarPart(String method, String ics) {

    private static final Set<String> METHODS = Set.of("REQUEST", "CANCEL", "REPLY");

    public CalendarPart {
        method = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("iMIP method must be REQUEST, CANCEL or REPLY: " + method);
        }
        if (ics == null || !ics.contains("BEGIN:VCALENDAR")) {
            throw new IllegalArgumentException("ics must hold a VCALENDAR");
        }
    }

    public static CalendarPart request(String ics) {
        return new CalendarPart("REQUEST", ics);
    }

    public static CalendarPart cancel(String ics) {
        return new CalendarPart("CANCEL", ics);
    }

    public static CalendarPart reply(String ics) {
        return new CalendarPart("REPLY", ics);
    }
}
