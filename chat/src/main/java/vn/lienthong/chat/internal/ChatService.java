package vn.lienthong.chat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.Collator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.chat.ChannelKind;
import vn.lienthong.chat.ChannelSummary;
import vn.lienthong.chat.Chat;
import vn.lienthong.chat.ChatAdministration;
import vn.lienthong.chat.ChatEvent;
import vn.lienthong.chat.ChatException;
import vn.lienthong.chat.ChatException.Reason;
import vn.lienthong.chat.ChatFile;
import vn.lienthong.chat.ChatMember;
import vn.lienthong.chat.ChatMessage;
import vn.lienthong.chat.ChatNotification;
import vn.lienthong.chat.ChatPresence;
import vn.lienthong.chat.HistoryPage;
import vn.lienthong.chat.MessageAudit;
import vn.lienthong.chat.NewFile;
import vn.lienthong.chat.NewMessage;
import vn.lienthong.chat.ReadReceipt;
import vn.lienthong.chat.UnitChannelSyncReport;
import vn.lienthong.directory.Official;

/**
 * The chat's rules. Each change runs in its own transaction; what it broadcasts leaves after the commit, under the
 * channel's lock so that subscribers on this instance see a channel's messages in sequence order.
 */
@Service
class ChatService implements Chat, ChatAdministration {

    /** {@code @username}: not inside a word or an e-mail address. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([a-z0-9][a-z0-9._-]{0,63})",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_TITLE = 255;
    private static final int MAX_CLIENT_ID = 64;
    private static final int MAX_GROUP = 100;
    private static final int EXCERPT = 140;
    private static final int MAX_FILE_NAME = 255;
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
    private static final Pattern FILE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ChannelRepository channels;
    private final MessageRepository messages;
    private final People people;
    private final ChatSettings settings;
    private final RateLimiter rateLimiter;
    private final ChatBroadcaster broadcaster;
    private final ChannelLocks locks;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final UnitChannels unitChannels;
    private final FileRepository files;
    private final PresenceTracker presence;
    private final UnreadNotifier unread;
    private final LiveConnections live;

    ChatService(ChannelRepository channels, MessageRepository messages, People people, ChatSettings settings,
                RateLimiter rateLimiter, ChatBroadcaster broadcaster, ChannelLocks locks,
                TransactionTemplate transactions, ApplicationEventPublisher events, UnitChannels unitChannels,
                FileRepository files, PresenceTracker presence, UnreadNotifier unread, LiveConnections live) {
        this.unread = unread;
        this.live = live;
        this.channels = channels;
        this.messages = messages;
        this.files = files;
        this.presence = presence;
        this.people = people;
        this.settings = settings;
        this.rateLimiter = rateLimiter;
        this.broadcaster = broadcaster;
        this.locks = locks;
        this.transactions = transactions;
        this.events = events;
        this.unitChannels = unitChannels;
    }

    // ---------------------------------------------------------------------------------------------- channels

    @Override
    public List<ChannelSummary> channelsOf(String username) {
        People.Names names = people.names();
        return channels.membershipsOf(username).stream().map(m -> summary(m, names)).toList();
    }

    @Override
    public ChannelSummary channel(String username, long channelId) {
        return summary(membership(username, channelId), people.names());
    }

    @Override
    public boolean isMember(String username, long channelId) {
        return username != null && channels.member(channelId, username).isPresent();
    }

    /** Whether the user may post in the channel now: a member with the poster right, the channel open. */
    boolean canPost(String username, long channelId) {
        return channels.membership(channelId, username)
                .map(m -> m.member().canPost() && !m.channel().closed()).orElse(false);
    }

    @Override
    public List<ChatMember> members(String username, long channelId) {
        membership(username, channelId);
        People.Names names = people.names();
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        return channels.members(channelId).stream()
                .map(m -> new ChatMember(m.username(), names.fullName(m.username()), m.moderator(), m.canPost(),
                        m.lastReadSeq()))
                .sorted(Comparator.comparing(ChatMember::fullName, collator::compare))
                .toList();
    }

