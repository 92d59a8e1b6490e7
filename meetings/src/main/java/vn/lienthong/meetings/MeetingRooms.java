package vn.lienthong.meetings;

/**
 * Joining a meeting on Jitsi. A room token is issued only to invitees (and the host unit's administrators), only
 * from {@code lienthong.meetings.jitsi.token-lead} before the start of an occurrence until its end plus
 * {@code lienthong.meetings.jitsi.overtime}, and is valid exactly for that window and that room.
 */
public interface MeetingRooms {

    /**
     * A room token for the occurrence open now.
     *
     * @throws MeetingException NOT_FOUND (not a meeting the user may see), FORBIDDEN (sees it but is not invited),
     *                          CONFLICT (cancelled, not yet open, already over)
     */
    JoinInfo join(String username, long meetingId);

    /** Records an IFrame API event of the user's page for the attendance; ignored unless the user is invited. */
    void clientEvent(String username, long meetingId, ClientEvent event);

    /** The Jitsi server's origin ({@code https://<domain>}), for the meeting page's Content-Security-Policy. */
    String jitsiOrigin();
}
