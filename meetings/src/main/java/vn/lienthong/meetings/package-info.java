/**
 * Meetings (Lịch họp): online conferences linking the connection points (điểm cầu) of province, district and
 * commune units, joined on Jitsi Meet with room tokens we sign.
 *
 * <p>API: {@link vn.lienthong.meetings.Meetings} (schedule, change, cancel, answer, calendars),
 * {@link vn.lienthong.meetings.MeetingDocuments} (documents, minutes), {@link vn.lienthong.meetings.MeetingRooms}
 * (join tokens, page events), {@link vn.lienthong.meetings.MeetingAttendance} (attendance reports),
 * {@link vn.lienthong.meetings.CalendarFeeds} (private iCalendar feeds) and the records they take and return;
 * refusals are {@link vn.lienthong.meetings.MeetingException}. Uses the directory, the archive, mail
 * ({@code SystemMail} for iMIP invitations) and chat (a channel per meeting) through their APIs; none of them uses
 * this module.
 *
 * <p>Events out: {@link vn.lienthong.meetings.MeetingScheduled}, {@link vn.lienthong.meetings.MeetingUpdated},
 * {@link vn.lienthong.meetings.MeetingCancelled}. Events in: {@code vn.lienthong.mail.CalendarMessageReceived}
 * (iMIP replies).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
package vn.lienthong.meetings;
