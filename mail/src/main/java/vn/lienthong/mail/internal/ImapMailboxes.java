package vn.lienthong.mail.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
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
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.MessageIDTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.SearchTerm;

import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.CopyUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.springframework.util.unit.DataSize;

import vn.lienthong.mail.AttachmentContent;
import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailFolder;
import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.MessageLocation;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessagePage;
import vn.lienthong.mail.MessageSummary;

/**
 * {@link Mailboxes} over IMAP: each call opens the official's mailbox as James's administrator acting for that
 * official (SASL PLAIN with an authorisation identity) and closes it again. James confines such a session to the
 * official's own namespace, and folder names of other namespaces ({@code #...}) are refused here too.
 */
public class ImapMailboxes implements Mailboxes, AutoCloseable {

    private static final Map<String, String> SPECIAL = Map.of(INBOX, "Hộp thư đến", SENT, "Đã gửi",
            DRAFTS, "Thư nháp", TRASH, "Thùng rác");
    private static final List<String> SPECIAL_ORDER = List.of(INBOX, SENT, DRAFTS, TRASH);
    private static final int MAX_PAGE_SIZE = 200;

    private static final DataSize DEFAULT_MAX_MESSAGE_SIZE = DataSize.ofMegabytes(25);
    /** What a list line needs: envelope, flags, size, UID and the References header (for the thread id). */
    private static final FetchProfile SUMMARY = new FetchProfile();

    static {
        SUMMARY.add(FetchProfile.Item.ENVELOPE);
        SUMMARY.add(FetchProfile.Item.FLAGS);
        SUMMARY.add(FetchProfile.Item.SIZE);
        SUMMARY.add(UIDFolder.FetchProfileItem.UID);
        SUMMARY.add("References");
    }

