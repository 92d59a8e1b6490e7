package vn.lienthong.chat.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import vn.lienthong.chat.ChatNotification;

/**
 * The {@code UNREAD} counts that follow new messages, gathered: a post only marks its channel, and every
 * {@value #INTERVAL_MS} ms one thread works out each marked channel's counts (one query) and tells its connected
 * members whose count is not zero. A busy channel of 200 members thus costs each member at most a few
 * notifications a second however fast the messages come, and the post itself does no counting. (A read mark
 * moving is told to the reader at once, by {@link ChatService#markRead}.)
 */
@Component
class UnreadNotifier implements DisposableBean {

    static final long INTERVAL_MS = 250;

    private static final Logger log = LoggerFactory.getLogger(UnreadNotifier.class);

    private final ChannelRepository channels;
    private final ChatBroadcaster broadcaster;
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "chat-unread");
        thread.setDaemon(true);
        return thread;
    });

    UnreadNotifier(ChannelRepository channels, ChatBroadcaster broadcaster) {
        this.channels = channels;
        this.broadcaster = broadcaster;
        worker.scheduleWithFixedDelay(this::flush, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** A message was stored in the channel, or deleted (after commit): its members' counts may have changed. */
    void countsChanged(long channelId) {
        changed.add(channelId);
    }

    private void flush() {
        if (changed.isEmpty()) {
            return;
        }
        List<Long> due = new ArrayList<>(changed);
        changed.removeAll(due);
        for (long channelId : due) {
            try {
                Channel channel = channels.find(channelId).orElse(null);
                if (channel == null) {
                    continue;
                }
                Map<String, Long> counts = channels.unreadCounts(channelId);
                counts.forEach((member, count) -> {
                    if (count > 0 && broadcaster.isConnected(member)) {
                        broadcaster.toUser(member, new ChatNotification(ChatNotification.Type.UNREAD, channelId,
                                channel.lastSeq(), count, null, null, null));
                    }
                });
            }
            catch (RuntimeException ex) {
                log.warn("Không gửi được số tin chưa đọc của kênh {} (unread counts not sent)", channelId, ex);
            }
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
