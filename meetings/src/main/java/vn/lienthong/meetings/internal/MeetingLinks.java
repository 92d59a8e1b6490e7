package vn.lienthong.meetings.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Addresses of the meetings' pages, as browsers see them ({@code lienthong.base-url}): the meeting page is
 * {@code /meetings/{id}} (written by the app module), the private feeds {@code /calendar/feed/{token}.ics}, a guest's join page {@code /meetings/guest/{token}}.
 */
@Component
class MeetingLinks {

    private final String baseUrl;

    MeetingLinks(@Value("${lienthong.base-url:http://127.0.0.1:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String meeting(long meetingId) {
        return baseUrl + "/meetings/" + meetingId;
    }

    /** A guest's personal join link (the page is the app module's). */
    String guest(String token) {
        return baseUrl + "/meetings/guest/" + token;
    }

    String feed(String token) {
        return baseUrl + "/calendar/feed/" + token + ".ics";
    }

    /** The host part of the base URL, for iCalendar UIDs ({@code <random>@<host>}). */
    String host() {
        try {
            String host = java.net.URI.create(baseUrl).getHost();
            return host == null || host.isBlank() ? "lienthong" : host;
        }
        catch (IllegalArgumentException ex) {
            return "lienthong";
        }
    }
}
