/**
 * Mail: official mailboxes on Apache James and the webmail. Uses the directory's and the archive's APIs.
 *
 * <p>API: {@link vn.lienthong.mail.MailAdministration} (domains, accounts, quotas, aliases, groups, mailboxes) and
 * {@link vn.lienthong.mail.MailSettings} ({@code lienthong.mail.*}). The internals start and watch the embedded James
 * (a separate JVM with James's own libraries) or talk to an external one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package vn.lienthong.mail;
