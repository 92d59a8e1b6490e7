package vn.lienthong.meetings;

/** Attendance of a person or an endpoint at one occurrence. */
public enum AttendanceStatus {
    /** Có mặt: joined before the start plus {@code lienthong.meetings.late-after}. */
    PRESENT,
    /** Đến muộn: joined later than that. */
    LATE,
    /** Vắng: never joined. */
    ABSENT
}
