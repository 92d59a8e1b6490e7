package vn.lienthong.meetings.internal;

import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.chat.Chat;
import vn.lienthong.chat.ChatAdministration;
import vn.lienthong.chat.ChatException;
import vn.lienthong.chat.NewMessage;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;

/**
 * The meeting's chat channel (key {@code meeting-<id>}): opened and refilled with the invited officials (and the
 * organiser) after each change, closed (read-only, still readable) when the meeting is cancelled; the reminder is
 * posted there in the chair's name, once (the post's client id makes a retry harmless).
 */
@Component
class MeetingChatSync implements Delivery {

    private static final Logger log = LoggerFactory.getLogger(MeetingChatSync.class);

    private final MeetingRepository meetings;
    private final MeetingInvitees invitees;
    private final ChatAdministration chatAdministration;
    private final Chat chat;
    private final Directory directory;

    MeetingChatSync(MeetingRepository meetings, MeetingInvitees invitees, ChatAdministration chatAdministration, Chat chat,
             Directory directory) {
        this.meetings = meetings;
        this.invitees = invitees;
        this.chatAdministration = chatAdministration;
        this.chat = chat;
        this.directory = directory;
    }

    static String key(long meetingId) {
        return "meeting-" + meetingId;
    }

    /** The meeting's chat channel, once the outbox has opened it. */
    OptionalLong channelId(long meetingId) {
        return chatAdministration.meetingChannelId(key(meetingId));
    }

    @Override
    public Set<MeetingOutbox.Kind> kinds() {
        return Set.of(MeetingOutbox.Kind.CHAT_SYNC, MeetingOutbox.Kind.CHAT_REMINDER);
    }

    @Override
    public String deliver(MeetingOutbox.Work work) {
        Meeting meeting = meetings.load(work.meetingId()).orElse(null);
        if (meeting == null) {
            return "SKIPPED";
        }
        if (work.kind() == MeetingOutbox.Kind.CHAT_SYNC) {
            if (meeting.record().cancelled()) {
                chatAdministration.closeMeetingChannel(key(meeting.id()));
                return "SENT";
            }
            open(meeting);
            return "SENT";
        }
        return remind(meeting, work.occurrenceKey());
    }

    private long open(Meeting meeting) {
        Set<String> members = new LinkedHashSet<>(invitees.usernames(meeting));
        directory.findOfficialByUsername(meeting.record().createdBy()).filter(Official::active)
                .ifPresent(o -> members.add(o.username()));
        return chatAdministration.openMeetingChannel(key(meeting.id()), channelTitle(meeting.record()), members);
    }

    private String remind(Meeting meeting, String key) {
        MeetingRecord m = meeting.record();
        Schedule.Slot slot = Schedule.find(m, meeting.exceptions(), key);
        if (m.cancelled() || slot == null || slot.cancelled()) {
            return "SKIPPED";
        }
        long channelId = open(meeting);
        String text = "Nhắc lịch: cuộc họp \"" + m.title() + "\" bắt đầu lúc "
                + Formats.TIME.format(slot.start().atZone(m.zone())) + " " + Formats.weekday(slot.start()
                .atZone(m.zone()).getDayOfWeek()) + ", " + Formats.DATE.format(slot.start().atZone(m.zone())) + ".";
        try {
            chat.post(m.chair(), channelId, new NewMessage(text, null, "reminder-" + m.id() + "-"
                    + (key.isEmpty() ? "single" : key)));
            return "SENT";
        }
        catch (ChatException ex) {
            if (ex.reason() == ChatException.Reason.RATE_LIMITED) {
                throw ex;
            }
            log.info("Không đăng được lời nhắc vào kênh của cuộc họp {} ({}): {}", m.id(), ex.reason(),
                    ex.getMessage());
            return "SKIPPED";
        }
    }

    private static String channelTitle(MeetingRecord m) {
        String title = "Họp: " + m.title();
        return title.length() > 200 ? title.substring(0, 200) : title;
    }
}
