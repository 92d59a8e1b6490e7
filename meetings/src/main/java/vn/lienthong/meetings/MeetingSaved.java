package vn.lienthong.meetings;

import java.util.List;

/** A meeting after it was created or changed, with the double bookings it causes (warnings only). */
public record MeetingSaved(MeetingView meeting, List<ConflictWarning> warnings) {

    public MeetingSaved {
        warnings = List.copyOf(warnings);
    }
}
