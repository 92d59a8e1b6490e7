package vn.lienthong.mail.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.springframework.util.unit.DataSize;

import vn.lienthong.mail.AttachmentContent;
import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailFolder;
import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessagePage;
import vn.lienthong.mail.MessageSummary;

/**
 * {@link Mailboxes} over IMAP: each call opens the official's mailbox as James's administrator acting for that
 * official (SASL PLAIN with an authorisation identity) and closes it again. James confines such a session to the
 * official's own namespace, and folder names of other namespaces ({@code #...}) are refused here too.
 */
public class ImapMailboxes implements Mailboxes {

    private static final Map<String, String> SPECIAL = Map.of(INBOX, "Hộp thư đến", SENT, "Đã gửi",
            DRAFTS, "Thư nháp", TRASH, "Thùng rác");
    private static final List<String> SPECIAL_ORDER = List.of(INBOX, SENT, DRAFTS, TRASH);
    private static final int MAX_PAGE_SIZE = 200;

    private static final DataSize DEFAULT_MAX_MESSAGE_SIZE = DataSize.ofMegabytes(25);

    private final JamesConnection james;
    private final Function<String, Optional<String>> addressOfUsername;
    private final DataSize maxMessageSize;

    /**
     * @param addressOfUsername the mail address of an active official's username, empty for anyone else
     */
    public ImapMailboxes(JamesConnection james, Function<String, Optional<String>> addressOfUsername) {
        this(james, addressOfUsername, DEFAULT_MAX_MESSAGE_SIZE);
    }

