/**
 * Thư, the webmail: pages ({@link vn.lienthong.app.mail.MailPages}, {@link vn.lienthong.app.mail.MailSettingsPages})
 * and the JSON API under {@code /api/v1/mail} ({@link vn.lienthong.app.mail.MailApiController}), thin layers over
 * the mail module's {@code Mailboxes} and {@code AppPasswords}. Every call names the signed-in official taken from
 * the authentication, never from the request, and the mail module opens IMAP as exactly that official: a folder or
 * UID from the request can only ever be looked up in the caller's own mailbox (404 otherwise).
 *
 * <ul>
 *   <li>{@code /mail?folder=INBOX&page=1[&view=messages]}: folders with unread counts, 50 messages a page, newest
 *       first, grouped by conversation (the mail module's thread id) unless {@code view=messages};</li>
 *   <li>{@code /mail/message?folder=&uid=[&images=true]}: the reading view; the HTML body is the mail module's
 *       allow-list output, shown in a sandboxed frame from {@code /mail/message/body} with its own strict policy
 *       (see {@link vn.lienthong.app.mail.MessageFrame} for why); remote images only after "Hiện hình ảnh bên
 *       ngoài"; attachments from {@code /mail/attachment}, always as downloads;</li>
 *   <li>{@code /mail/compose[?folder=&reply=|replyAll=|forward=|draft=]}: the form; {@code /js/mail.js} completes
 *       recipients from the directory, saves drafts every 30 s and when the page is left, checks attachment sizes
 *       and sends through the API, so a refusal leaves everything on screen;</li>
 *   <li>{@code POST /mail/actions}, {@code POST /mail/trash/empty}: the toolbars (work without the script);</li>
 *   <li>{@code /mail/open?messageId=}: the archive's link to a message, wherever it is in the official's folders;</li>
 *   <li>{@code /mail/settings}: app passwords for Thunderbird (shown once) and the client settings.</li>
 * </ul>
 *
 * <p>Uploads: the container's multipart limits follow {@code lienthong.mail.max-message-size}
 * ({@link vn.lienthong.app.mail.MailUploadLimits}). With {@code lienthong.mail.enabled=false} all of this is left out.
 */
package vn.lienthong.app.mail;
