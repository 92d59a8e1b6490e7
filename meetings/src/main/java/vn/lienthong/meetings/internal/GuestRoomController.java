package vn.lienthong.meetings.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.meetings.ClientEvent;
import vn.lienthong.meetings.GuestRooms;
import vn.lienthong.meetings.JoinInfo;

/**
 * The guest page's calls, with the guest's link token in the path as their only credential (no login, no session,
 * no CSRF token: a forged request would need the token itself). POSTs, so that neither a prefetch nor a crawler asks
 * for room tokens. Refusals are the API's problems ({@link MeetingsApiErrors}): 404 for any link that is not valid,
 * 409 outside the window or when cancelled, 429 when one link asks too often.
 */
@RestController
class GuestRoomController {

    static final String PATH = "/meetings/guest";

    private final GuestRooms guests;

    GuestRoomController(GuestRooms guests) {
        this.guests = guests;
    }

    @PostMapping(PATH + "/{token}/join")
    ResponseEntity<JoinInfo> join(@PathVariable String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(guests.join(token));
    }

    @PostMapping(PATH + "/{token}/events")
    ResponseEntity<Void> event(@PathVariable String token, @RequestBody ClientEvent event) {
        guests.clientEvent(token, event);
        return ResponseEntity.noContent().build();
    }
}