    /**
     * @param maxMessageSize the largest message {@link #send} and {@link #saveDraft} accept (James's SMTP limit)
     */
    public ImapMailboxes(JamesConnection james, Function<String, Optional<String>> addressOfUsername,
                         DataSize maxMessageSize) {
        this.james = james;
        this.addressOfUsername = addressOfUsername;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public List<MailFolder> folders(String username) {
        return withStore(username, store -> {
            List<MailFolder> folders = new ArrayList<>();
            for (String name : SPECIAL_ORDER) {
                Folder folder = ensureFolder(store, name);
                folders.add(new MailFolder(name, SPECIAL.get(name), true, folder.getMessageCount(),
                        folder.getUnreadMessageCount()));
            }
            for (Folder folder : store.getDefaultFolder().list("*")) {
                if (SPECIAL.containsKey(folder.getFullName()) || (folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
                    continue;
                }
                folders.add(new MailFolder(folder.getFullName(), folder.getFullName(), false,
                        folder.getMessageCount(), folder.getUnreadMessageCount()));
            }
            return folders;
        });
    }

    @Override
    public MessagePage list(String username, String folderName, int page, int pageSize) {
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new MailboxException("Trang hoặc cỡ trang không hợp lệ (page from 1, page size 1-" + MAX_PAGE_SIZE
                    + ")");
        }
        return withStore(username, store -> {
            Folder folder = open(store, folderName, Folder.READ_ONLY);
            try {
                int total = folder.getMessageCount();
                // Sequence numbers follow UID order: the newest page is at the end; fetch only its range.
                int last = total - (page - 1) * pageSize;
                int first = Math.max(1, last - pageSize + 1);
                List<MessageSummary> summaries = new ArrayList<>();
                if (last >= 1) {
                    Message[] messages = folder.getMessages(first, last);
                    FetchProfile profile = new FetchProfile();
                    profile.add(FetchProfile.Item.ENVELOPE);
                    profile.add(FetchProfile.Item.FLAGS);
                    profile.add(FetchProfile.Item.SIZE);
                    profile.add(UIDFolder.FetchProfileItem.UID);
                    folder.fetch(messages, profile);
                    for (int i = messages.length - 1; i >= 0; i--) {
                        summaries.add(summary((UIDFolder) folder, messages[i]));
                    }
                }
                return new MessagePage(folderName, page, pageSize, total, summaries);
            } finally {
                folder.close(false);
            }
        });
    }

    @Override
    public MailMessage read(String username, String folderName, long uid) {
        return withStore(username, store -> {
            Folder folder = open(store, folderName, Folder.READ_WRITE);
            try {
                Message message = message(folder, uid);
                MimeMessage copy = new MimeMessage((MimeMessage) message); // the whole message, once
                message.setFlag(Flags.Flag.SEEN, true);
                return MimeReader.read(uid, folderName, copy);
            } finally {
                folder.close(false);
            }
        });
    }

    @Override
    public AttachmentContent attachment(String username, String folderName, long uid, String partId) {
        return withStore(username, store -> {
            Folder folder = open(store, folderName, Folder.READ_ONLY);
            try {
                MimeMessage copy = new MimeMessage((MimeMessage) message(folder, uid));
                Part part = MimeReader.part(copy, partId)
                        .orElseThrow(() -> new MailboxException("Không có tệp đính kèm " + partId
                                + " trong thư này (no such attachment)"));
                try (InputStream in = part.getInputStream()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    in.transferTo(bytes);
                    String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
                    return new AttachmentContent(MimeReader.fileName(part), type, bytes.toByteArray());
                } catch (IOException e) {
                    throw new MailboxException("Không đọc được tệp đính kèm (could not read the attachment)", e);
                }
            } finally {
                folder.close(false);
            }
        });
    }

    @Override
    public void markSeen(String username, String folder, long uid, boolean seen) {
        setFlag(username, folder, uid, Flags.Flag.SEEN, seen);
    }

    @Override
    public void markFlagged(String username, String folder, long uid, boolean flagged) {
        setFlag(username, folder, uid, Flags.Flag.FLAGGED, flagged);
    }

    private void setFlag(String username, String folderName, long uid, Flags.Flag flag, boolean value) {
        withStore(username, store -> {
            Folder folder = open(store, folderName, Folder.READ_WRITE);
            try {
                message(folder, uid).setFlag(flag, value);
                return null;
            } finally {
                folder.close(false);
            }
        });
    }

    @Override
    public long move(String username, String folderName, long uid, String targetFolder) {
        return withStore(username, store -> moveNow(store, folderName, uid, targetFolder));
    }

    private long moveNow(Store store, String folderName, long uid, String targetFolder) throws MessagingException {
        checkName(targetFolder);
        Folder target = SPECIAL.containsKey(targetFolder) ? ensureFolder(store, targetFolder)
                : store.getFolder(targetFolder);
        if (!target.exists()) {
            throw new MailboxException("Không có thư mục “" + targetFolder + "” (no such folder)");
        }
        IMAPFolder folder = (IMAPFolder) open(store, folderName, Folder.READ_WRITE);
        try {
            Message message = message(folder, uid);
            AppendUID[] moved = folder.moveUIDMessages(new Message[] {message}, target);
            return moved != null && moved.length == 1 && moved[0] != null ? moved[0].uid : -1;
        } finally {
            folder.close(false);
        }
    }

    @Override
    public void delete(String username, String folderName, long uid) {
        withStore(username, store -> {
            if (!TRASH.equals(folderName)) {
                return moveNow(store, folderName, uid, TRASH);
            }
            IMAPFolder trash = (IMAPFolder) open(store, TRASH, Folder.READ_WRITE);
            try {
                Message message = message(trash, uid);
                message.setFlag(Flags.Flag.DELETED, true);
                trash.expunge(new Message[] {message}); // UID EXPUNGE: only this message
                return null;
            } finally {
                trash.close(false);
            }
        });
    }

    @Override
    public int emptyTrash(String username) {
        return withStore(username, store -> {
            ensureFolder(store, TRASH);
            Folder trash = open(store, TRASH, Folder.READ_WRITE);
            try {
                Message[] messages = trash.getMessages();
                trash.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
                return trash.expunge().length;
            } finally {
                trash.close(false);
            }
        });
    }

    // ------------------------------------------------------------------ writing

    @Override
    public void send(String username, Draft draft) {
        withStore(username, (store, address) -> {
            Session session = Session.getInstance(smtpProperties(address));
            MimeMessage message = MailComposer.compose(session, address, draft, thread(store, draft.inReplyTo()));
            Address[] recipients = MailComposer.recipients(message);
            checkSize(message);
            submit(session, message, recipients);
            try {
                message.setFlags(new Flags(Flags.Flag.SEEN), true);
                ensureFolder(store, SENT).appendMessages(new Message[] {message});
                if (draft.inReplyTo() != null) {
                    markAnswered(store, draft.inReplyTo());
                }
                if (draft.draftUid() != null) {
                    removeDraft(store, draft.draftUid());
                }
            } catch (MessagingException | MailboxException e) {
                throw new MailboxException("Thư đã được gửi nhưng chưa lưu được bản sao vào Đã gửi (the message was "
                        + "sent, but its copy could not be saved in Sent)", e);
            }
            return null;
        });
    }

    @Override
    public long saveDraft(String username, Draft draft) {
        return withStore(username, (store, address) -> {
            Session session = Session.getInstance(smtpProperties(address));
            MimeMessage message = MailComposer.compose(session, address, draft, thread(store, draft.inReplyTo()));
            checkSize(message);
            Flags flags = new Flags(Flags.Flag.DRAFT);
            flags.add(Flags.Flag.SEEN);
            message.setFlags(flags, true);
            IMAPFolder drafts = (IMAPFolder) ensureFolder(store, DRAFTS);
            AppendUID[] appended = drafts.appendUIDMessages(new Message[] {message});
            // The new version is safe in Thư nháp before the old one goes.
            if (draft.draftUid() != null) {
                removeDraft(store, draft.draftUid());
            }
            return appended != null && appended.length == 1 && appended[0] != null ? appended[0].uid : -1L;
        });
    }

    @Override
    public Draft replyTemplate(String username, String folderName, long uid, boolean all) {
        return withStore(username, (store, address) -> {
            Folder folder = open(store, folderName, Folder.READ_ONLY);
            try {
                MimeMessage copy = new MimeMessage((MimeMessage) message(folder, uid));
                MailMessage original = MimeReader.read(uid, folderName, copy);
                return MailComposer.reply(original, copy, address, new Draft.MessageRef(folderName, uid), all);
            } finally {
                folder.close(false);
            }
        });
    }

    @Override
    public Draft forwardTemplate(String username, String folderName, long uid) {
        return withStore(username, (store, address) -> {
            Folder folder = open(store, folderName, Folder.READ_ONLY);
            try {
                MimeMessage copy = new MimeMessage((MimeMessage) message(folder, uid));
                MailMessage original = MimeReader.read(uid, folderName, copy);
                List<Draft.Attachment> attachments = new ArrayList<>();
                for (MailMessage.Attachment attachment : original.attachments()) {
                    Part part = MimeReader.part(copy, attachment.partId()).orElseThrow();
                    try (InputStream in = part.getInputStream()) {
                        attachments.add(new Draft.Attachment(attachment.fileName(), attachment.contentType(),
                                in.readAllBytes()));
                    } catch (IOException e) {
                        throw new MailboxException("Không đọc được tệp đính kèm (could not read the attachment)", e);
                    }
                }
                return MailComposer.forward(original, attachments);
            } finally {
                folder.close(false);
            }
        });
    }

    private void checkSize(MimeMessage message) throws MessagingException {
        long size = MailComposer.size(message);
        if (size > maxMessageSize.toBytes()) {
            throw new MailboxException("Thư quá lớn: " + megabytes(size) + " MB, tối đa " + megabytes(
                    maxMessageSize.toBytes()) + " MB. Hãy bớt hoặc thu nhỏ tệp đính kèm (the message is larger than "
                    + "the limit)");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)).replace('.', ',');
    }

