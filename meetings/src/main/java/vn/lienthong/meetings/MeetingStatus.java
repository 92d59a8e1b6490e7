package vn.lienthong.meetings;

/** Whether a meeting (or one occurrence of a series) still takes place. */
public enum MeetingStatus {
    SCHEDULED,
    CANCELLED
}
