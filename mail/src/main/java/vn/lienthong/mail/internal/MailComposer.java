package vn.lienthong.mail.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.jsoup.Jsoup;
import org.springframework.util.unit.DataSize;
import org.jsoup.nodes.Entities;

import vn.lienthong.mail.CalendarPart;
import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.MailboxException;

/**
 * Turns a {@link Draft} into a MIME message from the official's own address (UTF-8, RFC 2047 subject and names,
 * RFC 2231 file names, text NFC-normalised, HTML sanitised), and builds reply and forward drafts from a message.
 */
final class MailComposer {

    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*(re|tl|trả lời)\\s*:.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    private static final Pattern FORWARD_PREFIX = Pattern.compile("^\\s*(fwd?|chuyển tiếp)\\s*:.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final int MAX_RECIPIENTS = 500;

    private MailComposer() {
    }

    /** The original's Message-ID and References, for a reply's In-Reply-To and References. */
    record Thread(String messageId, String references) {
    }

    static MimeMessage compose(Session session, String from, Draft draft, Thread thread) throws MessagingException {
        MimeMessage message = new SMTPMessage(session); // the envelope sender is set when it is submitted
        message.setFrom(new InternetAddress(from));
        setRecipients(message, Message.RecipientType.TO, draft.to());
        setRecipients(message, Message.RecipientType.CC, draft.cc());
        setRecipients(message, Message.RecipientType.BCC, draft.bcc());
        message.setSubject(nfc(draft.subject()).strip(), "UTF-8");
        message.setSentDate(new Date());
        if (thread != null && thread.messageId() != null) {
            message.setHeader("In-Reply-To", thread.messageId());
            String references = thread.references() == null || thread.references().isBlank() ? thread.messageId()
                    : thread.references().strip() + " " + thread.messageId();
            message.setHeader("References", MimeFold.fold(references));
        }
        MimeBodyPart body = body(draft);
        if (draft.attachments().isEmpty() && draft.calendar() == null) {
            setBody(message, body);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            for (Draft.Attachment attachment : draft.attachments()) {
                mixed.addBodyPart(attachment(attachment));
            }
            if (draft.calendar() != null) {
                mixed.addBodyPart(icsFile(draft.calendar()));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** Every envelope recipient (To, Cc, Bcc), each once; refused when there is none. */
    static Address[] recipients(MimeMessage message) throws MessagingException {
        Map<String, Address> all = new LinkedHashMap<>();
        Address[] addresses = message.getAllRecipients();
        if (addresses != null) {
            for (Address address : addresses) {
                all.putIfAbsent(((InternetAddress) address).getAddress().toLowerCase(Locale.ROOT), address);
            }
        }
        if (all.isEmpty()) {
            throw new MailboxException("Thư chưa có người nhận (the message has no recipient)");
        }
        return all.values().toArray(Address[]::new);
    }

    /** The message's size as it would be submitted. */
    static long size(MimeMessage message) throws MessagingException {
        Counter counter = new Counter();
        try {
            message.writeTo(counter);
        } catch (IOException e) {
            throw new MessagingException("Could not measure the message", e);
        }
        return counter.count;
    }

    /** Refuses, in Vietnamese, a message larger than {@code max} (James's SMTP limit) before it is sent or saved. */
    static void checkSize(MimeMessage message, DataSize max) throws MessagingException {
        long size = size(message);
        if (size > max.toBytes()) {
            throw new MailboxException("Thư quá lớn: " + megabytes(size) + " MB, tối đa " + megabytes(max.toBytes())
                    + " MB. Hãy bớt hoặc thu nhỏ tệp đính kèm (the message is larger than the limit)");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)).replace('.', ',');
    }

    // ------------------------------------------------------------------ templates

    static Draft reply(MailMessage original, MimeMessage source, String self, Draft.MessageRef ref, boolean all)
            throws MessagingException {
        List<InternetAddress> to = new ArrayList<>();
        Address[] replyTo = source.getReplyTo(); // Reply-To, or From when there is none
        boolean fromSelf = source.getFrom() != null && source.getFrom().length > 0
                && same(source.getFrom()[0], self);
        if (fromSelf) {
            addAll(to, source.getRecipients(Message.RecipientType.TO), self);
        } else {
            addAll(to, replyTo, self);
        }
        List<InternetAddress> cc = new ArrayList<>();
        if (all) {
            addAll(cc, source.getRecipients(Message.RecipientType.TO), self);
            addAll(cc, source.getRecipients(Message.RecipientType.CC), self);
            cc.removeIf(address -> to.stream().anyMatch(other -> same(other, address.getAddress())));
        }
        String subject = REPLY_PREFIX.matcher(original.subject()).matches() ? original.subject()
                : "Re: " + original.subject();
        String header = "Vào " + (original.date() == null ? "" : DATE.format(original.date()) + ", ")
                + original.from() + " đã viết:";
        String text = "\n\n" + header + "\n" + quote(plainText(original));
        String html = original.html() == null ? null
                : "<p></p><p>" + Entities.escape(header) + "</p><blockquote>" + original.html()
                + "</blockquote>";
        return new Draft(display(to), display(cc), List.of(), subject, text, html, List.of(), ref, null);
    }

    static Draft forward(MailMessage original, List<Draft.Attachment> attachments) {
        String subject = FORWARD_PREFIX.matcher(original.subject()).matches() ? original.subject()
                : "Fwd: " + original.subject();
        StringBuilder header = new StringBuilder("---------- Thư chuyển tiếp ----------\n")
                .append("Từ: ").append(original.from()).append('\n');
        if (original.date() != null) {
            header.append("Ngày: ").append(DATE.format(original.date())).append('\n');
        }
        header.append("Tiêu đề: ").append(original.subject()).append('\n');
        if (!original.to().isEmpty()) {
            header.append("Đến: ").append(String.join(", ", original.to())).append('\n');
        }
        if (!original.cc().isEmpty()) {
            header.append("Cc: ").append(String.join(", ", original.cc())).append('\n');
        }
        String text = "\n\n" + header + "\n" + plainText(original);
        String html = original.html() == null ? null
                : "<p></p><p>" + Entities.escape(header.toString()).replace("\n", "<br>")
                + "</p>" + original.html();
        return new Draft(List.of(), List.of(), List.of(), subject, text, html, attachments, null, null);
    }

    // ------------------------------------------------------------------ plumbing

    static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * The body: text alone, or multipart/alternative of text, HTML (when there is HTML) and, for an iMIP message,
     * the calendar ({@code text/calendar; method=...}), last because it is the richest form (RFC 6047 section 2.4).
     */
    private static MimeBodyPart body(Draft draft) throws MessagingException {
        String text = draft.text() == null ? null : nfc(draft.text());
        String html = draft.html() == null || draft.html().isBlank() ? null
                : HtmlSanitizer.forSending(nfc(draft.html()));
        if (html == null && draft.calendar() == null) {
            MimeBodyPart part = new MimeBodyPart();
            part.setText(text == null ? "" : text, "UTF-8");
            return part;
        }
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text != null ? text : html != null ? Jsoup.parse(html).wholeText() : "", "UTF-8");
        alternatives.addBodyPart(textPart);
        if (html != null) {
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, "UTF-8", "html");
            alternatives.addBodyPart(htmlPart);
        }
        if (draft.calendar() != null) {
            MimeBodyPart calendarPart = new MimeBodyPart();
            calendarPart.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    crlf(draft.calendar().ics()).getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + draft.calendar().method())));
            alternatives.addBodyPart(calendarPart);
        }
        MimeBodyPart alternative = new MimeBodyPart();
        alternative.setContent(alternatives);
        return alternative;
    }

    /** The same calendar as an {@code invite.ics} attachment, for clients that only look at attachments. */
    private static MimeBodyPart icsFile(CalendarPart calendar) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        byte[] bytes = crlf(calendar.ics()).getBytes(StandardCharsets.UTF_8);
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "application/ics; name=invite.ics")));
        part.setFileName("invite.ics");
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    /** iCalendar lines end in CRLF (RFC 5545 section 3.1), whatever the caller used. */
    private static String crlf(String ics) {
        String normalised = nfc(ics).replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        return normalised.endsWith("\r\n") ? normalised : normalised + "\r\n";
    }

    private static void setBody(MimeMessage message, MimeBodyPart body) throws MessagingException {
        try {
            Object content = body.getContent();
            if (content instanceof MimeMultipart multipart) {
                message.setContent(multipart);
            } else {
                message.setText((String) content, "UTF-8");
            }
        } catch (IOException e) {
            throw new MessagingException("Could not build the message body", e);
        }
    }

    private static MimeBodyPart attachment(Draft.Attachment attachment) throws MessagingException {
        if (attachment.content() == null) {
            throw new MailboxException("Tệp đính kèm “" + attachment.name() + "” rỗng (empty attachment)");
        }
        String type = attachment.contentType() == null || attachment.contentType().isBlank()
                ? "application/octet-stream" : attachment.contentType();
        String name = attachment.name() == null || attachment.name().isBlank() ? "tep-dinh-kem"
                : nfc(attachment.name()).replaceAll("[\\r\\n\\\\/]", "_");
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private static void setRecipients(MimeMessage message, Message.RecipientType type, List<String> recipients)
            throws MessagingException {
        List<Address> addresses = new ArrayList<>();
        for (String recipient : recipients) {
            if (recipient == null || recipient.isBlank()) {
                continue;
            }
            addresses.add(address(recipient));
        }
        if (addresses.size() > MAX_RECIPIENTS) {
            throw new MailboxException("Quá nhiều người nhận (tối đa " + MAX_RECIPIENTS + ")");
        }
        if (!addresses.isEmpty()) {
            message.setRecipients(type, addresses.toArray(Address[]::new));
        }
    }

    private static InternetAddress address(String text) {
        try {
            InternetAddress parsed = new InternetAddress(nfc(text).strip(), true);
            parsed.validate();
            if (parsed.getAddress() == null || !parsed.getAddress().contains("@")) {
                throw new AddressException("no domain");
            }
            String personal = parsed.getPersonal();
            return personal == null || personal.isBlank() ? new InternetAddress(parsed.getAddress())
                    : new InternetAddress(parsed.getAddress(), nfc(personal), "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new MailboxException("Địa chỉ người nhận không hợp lệ: “" + text + "” (invalid address)");
        }
    }

    private static void addAll(List<InternetAddress> target, Address[] addresses, String self) {
        if (addresses == null) {
            return;
        }
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet && !same(internet, self)
                    && target.stream().noneMatch(other -> same(other, internet.getAddress()))) {
                target.add(internet);
            }
        }
    }

    private static boolean same(Address address, String other) {
        return address instanceof InternetAddress internet && internet.getAddress() != null
                && internet.getAddress().equalsIgnoreCase(other);
    }

    private static List<String> display(List<InternetAddress> addresses) {
        return addresses.stream().map(MimeReader::display).toList();
    }

    private static String plainText(MailMessage original) {
        if (original.text() != null) {
            return original.text();
        }
        return original.html() == null ? "" : Jsoup.parse(original.html()).wholeText();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        for (String line : text.strip().split("\\r?\\n", -1)) {
            quoted.append(line.startsWith(">") ? ">" : "> ").append(line).append('\n');
        }
        return quoted.toString();
    }

    /** Folds a long References header at spaces so that no line exceeds the limit of RFC 5322. */
    private static final class MimeFold {
        static String fold(String value) {
            StringBuilder folded = new StringBuilder();
            int lineLength = "References: ".length();
            for (String id : value.trim().split("\\s+")) {
                if (folded.length() > 0) {
                    if (lineLength + 1 + id.length() > 76) {
                        folded.append("\r\n ");
                        lineLength = 1;
                    } else {
                        folded.append(' ');
                        lineLength++;
                    }
                }
                folded.append(id);
                lineLength += id.length();
            }
            return folded.toString();
        }
    }

    private static final class Counter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