    /**
     * SMTP submission as James's administrator, with the official's own address as envelope and From: James 3.8.1's
     * AUTH PLAIN ignores an authorisation identity, so the app cannot act for the official there as it does over
     * IMAP. The address comes from the signed-in username, never from the caller, and James's submission hook lets
     * only the administrator (and the address's own account) use it.
     */
    private void submit(Session session, MimeMessage message, Address[] recipients) {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(james.host(), james.smtpPort(), james.administrator(), james.administratorPassword());
            transport.sendMessage(message, recipients);
        } catch (MessagingException e) {
            throw new MailboxException("Không gửi được thư: " + e.getMessage() + " (the message could not be sent)",
                    e);
        }
    }

    private Properties smtpProperties(String address) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", james.host());
        properties.put("mail.smtp.port", Integer.toString(james.smtpPort()));
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.auth.mechanisms", "PLAIN");
        properties.put("mail.smtp.from", address);
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "60000");
        properties.put("mail.host", address.substring(address.indexOf('@') + 1)); // Message-ID's domain
        return properties;
    }

    private static MailComposer.Thread thread(Store store, Draft.MessageRef ref) throws MessagingException {
        if (ref == null) {
            return null;
        }
        Folder folder = open(store, ref.folder(), Folder.READ_ONLY);
        try {
            Message original = message(folder, ref.uid());
            String[] references = original.getHeader("References");
            return new MailComposer.Thread(((MimeMessage) original).getMessageID(),
                    references == null ? null : ImapMailboxes.unfold(String.join(" ", references)));
        } finally {
            folder.close(false);
        }
    }

    private static String unfold(String header) {
        return header.replaceAll("\\s+", " ").strip();
    }

    private static void markAnswered(Store store, Draft.MessageRef ref) throws MessagingException {
        Folder folder = open(store, ref.folder(), Folder.READ_WRITE);
        try {
            Message original = ((UIDFolder) folder).getMessageByUID(ref.uid());
            if (original != null && !original.isExpunged()) {
                original.setFlag(Flags.Flag.ANSWERED, true);
            }
        } finally {
            folder.close(false);
        }
    }

    private static void removeDraft(Store store, long uid) throws MessagingException {
        IMAPFolder drafts = (IMAPFolder) open(store, DRAFTS, Folder.READ_WRITE);
        try {
            Message old = drafts.getMessageByUID(uid);
            if (old != null && !old.isExpunged()) {
                old.setFlag(Flags.Flag.DELETED, true);
                drafts.expunge(new Message[] {old}); // UID EXPUNGE: only this draft
            }
        } finally {
            drafts.close(false);
        }
    }

    // ------------------------------------------------------------------ plumbing

    private static MessageSummary summary(UIDFolder folder, Message message) throws MessagingException {
        Flags flags = message.getFlags();
        Address[] from = message.getFrom();
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        return new MessageSummary(folder.getUID(message),
                from == null || from.length == 0 ? "" : MimeReader.display(from[0]),
                to == null ? List.of() : Arrays.stream(to).map(MimeReader::display).toList(),
                message.getSubject() == null ? "" : message.getSubject(),
                instant(message), message.getSize(), flags.contains(Flags.Flag.SEEN),
                flags.contains(Flags.Flag.FLAGGED), flags.contains(Flags.Flag.ANSWERED));
    }

    static Instant instant(Message message) throws MessagingException {
        java.util.Date date = message.getSentDate() != null ? message.getSentDate() : message.getReceivedDate();
        return date == null ? null : date.toInstant();
    }

    private static Message message(Folder folder, long uid) throws MessagingException {
        Message message = ((UIDFolder) folder).getMessageByUID(uid);
        if (message == null || message.isExpunged()) {
            throw new MailboxException("Không tìm thấy thư này (no such message)");
        }
        return message;
    }

    private static Folder open(Store store, String name, int mode) throws MessagingException {
        checkName(name);
        Folder folder = SPECIAL.containsKey(name) ? ensureFolder(store, name) : store.getFolder(name);
        if (!folder.exists()) {
            throw new MailboxException("Không có thư mục “" + name + "” (no such folder)");
        }
        folder.open(mode);
        return folder;
    }

    private static Folder ensureFolder(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
            folder.setSubscribed(true);
        }
        return folder;
    }

    /** Only the official's own folders: no other namespace, no wildcards. */
    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.startsWith("#") || name.contains("*") || name.contains("%")
                || name.length() > 200) {
            throw new MailboxException("Tên thư mục không hợp lệ (invalid folder name)");
        }
    }

    private interface StoreWork<T> {
        T run(Store store) throws MessagingException;
    }

    private interface AddressedWork<T> {
        T run(Store store, String address) throws MessagingException;
    }

    private <T> T withStore(String username, StoreWork<T> work) {
        return withStore(username, (AddressedWork<T>) (store, address) -> work.run(store));
    }

    private <T> T withStore(String username, AddressedWork<T> work) {
        String address = username == null ? null
                : addressOfUsername.apply(username).orElse(null);
        if (address == null) {
            throw new MailboxException("Không có hộp thư cho người dùng này (no mailbox for this user)");
        }
        Properties properties = new Properties();
        properties.put("mail.imap.host", james.host());
        properties.put("mail.imap.port", Integer.toString(james.imapPort()));
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "30000");
        properties.put("mail.imap.sasl.enable", "true");
        properties.put("mail.imap.sasl.mechanisms", "PLAIN");
        properties.put("mail.imap.sasl.authorizationid", address);
        properties.put("mail.mime.decodetext.strict", "false");
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(james.host(), james.imapPort(), james.administrator(), james.administratorPassword());
            return work.run(store, address);
        } catch (MailboxException e) {
            throw e;
        } catch (MessagingException e) {
            throw new MailboxException("Không truy cập được hộp thư: " + e.getMessage()
                    + " (the mailbox could not be reached)", e);
        }
    }

    static String decode(String text) {
        try {
            return text == null ? null : MimeUtility.decodeText(text);
        } catch (java.io.UnsupportedEncodingException e) {
            return text;
        }
    }

    static boolean isMultipart(Part part) throws MessagingException {
        return part.isMimeType("multipart/*");
    }

    static Multipart multipart(Part part) throws MessagingException, IOException {
        return (Multipart) part.getContent();
    }
}