    @Override
    public ChannelSummary openDirect(String username, String otherUsername) {
        String other = otherUsername == null ? "" : otherUsername.strip().toLowerCase(Locale.ROOT);
        if (other.equals(username)) {
            throw new ChatException(Reason.INVALID, "Không thể nhắn tin riêng cho chính mình.");
        }
        requireActive(username);
        requireActive(other);
        String key = Channel.directKey(username, other);
        long id = transactions.execute(status -> {
            channels.insertIfAbsent(ChannelKind.DIRECT, "", null, null, key, null, username);
            Channel channel = channels.findByDirectKey(key).orElseThrow();
            boolean added = channels.addMember(channel.id(), username, false, true);
            added |= channels.addMember(channel.id(), other, false, true);
            if (added) {
                events.publishEvent(ArchiveUpdate.wholeChannel(channel.id()));
            }
            return channel.id();
        });
        return channel(username, id);
    }

    @Override
    public ChannelSummary createGroup(String username, String title, Collection<String> members) {
        requireActive(username);
        String name = title(title);
        Set<String> others = activeUsernames(members);
        others.remove(username);
        if (others.isEmpty()) {
            throw new ChatException(Reason.INVALID, "Nhóm cần ít nhất một thành viên khác ngoài bạn.");
        }
        if (others.size() + 1 > MAX_GROUP) {
            throw new ChatException(Reason.INVALID, "Nhóm trò chuyện có tối đa " + MAX_GROUP + " thành viên.");
        }
        long id = transactions.execute(status -> {
            long channelId = channels.insert(ChannelKind.GROUP, name, username);
            channels.addMember(channelId, username, true, true);
            others.forEach(other -> channels.addMember(channelId, other, false, true));
            return channelId;
        });
        return channel(username, id);
    }

    @Override
    public void addMembers(String username, long channelId, Collection<String> usernames) {
        Set<String> added = activeUsernames(usernames);
        transactions.executeWithoutResult(status -> {
            ChannelRepository.Membership membership = membership(username, channelId);
            if (membership.channel().kind() != ChannelKind.GROUP) {
                throw new ChatException(Reason.FORBIDDEN, "Chỉ thêm được thành viên vào nhóm trò chuyện.");
            }
            if (!membership.member().moderator()) {
                throw new ChatException(Reason.FORBIDDEN, "Chỉ người quản lý nhóm mới thêm được thành viên.");
            }
            if (channels.usernames(channelId).size() + added.size() > MAX_GROUP) {
                throw new ChatException(Reason.INVALID, "Nhóm trò chuyện có tối đa " + MAX_GROUP + " thành viên.");
            }
            boolean changed = false;
            for (String other : added) {
                changed |= channels.addMember(channelId, other, false, true);
            }
            if (changed) {
                events.publishEvent(ArchiveUpdate.wholeChannel(channelId));
            }
        });
    }

    @Override
    public void leave(String username, long channelId) {
        transactions.executeWithoutResult(status -> {
            ChannelRepository.Membership membership = membership(username, channelId);
            if (membership.channel().kind() != ChannelKind.GROUP) {
                throw new ChatException(Reason.FORBIDDEN, "Chỉ rời được nhóm trò chuyện.");
            }
            channels.removeMember(channelId, username);
            events.publishEvent(ArchiveUpdate.wholeChannel(channelId));
        });
        // Their open tab still holds the subscription: from now on it gets none of the channel's events.
        live.forget(channelId, username);
    }

    // ---------------------------------------------------------------------------------------------- messages

