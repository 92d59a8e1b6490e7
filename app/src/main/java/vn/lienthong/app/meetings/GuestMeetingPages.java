package vn.lienthong.app.meetings;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import vn.lienthong.meetings.GuestInvitation;
import vn.lienthong.meetings.GuestRooms;
import vn.lienthong.meetings.MeetingRooms;

/**
 * The page an outside guest's personal link opens ({@code /meetings/guest/<token>}, from their invitation mail),
 * without a login: the meeting's title, time and host unit, and joining the video like the meeting page does, with
 * the room token the meetings module issues for the link ({@code POST /meetings/guest/<token>/join}). The path is one
 * of the meetings module's machine endpoints (no session, no CSRF token); this page gets the suite's page policy with
 * the Jitsi origin from {@link JitsiPagePolicy#allowGuestPage}. A wrong, removed or expired link is the plain 404 page,
 * which names no meeting and loads nothing from Jitsi.
 */
@Controller
class GuestMeetingPages {

    private final GuestRooms guests;
    private final MeetingRooms rooms;

    GuestMeetingPages(GuestRooms guests, MeetingRooms rooms) {
        this.guests = guests;
        this.rooms = rooms;
    }

    @GetMapping("/meetings/guest/{token}")
    ModelAndView guest(@PathVariable String token, HttpServletRequest request) {
        Optional<GuestInvitation> invitation = guests.invitation(token);
        if (invitation.isEmpty()) {
            JitsiPagePolicy.allowGuestPage(request, null);
            ModelAndView missing = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
            missing.addObject("status", 404);
            return missing;
        }
        GuestInvitation shown = invitation.get();
        boolean joinable = shown.state() == GuestInvitation.State.OPEN
                || shown.state() == GuestInvitation.State.NOT_YET_OPEN;
        JitsiPagePolicy.allowGuestPage(request, joinable ? rooms.jitsiOrigin() : null);
        String base = request.getContextPath() + "/meetings/guest/" + token;
        ModelAndView page = new ModelAndView("meetings/guest");
        page.addObject("invitation", shown);
        page.addObject("joinable", joinable);
        page.addObject("joinApi", base + "/join");
        page.addObject("eventsApi", base + "/events");
        return page;
    }
}
