package vn.lienthong.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.jsoup.Jsoup;

import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Attachment;
import vn.lienthong.archive.Reader;

/**
 * A mail as the archive holds it (source {@code mail}, id = normalised Message-ID, so that every copy of a mail is
 * one item): subject, the text body (or the HTML's text), From, To and Cc (never Bcc), attachments (the archive
 * extracts their text), and the webmail's address for it. Also finds the iCalendar parts of a message.
 */
final class MailArchiveItems {

    static final String SOURCE = "mail";
    private static final Pattern METHOD = Pattern.compile("(?im)^METHOD:\\s*([A-Z-]+)\\s*$");
    private static final int MAX_BODY_CHARS = 1_000_000;

    private MailArchiveItems() {
    }

    /** An iCalendar part: its iTIP method (upper case, may be empty) and text. */
    record CalendarText(String method, String ics) {
    }

    /** What a message holds, read once. */
    record Parsed(String id, String subject, String author, List<String> recipients, Instant time, String body,
                  List<Attachment> attachments, List<CalendarText> calendars) {
    }

    /**
     * Reads the message.
     *
     * @param fallbackTime when the message has no Date header
     */
    static Parsed parse(MimeMessage message, Instant fallbackTime) throws MessagingException, IOException {
        Collected collected = new Collected();
        walk(message, collected);
        String body = collected.text != null ? collected.text
                : collected.html != null ? Jsoup.parse(collected.html).wholeText() : "";
        if (body.length() > MAX_BODY_CHARS) {
            body = body.substring(0, MAX_BODY_CHARS);
        }
        List<String> recipients = new ArrayList<>();
        addAll(recipients, message.getRecipients(Message.RecipientType.TO));
        addAll(recipients, message.getRecipients(Message.RecipientType.CC));
        Address[] from = message.getFrom();
        Date sent = message.getSentDate();
        String subject = message.getSubject() == null ? "" : message.getSubject();
        String author = from == null || from.length == 0 ? "" : MimeReader.display(from[0]);
        Instant time = sent != null ? sent.toInstant() : fallbackTime;
        return new Parsed(id(message, author, subject, time), subject, author, recipients, time, body,
                collected.attachments, collected.calendars);
    }

    static ArchiveItem item(Parsed mail, Set<Reader> readers, Set<String> units) {
        return new ArchiveItem(SOURCE, mail.id(), mail.subject(), mail.body(), mail.author(), mail.recipients(),
                List.copyOf(units), mail.time(), url(mail.id()), mail.attachments(), readers);
    }

    /** Where the webmail opens the mail of this id (in the signed-in official's own mailbox). */
    static String url(String id) {
        return "/mail/open?messageId=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /**
     * The normalised Message-ID; a message without one gets a stable stand-in from its author, subject and time, the
     * same for the spooled copy and the mailbox copies.
     */
    private static String id(MimeMessage message, String author, String subject, Instant time)
            throws MessagingException {
        String id = MessageIds.normalise(message.getMessageID());
        if (id != null) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((author + "\n" + subject + "\n" + time)
                    .getBytes(StandardCharsets.UTF_8));
            return "no-message-id." + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void walk(Part part, Collected collected) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), collected);
            }
            return;
        }
        String fileName = part.getFileName() == null ? null : ImapMailboxes.decode(part.getFileName());
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        boolean calendar = part.isMimeType("text/calendar") || part.isMimeType("application/ics")
                || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".ics"));
        if (calendar) {
            String ics = text(part);
            collected.calendars.add(new CalendarText(method(part, ics), ics));
            if (attachment) {
                collected.attachments.add(Attachment.ofText(fileName, ics));
            }
        } else if (!attachment && part.isMimeType("text/plain") && collected.text == null) {
            collected.text = text(part);
        } else if (!attachment && part.isMimeType("text/html") && collected.html == null) {
            collected.html = text(part);
        } else if (attachment || !part.isMimeType("text/*")) {
            try (InputStream in = part.getInputStream()) {
                collected.attachments.add(Attachment.ofContent(fileName == null ? "tep-dinh-kem" : fileName,
                        in.readAllBytes()));
            }
        }
    }

    private static String method(Part part, String ics) throws MessagingException {
        String parameter = new ContentType(part.getContentType()).getParameter("method");
        if (parameter != null && !parameter.isBlank()) {
            return parameter.strip().toUpperCase(Locale.ROOT);
        }
        Matcher matcher = METHOD.matcher(ics);
        return matcher.find() ? matcher.group(1).toUpperCase(Locale.ROOT) : "";
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset(part));
        }
    }

    private static java.nio.charset.Charset charset(Part part) throws MessagingException {
        String name = new ContentType(part.getContentType()).getParameter("charset");
        try {
            return name == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static void addAll(List<String> target, Address[] addresses) {
        if (addresses != null) {
            Arrays.stream(addresses).filter(InternetAddress.class::isInstance).map(MimeReader::display)
                    .forEach(target::add);
        }
    }

    private static final class Collected {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();
        final List<CalendarText> calendars = new ArrayList<>();
    }
}
