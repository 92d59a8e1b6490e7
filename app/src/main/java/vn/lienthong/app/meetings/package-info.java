/**
 * Lịch họp, the meeting pages: the calendar ({@link vn.lienthong.app.meetings.MeetingPages}, day / week / month /
 * list, the official's own or a unit's room), the new/edit form ({@link vn.lienthong.app.meetings.MeetingFormPages}
 * with {@link vn.lienthong.app.meetings.MeetingForm}, {@link vn.lienthong.app.meetings.Recurrences} and
 * {@link vn.lienthong.app.meetings.EndpointPicker}), the meeting page with the Jitsi IFrame API (its own
 * Content-Security-Policy: {@link vn.lienthong.app.meetings.JitsiPagePolicy}), and the private calendar feed
 * ({@link vn.lienthong.app.meetings.FeedPages}). Thin layers over the meetings module's API, which decides who may
 * see and do what; see {@code app/README.md}.
 */
package vn.lienthong.app.meetings;
