package vn.lienthong.meetings;

import java.util.Optional;

/**
 * Outside guests (khách mời ngoài hệ thống) joining the video without an account. Each invitation, update and
 * reminder mailed to a guest carries a personal link {@code <base-url>/meetings/guest/<token>}: the token is random
 * (256 bits) and only its SHA-256 is stored. A link is the guest's only credential: it is refused (as if it never
 * existed) once the guest is taken off the meeting or {@code jitsi.guest-link-grace} after the meeting's end; when the
 * meeting is cancelled its links are revoked and only say so. Guests are never moderators; they get a room token in
 * the same window as officials, and wait in the lobby when the meeting has one.
 */
public interface GuestRooms {

    /** What the guest's page shows; empty for a wrong, removed or expired link (the caller answers 404). */
    Optional<GuestInvitation> invitation(String token);

    /**
     * A room token for the guest, for the occurrence open now.
     *
     * @throws MeetingException NOT_FOUND (wrong, removed or expired link), CONFLICT (cancelled, not yet open, over),
     *                          TOO_MANY (the link was used too often in the last minute)
     */
    JoinInfo join(String token);

    /** Records an IFrame API event of the guest's page for the attendance; ignored for a link that is not valid. */
    void clientEvent(String token, ClientEvent event);
}
