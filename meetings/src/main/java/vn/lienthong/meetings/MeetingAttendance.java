package vn.lienthong.meetings;

/** Attendance reports (báo cáo điểm danh), for managers and the chair. CSV export is in the REST API. */
public interface MeetingAttendance {

    /**
     * The report of a single meeting ({@code occurrenceId == null}) or of one occurrence of a series (required for a
     * series: which one).
     */
    AttendanceReport report(String actor, long meetingId, String occurrenceId);
}
