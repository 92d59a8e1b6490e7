/**
 * Mail: official mailboxes on Apache James and the webmail. Uses the directory's and the archive's APIs.
 *
 * <p>API: {@link vn.lienthong.mail.Mailboxes} (the webmail's view of one official's mailbox: pages, threads, reading,
 * writing, iMIP invitations through {@link vn.lienthong.mail.CalendarPart}), {@link vn.lienthong.mail.SystemMail}
 * (mail from the system address), {@link vn.lienthong.mail.AppPasswords} (passwords for Thunderbird),
 * {@link vn.lienthong.mail.MailAdministration} and {@link vn.lienthong.mail.MailProvisioning} (James's domains,
 * accounts, groups, kept in step with the directory), {@link vn.lienthong.mail.MailSettings}
 * ({@code lienthong.mail.*}). The internals start and watch the embedded James (a separate JVM with James's own
 * libraries) or talk to an external one, and put every mail James handles into the archive.
 *
 * <p>Events in: the directory's unit and official changes. Events out:
 * {@link vn.lienthong.mail.CalendarMessageReceived} for every received message with an iCalendar part.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package vn.lienthong.mail;
