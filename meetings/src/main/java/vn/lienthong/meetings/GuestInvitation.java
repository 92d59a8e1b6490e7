package vn.lienthong.meetings;

import java.time.ZonedDateTime;

/**
 * A guest's meeting as their personal link shows it: nothing more than the invitation mail said.
 *
 * @param title        the meeting's title
 * @param start        the occurrence open now, else the next one, else the meeting's (first) start
 * @param end          its end
 * @param hostUnit     the host unit's name
 * @param guestName    the guest's name from the invitation (their address when the invitation has none)
 * @param guestEmail   the guest's address
 * @param lobby        whether guests wait in Jitsi's lobby until a moderator lets them in
 * @param state        whether the room is open now
 * @param opensAt      when the room opens (state {@code NOT_YET_OPEN}), else {@code null}
 * @param message      a Vietnamese sentence for the states other than {@code OPEN}, else {@code null}
 */
public record GuestInvitation(String title, ZonedDateTime start, ZonedDateTime end, String hostUnit, String guestName,
                              String guestEmail, boolean lobby, State state, ZonedDateTime opensAt, String message) {

    /** Whether the guest may join now. */
    public enum State { OPEN, NOT_YET_OPEN, ENDED, CANCELLED }
}