    private final ImapSessions sessions;
    private final SmtpSubmission submission;
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
        this.sessions = new ImapSessions(james);
        this.submission = new SmtpSubmission(james);
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
            int total = folder.getMessageCount();
            // Sequence numbers follow UID order: the newest page is at the end; fetch only its range.
            int last = total - (page - 1) * pageSize;
            int first = Math.max(1, last - pageSize + 1);
            List<MessageSummary> summaries = new ArrayList<>();
            if (last >= 1) {
                Message[] messages = folder.getMessages(first, last);
                folder.fetch(messages, SUMMARY);
                for (int i = messages.length - 1; i >= 0; i--) {
                    summaries.add(summary(folder, messages[i]));
                }
            }
            return new MessagePage(folderName, page, pageSize, total, summaries);
        });
    }

    @Override
    public List<MessageSummary> thread(String username, String folderName, long uid) {
        return withStore(username, store -> {
            MessageSummary self;
            Folder folder = open(store, folderName, Folder.READ_ONLY);
            Message message = message(folder, uid);
            folder.fetch(new Message[] {message}, SUMMARY);
            self = summary(folder, message);
            if (self.threadId() == null) {
                return List.of(self);
            }
            // Per folder/UID: the summary and its depth (how many ids its References hold), which orders messages of
            // the same second: a reply always comes after what it answers.
            Map<String, MessageSummary> found = new LinkedHashMap<>();
            Map<String, Integer> depth = new HashMap<>();
            Set<String> folders = new LinkedHashSet<>(List.of(INBOX, SENT, folderName));
            // James's index splits header values at spaces and matches prefixes, so ids are searched as "<id>".
            String bracketed = MessageIds.bracketed(self.threadId());
            SearchTerm term = new OrTerm(new SearchTerm[] {new MessageIDTerm(bracketed),
                    new HeaderTerm("References", bracketed), new HeaderTerm("In-Reply-To", bracketed)});
            for (String name : folders) {
                Folder other = open(store, name, Folder.READ_ONLY);
                Message[] matches = other.search(term);
                other.fetch(matches, SUMMARY);
                for (Message match : matches) {
                    MessageSummary summary = summary(other, match);
                    String key = name + "/" + summary.uid();
                    if (self.threadId().equals(summary.threadId()) && !found.containsKey(key)) {
                        found.put(key, summary);
                        depth.put(key, MessageIds.all(((MimeMessage) match).getHeader("References", " ")).size());
                    }
                }
            }
            found.putIfAbsent(folderName + "/" + uid, self);
            List<MessageSummary> thread = new ArrayList<>(found.values());
            thread.sort(Comparator.comparing(MessageSummary::date, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(summary -> depth.getOrDefault(summary.folder() + "/" + summary.uid(), 0))
                    .thenComparing(MessageSummary::uid));
            return thread;
        });
    }

    @Override
    public Optional<MessageLocation> findByMessageId(String username, String messageId) {
        String id = MessageIds.normalise(messageId);
        if (id == null) {
            return Optional.empty();
        }
        return withStore(username, store -> {
            List<String> order = new ArrayList<>(List.of(INBOX, SENT));
            for (Folder folder : store.getDefaultFolder().list("*")) {
                String name = folder.getFullName();
                if (!order.contains(name) && !TRASH.equals(name) && (folder.getType() & Folder.HOLDS_MESSAGES) != 0) {
                    order.add(name);
                }
            }
            order.add(TRASH);
            for (String name : order) {
                Folder folder = store.getFolder(name);
                if (!folder.exists()) {
                    continue;
                }
                folder = store.select(folder, Folder.READ_ONLY);
                for (Message match : folder.search(new MessageIDTerm(MessageIds.bracketed(id)))) {
                    // SEARCH matches substrings: keep only the exact id.
                    if (id.equals(MessageIds.normalise(((MimeMessage) match).getMessageID()))) {
                        return Optional.of(new MessageLocation(name, ((UIDFolder) folder).getUID(match)));
                    }
                }
            }
            return Optional.<MessageLocation>empty();
        });
    }

    @Override
    public MailMessage read(String username, String folderName, long uid) {
        return withStore(username, store -> {
            Folder folder = open(store, folderName, Folder.READ_WRITE);
            Message message = message(folder, uid);
            MimeMessage copy = new MimeMessage((MimeMessage) message); // the whole message, once
            message.setFlag(Flags.Flag.SEEN, true);
            return MimeReader.read(uid, folderName, copy);
        });
    }

    @Override
    public AttachmentContent attachment(String username, String folderName, long uid, String partId) {
        return withStore(username, store -> {
            Folder folder = open(store, folderName, Folder.READ_ONLY);
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
            message(folder, uid).setFlag(flag, value);
            return null;
        });
    }

    @Override
    public long move(String username, String folderName, long uid, String targetFolder) {
        return withStore(username, store -> moveNow(store, folderName, uid, targetFolder));
    }

    private long moveNow(ImapSessions.ImapSession store, String folderName, long uid, String targetFolder)
            throws MessagingException {
        checkName(targetFolder);
        Folder target = SPECIAL.containsKey(targetFolder) ? ensureFolder(store, targetFolder)
                : store.getFolder(targetFolder);
        if (!target.exists()) {
            throw new MailboxException("Không có thư mục “" + targetFolder + "” (no such folder)");
        }
        IMAPFolder folder = (IMAPFolder) open(store, folderName, Folder.READ_WRITE);
        int number = message(folder, uid).getMessageNumber();
        // Not moveUIDMessages: James 3.8.1 answers MOVE with sequence numbers where COPYUID's source UIDs belong,
        // and Angus then fetches those "UIDs" from the source folder (BAD, or the wrong message). Only the
        // destination UIDs of the answer are right, and they are all we need.
        CopyUID moved = (CopyUID) folder.doCommand(protocol -> protocol.moveuid(number, number,
                target.getFullName()));
        store.unselect(); // its numbering still holds the moved message: select it afresh next time
        return moved != null && moved.dst != null && moved.dst.length > 0 ? moved.dst[0].start : -1;
    }

    @Override
    public void delete(String username, String folderName, long uid) {
        withStore(username, store -> {
            if (!TRASH.equals(folderName)) {
                return moveNow(store, folderName, uid, TRASH);
            }
            IMAPFolder trash = (IMAPFolder) open(store, TRASH, Folder.READ_WRITE);
            Message message = message(trash, uid);
            message.setFlag(Flags.Flag.DELETED, true);
            trash.expunge(new Message[] {message}); // UID EXPUNGE: only this message
            store.unselect();
            return null;
        });
    }

    @Override
    public int emptyTrash(String username) {
        return withStore(username, store -> {
            ensureFolder(store, TRASH);
            Folder trash = open(store, TRASH, Folder.READ_WRITE);
            Message[] messages = trash.getMessages();
            trash.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            int removed = trash.expunge().length;
            store.unselect();
            return removed;
        });
    }

    // ------------------------------------------------------------------ writing

    @Override
    public void send(String username, Draft draft) {
        withStore(username, (store, address) -> {
            Session session = submission.session(address);
            MimeMessage message = MailComposer.compose(session, address, draft, thread(store, draft.inReplyTo()));
            Address[] recipients = MailComposer.recipients(message);
            checkSize(message);
            submission.submit(address, message, recipients);
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
            Session session = submission.session(address);
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
            MimeMessage copy = new MimeMessage((MimeMessage) message(folder, uid));
            MailMessage original = MimeReader.read(uid, folderName, copy);
            return MailComposer.reply(original, copy, address, new Draft.MessageRef(folderName, uid), all);
        });
    }

    @Override
    public Draft forwardTemplate(String username, String folderName, long uid) {
        return withStore(username, (store, address) -> {
            Folder folder = open(store, folderName, Folder.READ_ONLY);
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
        });
    }

    private void checkSize(MimeMessage message) throws MessagingException {
        MailComposer.checkSize(message, maxMessageSize);
    }

    private static MailComposer.Thread thread(ImapSessions.ImapSession store, Draft.MessageRef ref) throws MessagingException {
        if (ref == null) {
            return null;
        }
        Folder folder = open(store, ref.folder(), Folder.READ_ONLY);
        Message original = message(folder, ref.uid());
        String[] references = original.getHeader("References");
        return new MailComposer.Thread(((MimeMessage) original).getMessageID(),
                references == null ? null : ImapMailboxes.unfold(String.join(" ", references)));
    }

    private static String unfold(String header) {
        return header.replaceAll("\\s+", " ").strip();
    }

    private static void markAnswered(ImapSessions.ImapSession store, Draft.MessageRef ref) throws MessagingException {
        Folder folder = open(store, ref.folder(), Folder.READ_WRITE);
        Message original = ((UIDFolder) folder).getMessageByUID(ref.uid());
        if (original != null && !original.isExpunged()) {
            original.setFlag(Flags.Flag.ANSWERED, true);
        }
    }

    private static void removeDraft(ImapSessions.ImapSession store, long uid) throws MessagingException {
        IMAPFolder drafts = (IMAPFolder) open(store, DRAFTS, Folder.READ_WRITE);
        Message old = drafts.getMessageByUID(uid);
        if (old != null && !old.isExpunged()) {
            old.setFlag(Flags.Flag.DELETED, true);
            drafts.expunge(new Message[] {old}); // UID EXPUNGE: only this draft
            store.unselect();
        }
    }

    // ------------------------------------------------------------------ plumbing

    private static MessageSummary summary(Folder folder, Message message) throws MessagingException {
        Flags flags = message.getFlags();
        Address[] from = message.getFrom();
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        MimeMessage mime = (MimeMessage) message;
        String inReplyTo = message instanceof IMAPMessage imap ? imap.getInReplyTo()
                : mime.getHeader("In-Reply-To", " ");
        return new MessageSummary(((UIDFolder) folder).getUID(message),
                from == null || from.length == 0 ? "" : MimeReader.display(from[0]),
                to == null ? List.of() : Arrays.stream(to).map(MimeReader::display).toList(),
                message.getSubject() == null ? "" : message.getSubject(),
                instant(message), message.getSize(), flags.contains(Flags.Flag.SEEN),
                flags.contains(Flags.Flag.FLAGGED), flags.contains(Flags.Flag.ANSWERED),
                MessageIds.threadId(mime.getMessageID(), inReplyTo, mime.getHeader("References", " ")),
                folder.getFullName());
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

    /** The folder, selected in the session (kept selected for the next call). */
    private static Folder open(ImapSessions.ImapSession store, String name, int mode) throws MessagingException {
        checkName(name);
        Folder folder = SPECIAL.containsKey(name) ? ensureFolder(store, name) : store.getFolder(name);
        if (!folder.exists()) {
            throw new MailboxException("Không có thư mục “" + name + "” (no such folder)");
        }
        return store.select(folder, mode);
    }

    /** A special folder, created on first use (its existence is remembered by the session). */
    private static Folder ensureFolder(ImapSessions.ImapSession store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!store.knownToExist(name) && !folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
            folder.setSubscribed(true);
        }
        store.existsNow(name);
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
        T run(ImapSessions.ImapSession store) throws MessagingException;
    }

    private interface AddressedWork<T> {
        T run(ImapSessions.ImapSession store, String address) throws MessagingException;
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
        try {
            return sessions.run(address, session -> work.run(session, address));
        } catch (MailboxException e) {
            throw e;
        } catch (MessagingException e) {
            throw new MailboxException("Không truy cập được hộp thư: " + e.getMessage()
                    + " (the mailbox could not be reached)", e);
        }
    }

    /** Closes the IMAP sessions kept for reuse. */
    @Override
    public void close() {
        sessions.close();
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
