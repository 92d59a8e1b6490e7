package vn.lienthong.mail.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import vn.lienthong.mail.MailMessage;

/**
 * Reads a MIME message for the webmail: the first text and HTML bodies, attachments with stable part ids ("1", "2.1":
 * positions in the multipart tree), and iCalendar invitations.
 */
final class MimeReader {

    private MimeReader() {
    }

    static MailMessage read(long uid, String folder, MimeMessage message) throws MessagingException {
        Bodies bodies = new Bodies();
        try {
            walk(message, "", bodies);
        } catch (IOException e) {
            throw new MessagingException("Thư hỏng, không đọc được (unreadable message)", e);
        }
        if (bodies.attachments.stream().noneMatch(MailMessage.Attachment::calendar)) {
            bodies.attachments.addAll(bodies.inlineCalendars);
        }
        HtmlSanitizer.Result html = bodies.html == null ? null : HtmlSanitizer.sanitise(bodies.html);
        String references = message.getHeader("References", " ");
        return new MailMessage(uid, folder, first(message.getFrom()), all(message.getRecipients(Message.RecipientType.TO)),
                all(message.getRecipients(Message.RecipientType.CC)),
                message.getSubject() == null ? "" : message.getSubject(), ImapMailboxes.instant(message), bodies.text,
                html == null ? null : html.html(), html != null && html.remoteImages(), message.getMessageID(),
                references == null ? List.of() : Arrays.stream(references.trim().split("\\s+")).toList(),
                bodies.attachments, bodies.calendar);
    }

    /** The part with this id, if any. */
    static Optional<Part> part(MimeMessage message, String partId) throws MessagingException {
        try {
            Part current = message;
            for (String step : partId.split("\\.")) {
                if (!current.isMimeType("multipart/*")) {
                    return "1".equals(step) && current == message ? Optional.of(current) : Optional.empty();
                }
                Multipart multipart = (Multipart) current.getContent();
                int index = Integer.parseInt(step) - 1;
                if (index < 0 || index >= multipart.getCount()) {
                    return Optional.empty();
                }
                current = multipart.getBodyPart(index);
            }
            return Optional.of(current);
        } catch (NumberFormatException | IOException e) {
            return Optional.empty();
        }
    }

    static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            String type = part.getContentType();
            name = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/calendar") ? "invite.ics" : "tep-dinh-kem";
        }
        return ImapMailboxes.decode(name);
    }

    static String display(Address address) {
        return address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString();
    }

    private static void walk(Part part, String id, Bodies bodies) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), id.isEmpty() ? Integer.toString(i + 1) : id + "." + (i + 1), bodies);
            }
            return;
        }
        String partId = id.isEmpty() ? "1" : id;
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        boolean calendar = part.isMimeType("text/calendar")
                || (part.getFileName() != null && part.getFileName().toLowerCase(Locale.ROOT).endsWith(".ics"));
        if (!attachment && !calendar && part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = (String) part.getContent();
        } else if (!attachment && !calendar && part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = (String) part.getContent();
        } else if (!part.isMimeType("message/rfc822") || attachment) {
            bodies.calendar |= calendar;
            String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
            MailMessage.Attachment listed = new MailMessage.Attachment(partId, fileName(part), type,
                    Math.max(part.getSize(), 0), calendar);
            if (calendar && !attachment) {
                bodies.inlineCalendars.add(listed); // an iMIP body part: listed only if there is no .ics file
            } else {
                bodies.attachments.add(listed);
            }
        }
    }

    private static String first(Address[] addresses) {
        return addresses == null || addresses.length == 0 ? "" : display(addresses[0]);
    }

    private static List<String> all(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(MimeReader::display).toList();
    }

    private static final class Bodies {
        String text;
        String html;
        boolean calendar;
        final List<MailMessage.Attachment> attachments = new ArrayList<>();
        final List<MailMessage.Attachment> inlineCalendars = new ArrayList<>();
    }
}
