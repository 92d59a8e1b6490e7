/**
 * Meetings: online conferences linking province, district and commune endpoints (điểm cầu), joined on Jitsi.
 * May use mail and chat through their APIs, never the reverse. (Being built.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
package vn.lienthong.meetings;
