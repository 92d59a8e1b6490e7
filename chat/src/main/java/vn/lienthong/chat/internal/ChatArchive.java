package vn.lienthong.chat.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveFeeder;
import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.Attachment;
import vn.lienthong.archive.Reader;
import vn.lienthong.chat.ChannelKind;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Unit;

/**
 * Every message in the archive (source {@value #SOURCE}, id {@code <channel>-<sequence>}, a file's text as the
 * item's attachment, extracted by the archive): a unit channel's
 * messages are read by {@code unit:<code>} (and, after a merge, the target unit too) plus the unit administrators
 * who are members from outside the unit; every other channel's by {@code official:<username>} of each member.
 * An edit replaces the item, a deletion removes it; a change of members or of the unit's code re-puts the
 * channel. Updates run after commit on one thread of our own; a failure is logged and the next rebuild repairs it.
 */
@Component
class ChatArchive implements ArchiveFeeder, DisposableBean {

    static final String SOURCE = "chat";
    /** Larger files are archived by name only: their bytes would be read into memory for the text extraction. */
    static final long MAX_EXTRACTED_BYTES = 32L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ChatArchive.class);

    private final Archive archive;
    private final ChannelRepository channels;
    private final MessageRepository messages;
    private final Directory directory;
    private final People people;
    private final FileRepository files;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "chat-archive");
        thread.setDaemon(true);
        return thread;
    });

    ChatArchive(Archive archive, ChannelRepository channels, MessageRepository messages, Directory directory,
                People people, FileRepository files) {
        this.files = files;
        this.archive = archive;
        this.channels = channels;
        this.messages = messages;
        this.directory = directory;
        this.people = people;
    }

    static String id(long channelId, long sequence) {
        return channelId + "-" + sequence;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public void refeed(Archive target) {
        Map<Long, ChannelReaders> byChannel = new HashMap<>();
        People.Names names = people.names();
        messages.forEachLive(null, row -> target.put(item(row,
                byChannel.computeIfAbsent(row.channelId(), this::readers), names)));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ArchiveUpdate update) {
        try {
            worker.execute(() -> {
                try {
                    apply(update);
                }
                catch (RuntimeException ex) {
                    log.warn("Không cập nhật được kho lưu trữ cho tin nhắn {} (archive not updated; the next rebuild "
                            + "repairs it)", update, ex);
                }
            });
        }
        catch (RejectedExecutionException ex) {
            log.debug("Shutting down: {} not archived", update);
        }
    }

    private void apply(ArchiveUpdate update) {
        ChannelReaders readers = readers(update.channelId());
        People.Names names = people.names();
        if (update.sequence() == null) {
            messages.forEachLive(update.channelId(), row -> archive.put(item(row, readers, names)));
            return;
        }
        MessageRow row = messages.find(update.channelId(), update.sequence()).orElse(null);
        if (row == null || row.deleted()) {
            archive.delete(SOURCE, id(update.channelId(), update.sequence()));
        }
        else {
            archive.put(item(row, readers, names));
        }
    }

    private ArchiveItem item(MessageRow row, ChannelReaders readers, People.Names names) {
        ArchiveItem.Builder item = ArchiveItem.builder(SOURCE, id(row.channelId(), row.seq()))
                .title(readers.title())
                .body(row.body())
                .author(names.author(row.author()))
                .time(row.createdAt())
                .url("/chat?channel=" + row.channelId() + "&seq=" + row.seq())
                .readers(readers.readers());
        readers.units().forEach(item::units);
        if (row.fileId() != null) {
            files.find(row.fileId()).ifPresent(file -> item.attachment(file.size() <= MAX_EXTRACTED_BYTES
                    ? Attachment.ofContent(file.name(), files.readAll(file.id()))
                    : Attachment.ofText(file.name(), "")));
        }
        return item.build();
    }

    /** Who may read the channel's messages, worked out once per channel. */
    private ChannelReaders readers(long channelId) {
        Channel channel = channels.find(channelId).orElseThrow();
        List<Reader> readers = new ArrayList<>();
        List<String> units = new ArrayList<>();
        String title = channel.title();
        if (channel.kind() == ChannelKind.UNIT) {
            if (channel.unitCode() != null) {
                readers.add(Reader.unit(channel.unitCode()));
                units.add(channel.unitCode());
            }
            if (channel.mergedIntoUnitId() != null) {
                directory.findUnit(channel.mergedIntoUnitId()).map(Unit::code).map(Reader::unit)
                        .ifPresent(readers::add);
            }
            // Members who are not the unit's own officials (unit administrators from above): one directory query
            // for the unit, not one per member.
            Set<String> own = new HashSet<>();
            if (channel.unitId() != null) {
                directory.officialsOf(channel.unitId(), true).forEach(official -> own.add(official.username()));
            }
            for (Member member : channels.members(channelId)) {
                if (!own.contains(member.username())
                        && directory.findOfficialByUsername(member.username()).isPresent()) {
                    readers.add(Reader.official(member.username()));
                }
            }
        }
        else {
            List<String> members = channels.usernames(channelId);
            members.forEach(username -> readers.add(Reader.official(username)));
            if (channel.kind() == ChannelKind.DIRECT) {
                People.Names names = people.names();
                title = "Tin nhắn riêng: " + String.join(" – ", members.stream().map(names::fullName).toList());
            }
        }
        if (readers.isEmpty()) {
            // Nobody left (a group everyone left): only administrators find it.
            readers.add(Reader.role("SYSTEM_ADMIN"));
        }
        return new ChannelReaders(title, readers, units);
    }

    private record ChannelReaders(String title, List<Reader> readers, List<String> units) {
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
