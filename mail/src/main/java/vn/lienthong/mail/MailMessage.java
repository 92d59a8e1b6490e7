package vn.lienthong.mail;

import java.time.Instant;
import java.util.List;

/**
 * A message as the webmail shows it.
 *
 * @param html           the HTML body, sanitised (no scripts, no event handlers, no {@code javascript:} links) and
 *                       with remote images held back: their address is in {@code data-remote-src}, not {@code src};
 *                       {@code null} for a text-only message
 * @param text           the plain-text body, or {@code null}
 * @param remoteImages   whether the HTML holds remote images the reader may choose to load
 * @param messageId      the Message-ID header, for replies (In-Reply-To, References)
 * @param references     the References header's ids, for threads and replies
 * @param attachments    the attachments, each downloadable by its part id
 * @param calendarInvite whether the message carries an iCalendar ({@code .ics}) invitation
 */
public record MailMessage(long uid, String folder, String from, List<String> to, List<String> cc, String subject,
                          Instant date, String text, String html, boolean remoteImages, String messageId,
                          List<String> references, List<Attachment> attachments, boolean calendarInvite) {

    public MailMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
    }

    /** An attachment: {@code partId} is stable for the message ("2", "2.1", ...). */
    public record Attachment(String partId, String fileName, String contentType, long size, boolean calendar) {
    }
}
