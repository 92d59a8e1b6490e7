package vn.lienthong.chat;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * Channels made by other modules and by administrators, the audit trail, and the repair of unit channels.
 * Unit channels follow the directory's events by themselves; {@link #resyncUnitChannels()} repairs drift.
 */
public interface ChatAdministration {

    /**
     * An announcement channel: every listed member reads, only the posters post. The actor must be a system
     * administrator or a unit administrator; posters are made members too.
     */
    ChannelSummary createAnnouncement(String actor, String title, Collection<String> members,
                                      Collection<String> posters);

    /**
     * The channel of a meeting, created on first call and renamed/refilled on later calls (idempotent by
     * {@code meetingKey}). Answers the channel id. Called by the meetings module, not by a user.
     */
    long openMeetingChannel(String meetingKey, String title, Collection<String> members);

    /** The id of a meeting's channel once it has been opened; looks only (never creates or changes it). */
    OptionalLong meetingChannelId(String meetingKey);

    /** Makes the meeting channel read-only (history stays readable by its members). */
    void closeMeetingChannel(String meetingKey);

    /**
     * The edits and deletions of a message, oldest first: for system administrators, the unit administrators of a
     * unit channel's unit and a channel's moderators.
     *
     * @throws ChatException NOT_FOUND or FORBIDDEN
     */
    List<MessageAudit> auditTrail(String actor, long channelId, long sequence);

    /** Brings every unit channel and its members in line with the directory; answers what changed. */
    UnitChannelSyncReport resyncUnitChannels();
}
