package vn.lienthong.meetings;

/** The views of Lịch họp; weeks start on Monday (Thứ Hai). */
public enum CalendarView {
    /** One day. */
    DAY,
    /** Monday to Sunday around the date. */
    WEEK,
    /** The weeks (Monday to Sunday) that cover the date's month, so a grid has no hole. */
    MONTH,
    /** A list from the date on ({@code lienthong.meetings.list-days} days). */
    LIST
}