    @Override
    public ChatMessage post(String username, long channelId, NewMessage message) {
        if (message == null) {
            throw new ChatException(Reason.INVALID, "Tin nhắn không được để trống.");
        }
        String text = text(message.text());
        String clientMessageId = clientMessageId(message.clientMessageId());
        ReentrantLock lock = locks.of(channelId);
        lock.lock();
        try {
            Posted posted = transactions.execute(status -> store(username, channelId, text, message.replyTo(),
                    clientMessageId, null));
            if (posted.stored()) {
                broadcaster.toChannel(ChatEvent.of(ChatEvent.Type.MESSAGE, posted.message()));
                notifyMembers(posted.message());
            }
            return posted.message();
        }
        finally {
            lock.unlock();
        }
    }

    private Posted store(String username, long channelId, String text, Long replyTo, String clientMessageId,
                         FileRepository.FileRow file) {
        Channel channel = channels.lock(channelId).orElseThrow(ChatService::notFound);
        Member member = channels.member(channelId, username).orElseThrow(ChatService::notFound);
        if (clientMessageId != null) {
            var earlier = messages.findByClientId(channelId, username, clientMessageId);
            if (earlier.isPresent()) {
                return new Posted(view(earlier.get()), false);
            }
        }
        if (channel.closed()) {
            throw new ChatException(Reason.CLOSED, "Kênh này đã đóng, chỉ còn xem lại được.");
        }
        if (!member.canPost()) {
            throw new ChatException(Reason.FORBIDDEN, "Bạn không có quyền đăng tin trong kênh này.");
        }
        if (replyTo != null && (replyTo < 1 || replyTo > channel.lastSeq())) {
            throw new ChatException(Reason.INVALID, "Tin nhắn được trả lời không có trong kênh này.");
        }
        // The rate limit counts only messages that would be stored: a retry of a stored one is free.
        Duration wait = rateLimiter.tryAcquire(username);
        if (wait != null) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ChatException(Reason.RATE_LIMITED, "Bạn gửi tin quá nhanh. Hãy thử lại sau " + seconds
                    + " giây.", wait);
        }
        long seq = channel.lastSeq() + 1;
        Instant now = Timestamps.now();
        long id = messages.insert(channelId, seq, username, text, replyTo, clientMessageId, now,
                file == null ? null : file.id());
        channels.advance(channelId, seq, now);
        List<String> mentioned = mentions(text, channelId, username);
        if (!mentioned.isEmpty()) {
            messages.replaceMentions(id, mentioned);
        }
        // The author has read what they wrote.
        channels.markRead(channelId, username, seq, now);
        events.publishEvent(ArchiveUpdate.message(channelId, seq));
        ChatMessage stored = new ChatMessage(channelId, seq, username, people.names().fullName(username), text,
                replyTo, mentioned, List.of(), now, null, false, clientMessageId, file == null ? null : file.view());
        return new Posted(stored, true);
    }

    private record Posted(ChatMessage message, boolean stored) {
    }

    // ---------------------------------------------------------------------------------------------- files

    @Override
    public ChatMessage postFile(String username, long channelId, NewFile file) {
        if (file == null || file.content() == null) {
            throw new ChatException(Reason.INVALID, "Chưa chọn tệp để gửi.");
        }
        long max = settings.maxFileSize().toBytes();
        if (file.size() > max) {
            throw tooLarge(file.size());
        }
        if (file.size() == 0) {
            throw new ChatException(Reason.INVALID, "Tệp rỗng (0 byte), không gửi được.");
        }
        String name = fileName(file.name());
        String contentType = contentType(file.contentType());
        String caption = file.text() == null || file.text().isBlank() ? "" : text(file.text());
        String clientMessageId = clientMessageId(file.clientMessageId());
        // Everything that can be refused without the bytes is refused before reading them.
        ChannelRepository.Membership membership = membership(username, channelId);
        if (clientMessageId != null) {
            var earlier = messages.findByClientId(channelId, username, clientMessageId);
            if (earlier.isPresent()) {
                return view(earlier.get());
            }
        }
        if (membership.channel().closed()) {
            throw new ChatException(Reason.CLOSED, "Kênh này đã đóng, chỉ còn xem lại được.");
        }
        if (!membership.member().canPost()) {
            throw new ChatException(Reason.FORBIDDEN, "Bạn không có quyền đăng tin trong kênh này.");
        }
        ReentrantLock lock = locks.of(channelId);
        boolean[] locked = {false};
        try {
            Posted posted = transactions.execute(status -> {
                FileRepository.FileRow stored;
                try (InputStream in = file.content().getInputStream()) {
                    stored = files.write(UUID.randomUUID().toString(), channelId, username, name, contentType, in,
                            max, Timestamps.now());
                }
                catch (FileRepository.TooLarge ex) {
                    throw tooLarge(-1);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                if (stored.size() == 0) {
                    throw new ChatException(Reason.INVALID, "Tệp rỗng (0 byte), không gửi được.");
                }
                // The channel lock only now: storing the bytes does not hold up the channel's other posts.
                lock.lock();
                locked[0] = true;
                Posted result = store(username, channelId, caption, file.replyTo(), clientMessageId, stored);
                if (!result.stored()) {
                    // The same post came in meanwhile: keep the first, drop these bytes.
                    status.setRollbackOnly();
                }
                return result;
            });
            if (posted.stored()) {
                broadcaster.toChannel(ChatEvent.of(ChatEvent.Type.MESSAGE, posted.message()));
                notifyMembers(posted.message());
            }
            return posted.message();
        }
        finally {
            if (locked[0]) {
                lock.unlock();
            }
        }
    }

    @Override
    public ChatFile file(String username, String fileId) {
        return readableFile(username, fileId).view();
    }

    @Override
    public void copyFile(String username, String fileId, OutputStream out) throws IOException {
        files.copy(readableFile(username, fileId).id(), out);
    }

    private FileRepository.FileRow readableFile(String username, String fileId) {
        if (username == null || fileId == null || !FILE_ID.matcher(fileId).matches()) {
            throw fileNotFound();
        }
        FileRepository.FileRow file = files.find(fileId).orElseThrow(ChatService::fileNotFound);
        if (channels.member(file.channelId(), username).isEmpty()) {
            throw fileNotFound();
        }
        boolean live = messages.findByFile(fileId).map(row -> !row.deleted()).orElse(false);
        if (!live) {
            throw fileNotFound();
        }
        return file;
    }

    private static ChatException fileNotFound() {
        return new ChatException(Reason.NOT_FOUND, "Không tìm thấy tệp, hoặc bạn không phải thành viên của kênh "
                + "có tệp này.");
    }

    private ChatException tooLarge(long size) {
        String limit = Sizes.vietnamese(settings.maxFileSize().toBytes());
        return new ChatException(Reason.TOO_LARGE, size > 0
                ? "Tệp quá lớn: tối đa " + limit + ", tệp này " + Sizes.vietnamese(size) + "."
                : "Tệp quá lớn: tối đa " + limit + ".");
    }

    /** The name without any folder part, NFC, no control characters, at most 255 characters. */
    private static String fileName(String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new ChatException(Reason.INVALID, "Tệp không có tên hợp lệ.");
        }
        if (name.codePointCount(0, name.length()) > MAX_FILE_NAME) {
            throw new ChatException(Reason.INVALID, "Tên tệp dài quá: tối đa " + MAX_FILE_NAME + " ký tự.");
        }
        return name;
    }

    /** The declared media type without parameters, or {@code application/octet-stream}. */
    private static String contentType(String raw) {
        if (raw == null) {
            return "application/octet-stream";
        }
        String type = raw.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return MEDIA_TYPE.matcher(type).matches() ? type : "application/octet-stream";
    }

    // ---------------------------------------------------------------------------------------------- presence

    @Override
    public List<ChatPresence> presence(String username, Collection<String> usernames) {
        if (usernames != null && usernames.size() > PresenceTracker.MAX_ASKED) {
            throw new ChatException(Reason.INVALID, "Hỏi trạng thái của tối đa " + PresenceTracker.MAX_ASKED
                    + " người mỗi lần.");
        }
        return presence.of(username, usernames);
    }

    private void notifyMembers(ChatMessage message) {
        String excerpt = message.text().length() > EXCERPT ? message.text().substring(0, EXCERPT) + "…"
                : message.text();
        for (String mentioned : message.mentions()) {
            broadcaster.toUser(mentioned, new ChatNotification(ChatNotification.Type.MENTION, message.channelId(),
                    message.sequence(), null, message.author(), message.authorName(), excerpt));
        }
        unread.countsChanged(message.channelId());
    }

    @Override
    public ChatMessage edit(String username, long channelId, long sequence, String newText) {
        String text = text(newText);
        return change(channelId, () -> {
            ChannelRepository.Membership membership = membership(username, channelId);
            MessageRow row = liveMessage(channelId, sequence);
            if (!row.author().equals(username)) {
                throw new ChatException(Reason.FORBIDDEN, "Chỉ người viết mới sửa được tin nhắn.");
            }
            if (membership.channel().closed()) {
                throw new ChatException(Reason.CLOSED, "Kênh này đã đóng, chỉ còn xem lại được.");
            }
            if (!row.body().equals(text)) {
                Instant now = Timestamps.now();
                messages.audit(row.id(), "EDITED", username, row.body(), now);
                messages.replaceBody(row.id(), text, now);
                messages.replaceMentions(row.id(), mentions(text, channelId, username));
                events.publishEvent(ArchiveUpdate.message(channelId, sequence));
            }
            return view(messages.find(channelId, sequence).orElseThrow());
        }, ChatEvent.Type.EDITED);
    }

    @Override
    public ChatMessage delete(String username, long channelId, long sequence) {
        ChatMessage deleted = change(channelId, () -> {
            ChannelRepository.Membership membership = membership(username, channelId);
            MessageRow row = liveMessage(channelId, sequence);
            if (!row.author().equals(username) && !moderates(username, membership.channel(), membership.member())) {
                throw new ChatException(Reason.FORBIDDEN, "Bạn chỉ xoá được tin nhắn của mình.");
            }
            Instant now = Timestamps.now();
            messages.audit(row.id(), "DELETED", username, row.body(), now);
            messages.markDeleted(row.id(), username, now);
            events.publishEvent(ArchiveUpdate.message(channelId, sequence));
            return view(messages.find(channelId, sequence).orElseThrow());
        }, ChatEvent.Type.DELETED);
        unread.countsChanged(channelId);
        return deleted;
    }

    @Override
    public ChatMessage react(String username, long channelId, long sequence, String emoji, boolean add) {
        String reaction = emoji(emoji);
        return change(channelId, () -> {
            membership(username, channelId);
            MessageRow row = liveMessage(channelId, sequence);
            if (add) {
                messages.addReaction(row.id(), username, reaction);
            }
            else {
                messages.removeReaction(row.id(), username, reaction);
            }
            return view(row);
        }, ChatEvent.Type.REACTION);
    }

    private ChatMessage change(long channelId, java.util.function.Supplier<ChatMessage> work, ChatEvent.Type type) {
        ReentrantLock lock = locks.of(channelId);
        lock.lock();
        try {
            ChatMessage changed = transactions.execute(status -> work.get());
            broadcaster.toChannel(ChatEvent.of(type, changed));
            return changed;
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public long markRead(String username, long channelId, long sequence) {
        ChannelRepository.Membership membership = membership(username, channelId);
        long mark = Math.min(Math.max(sequence, 0), membership.channel().lastSeq());
        if (mark <= membership.member().lastReadSeq()) {
            return membership.member().lastReadSeq();
        }
        boolean moved = Boolean.TRUE.equals(transactions.execute(status ->
                channels.markRead(channelId, username, mark, Timestamps.now())));
        if (moved) {
            broadcaster.toChannel(ChatEvent.read(channelId, username, mark));
            long unread = channels.membership(channelId, username).map(ChannelRepository.Membership::unread)
                    .orElse(0L);
            broadcaster.toUser(username, new ChatNotification(ChatNotification.Type.UNREAD, channelId,
                    membership.channel().lastSeq(), unread, null, null, null));
        }
        return channels.member(channelId, username).map(Member::lastReadSeq).orElse(mark);
    }

    @Override
    public void typing(String username, long channelId) {
        ChannelRepository.Membership membership = membership(username, channelId);
        if (membership.member().canPost() && !membership.channel().closed()) {
            broadcaster.toChannel(ChatEvent.typing(channelId, username, people.names().fullName(username)));
        }
    }

    @Override
    public HistoryPage after(String username, long channelId, long afterSequence, int limit) {
        Channel channel = membership(username, channelId).channel();
        int size = limit(limit);
        List<MessageRow> rows = messages.after(channelId, Math.max(0, afterSequence), size + 1);
        boolean more = rows.size() > size;
        return new HistoryPage(channelId, views(more ? rows.subList(0, size) : rows), more, channel.lastSeq());
    }

    @Override
    public HistoryPage before(String username, long channelId, Long beforeSequence, int limit) {
        Channel channel = membership(username, channelId).channel();
        int size = limit(limit);
        long before = beforeSequence == null ? Long.MAX_VALUE : beforeSequence;
        List<MessageRow> rows = messages.before(channelId, before, size + 1);
        boolean more = rows.size() > size;
        return new HistoryPage(channelId, views(more ? rows.subList(1, rows.size()) : rows), more,
                channel.lastSeq());
    }

    @Override
    public List<ReadReceipt> readers(String username, long channelId, long sequence) {
        membership(username, channelId);
        MessageRow row = messages.find(channelId, sequence).orElseThrow(ChatService::notFound);
        People.Names names = people.names();
        return channels.members(channelId).stream()
                .filter(m -> m.lastReadSeq() >= sequence && !m.username().equals(row.author()))
                .map(m -> new ReadReceipt(m.username(), names.fullName(m.username()), m.lastReadSeq(),
                        m.lastReadAt()))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------- administration

    @Override
    public ChannelSummary createAnnouncement(String actor, String title, Collection<String> members,
                                             Collection<String> posters) {
        if (!people.isAdministrator(actor)) {
            throw new ChatException(Reason.FORBIDDEN, "Chỉ quản trị mới tạo được kênh thông báo.");
        }
        String name = title(title);
        Set<String> posting = activeUsernames(posters);
        posting.add(actor);
        Set<String> reading = activeUsernames(members);
        reading.removeAll(posting);
        long id = transactions.execute(status -> {
            long channelId = channels.insert(ChannelKind.ANNOUNCEMENT, name, actor);
            channels.addMember(channelId, actor, true, true);
            posting.forEach(poster -> channels.addMember(channelId, poster, false, true));
            reading.forEach(reader -> channels.addMember(channelId, reader, false, false));
            return channelId;
        });
        return channel(actor, id);
    }

    @Override
    public long openMeetingChannel(String meetingKey, String title, Collection<String> members) {
        if (meetingKey == null || meetingKey.isBlank() || meetingKey.length() > 200) {
            throw new ChatException(Reason.INVALID, "Mã cuộc họp không hợp lệ.");
        }
        String name = title(title);
        Set<String> wanted = activeUsernames(members);
        return transactions.execute(status -> {
            channels.insertIfAbsent(ChannelKind.MEETING, name, null, null, null, meetingKey, null);
            Channel channel = channels.findByExternalKey(meetingKey).orElseThrow();
            if (!channel.title().equals(name)) {
                channels.rename(channel.id(), name, null);
            }
            boolean changed = false;
            for (String username : wanted) {
                changed |= channels.addMember(channel.id(), username, false, true);
            }
            for (String username : channels.usernames(channel.id())) {
                if (!wanted.contains(username)) {
                    changed |= channels.removeMember(channel.id(), username);
                }
            }
            if (changed) {
                events.publishEvent(ArchiveUpdate.wholeChannel(channel.id()));
            }
            return channel.id();
        });
    }

    @Override
    public OptionalLong meetingChannelId(String meetingKey) {
        return channels.findByExternalKey(meetingKey).map(channel -> OptionalLong.of(channel.id()))
                .orElse(OptionalLong.empty());
    }

    @Override
    public void closeMeetingChannel(String meetingKey) {
        transactions.executeWithoutResult(status -> channels.findByExternalKey(meetingKey)
                .filter(channel -> !channel.closed())
                .ifPresent(channel -> channels.close(channel.id(), null)));
    }

    @Override
    public List<MessageAudit> auditTrail(String actor, long channelId, long sequence) {
        Channel channel = channels.find(channelId).orElseThrow(ChatService::notFound);
        Member member = channels.member(channelId, actor).orElse(null);
        if (!people.isSystemAdmin(actor) && !moderates(actor, channel, member)) {
            throw new ChatException(member == null ? Reason.NOT_FOUND : Reason.FORBIDDEN,
                    member == null ? "Không tìm thấy kênh hoặc tin nhắn." : "Chỉ quản trị mới xem được lịch sử sửa, xoá.");
        }
        messages.find(channelId, sequence).orElseThrow(ChatService::notFound);
        return messages.auditTrail(channelId, sequence);
    }

    @Override
    public UnitChannelSyncReport resyncUnitChannels() {
        return unitChannels.resyncAllAndWait();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private boolean moderates(String username, Channel channel, Member member) {
        if (member != null && member.moderator()) {
            return true;
        }
        if (channel.kind() == ChannelKind.UNIT && channel.unitId() != null) {
            return people.canAdminister(username, channel.unitId());
        }
        return false;
    }

    private ChannelRepository.Membership membership(String username, long channelId) {
        if (username == null) {
            throw notFound();
        }
        return channels.membership(channelId, username).orElseThrow(ChatService::notFound);
    }

    private MessageRow liveMessage(long channelId, long sequence) {
        MessageRow row = messages.find(channelId, sequence).orElseThrow(ChatService::notFound);
        if (row.deleted()) {
            throw new ChatException(Reason.INVALID, "Tin nhắn này đã bị xoá.");
        }
        return row;
    }

    private ChannelSummary summary(ChannelRepository.Membership membership, People.Names names) {
        Channel channel = membership.channel();
        Member member = membership.member();
        String peer = channel.kind() == ChannelKind.DIRECT ? channel.peerOf(member.username()) : null;
        String title = peer != null ? names.fullName(peer) : channel.title();
        boolean moderator = moderates(member.username(), channel, member);
        return new ChannelSummary(channel.id(), channel.kind(), title, channel.unitId(), peer, channel.closed(),
                member.canPost() && !channel.closed(), moderator, channel.lastSeq(), member.lastReadSeq(),
                membership.unread(), channel.lastMessageAt());
    }

    private ChatMessage view(MessageRow row) {
        return views(List.of(row)).get(0);
    }

    private List<ChatMessage> views(List<MessageRow> rows) {
        List<Long> ids = rows.stream().map(MessageRow::id).toList();
        Map<String, ChatFile> attached = files.views(rows.stream().filter(row -> !row.deleted())
                .map(MessageRow::fileId).filter(java.util.Objects::nonNull).toList());
        Map<Long, List<String>> mentions = messages.mentions(ids);
        Map<Long, List<ChatMessage.Reaction>> reactions = messages.reactions(ids);
        People.Names names = people.names();
        List<ChatMessage> views = new ArrayList<>(rows.size());
        for (MessageRow row : rows) {
            views.add(new ChatMessage(row.channelId(), row.seq(), row.author(), names.fullName(row.author()),
                    row.body(), row.replyToSeq(), mentions.getOrDefault(row.id(), List.of()),
                    reactions.getOrDefault(row.id(), List.of()), row.createdAt(), row.editedAt(), row.deleted(),
                    row.clientMessageId(), row.fileId() == null ? null : attached.get(row.fileId())));
        }
        return views;
    }

    private List<String> mentions(String text, long channelId, String author) {
        Set<String> candidates = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            candidates.add(name);
            // "@an.nguyen." at the end of a sentence
            candidates.add(name.replaceAll("[._-]+$", ""));
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<String> members = new LinkedHashSet<>(channels.usernames(channelId));
        return candidates.stream().filter(members::contains).filter(name -> !name.equals(author)).distinct()
                .sorted().toList();
    }

    /** Plain text as stored: NFC, control characters other than line breaks and tabs removed, trimmed, limited. */
    String text(String raw) {
        if (raw == null) {
            throw new ChatException(Reason.INVALID, "Tin nhắn không được để trống.");
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder(normalized.length());
        normalized.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || !Character.isISOControl(cp)) {
                clean.appendCodePoint(cp);
            }
        });
        String text = clean.toString().strip();
        if (text.isEmpty()) {
            throw new ChatException(Reason.INVALID, "Tin nhắn không được để trống.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > settings.maxTextLength()) {
            throw new ChatException(Reason.INVALID, "Tin nhắn dài quá: tối đa " + settings.maxTextLength()
                    + " ký tự, tin này có " + length + " ký tự.");
        }
        return text;
    }

    private static String clientMessageId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String id = raw.strip();
        if (id.length() > MAX_CLIENT_ID || !id.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new ChatException(Reason.INVALID, "Mã tin nhắn của máy khách (clientMessageId) không hợp lệ: "
                    + "tối đa " + MAX_CLIENT_ID + " ký tự ASCII, không có khoảng trắng.");
        }
        return id;
    }

    private static String emoji(String raw) {
        String emoji = raw == null ? "" : Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        int length = emoji.codePointCount(0, emoji.length());
        boolean symbols = emoji.codePoints().allMatch(cp -> switch (Character.getType(cp)) {
            case Character.OTHER_SYMBOL, Character.MODIFIER_SYMBOL, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.FORMAT -> true;
            default -> cp == 0x2764 || cp == 0xFE0F;
        });
        if (length == 0 || length > 16 || !symbols) {
            throw new ChatException(Reason.INVALID, "Biểu tượng cảm xúc không hợp lệ.");
        }
        return emoji;
    }

    private static String title(String raw) {
        String title = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (title.isEmpty() || title.length() > MAX_TITLE || title.chars().anyMatch(Character::isISOControl)) {
            throw new ChatException(Reason.INVALID, "Tên kênh phải có từ 1 đến " + MAX_TITLE + " ký tự.");
        }
        return title;
    }

    private int limit(int limit) {
        return Math.max(1, Math.min(limit <= 0 ? 50 : limit, settings.historyLimit()));
    }

    private Official requireActive(String username) {
        return people.activeOfficial(username).orElseThrow(() -> new ChatException(Reason.INVALID,
                "Không có cán bộ đang làm việc với tên đăng nhập \"" + username + "\"."));
    }

    private Set<String> activeUsernames(Collection<String> usernames) {
        Set<String> result = new LinkedHashSet<>();
        if (usernames != null) {
            for (String raw : usernames) {
                if (raw != null && !raw.isBlank()) {
                    result.add(requireActive(raw.strip().toLowerCase(Locale.ROOT)).username());
                }
            }
        }
        return result;
    }

    private static ChatException notFound() {
        return new ChatException(Reason.NOT_FOUND, "Không tìm thấy kênh hoặc tin nhắn, hoặc bạn không phải "
                + "thành viên của kênh.");
    }
}
