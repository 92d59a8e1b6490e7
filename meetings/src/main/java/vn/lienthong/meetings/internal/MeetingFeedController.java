package vn.lienthong.meetings.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /calendar/feed/{token}.ics}: an official's private calendar for calendar programs, which cannot log in.
 * The secret token is the authentication (the security chain must let this path through without a login); an
 * unknown or revoked token is 404, the same as a path that does not exist.
 */
@RestController
class MeetingFeedController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final MeetingFeedService feeds;

    MeetingFeedController(MeetingFeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/calendar/feed/{token:[A-Za-z0-9_-]{20,100}}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return feeds.feed(token)
                .map(ics -> ResponseEntity.ok().contentType(TEXT_CALENDAR)
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .header("X-Robots-Tag", "noindex")
                        .body(ics))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("Không tìm thấy lịch (calendar feed not found)."));
    }
}
