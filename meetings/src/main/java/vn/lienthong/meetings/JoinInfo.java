package vn.lienthong.meetings;

import java.time.Instant;

/**
 * What the meeting page needs to embed Jitsi with the IFrame API:
 * {@code new JitsiMeetExternalAPI(domain, {roomName, jwt, parentNode, userInfo: {displayName, email}, lang})}.
 *
 * @param domain         the Jitsi server, e.g. {@code meet.baclieu.gov.vn}
 * @param externalApiUrl {@code https://<domain>/external_api.js}, the script to load
 * @param roomName       the room (lower case, unguessable)
 * @param jwt            the signed room token
 * @param moderator      whether the token makes the holder a moderator
 * @param notBefore      the token's {@code nbf}
 * @param expiresAt      the token's {@code exp}
 * @param occurrenceId   the occurrence joined (series), or {@code null}
 * @param subject        the meeting's title, for the room's subject
 */
public record JoinInfo(String domain, String externalApiUrl, String roomName, String jwt, String displayName,
                       String email, boolean moderator, Instant notBefore, Instant expiresAt, String occurrenceId,
                       String subject, String lang) {
}
