/**
 * The meetings' internals: persistence (JDBC, {@code meet_*}), the durable outbox and its deliveries (mail, chat,
 * archive), iCalendar, Jitsi tokens and hooks, reminders, REST controllers.
 */
package vn.lienthong.meetings.internal;
