package vn.lienthong.chat.internal;

import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.lienthong.chat.ChatEvent;
import vn.lienthong.chat.ChatNotification;

/**
 * Sends to the broker: channel events to {@code /topic/channels.{id}}, notifications to
 * {@code /user/{username}/queue/notifications}. Inside a transaction the send waits for the commit, so nothing is
 * ever broadcast that was not stored.
 */
@Component
class ChatBroadcaster {

    /** Dotted, not {@code /topic/channels/{id}}: RabbitMQ's STOMP plugin takes no '/' inside a topic's name. */
    static final String CHANNEL_TOPIC = "/topic/channels.";
    static final String NOTIFICATIONS = "/queue/notifications";

    private final SimpMessageSendingOperations broker;
    private final SimpUserRegistry users;

    ChatBroadcaster(SimpMessageSendingOperations broker, SimpUserRegistry users) {
        this.broker = broker;
        this.users = users;
    }

    void toChannel(ChatEvent event) {
        afterCommit(() -> broker.convertAndSend(CHANNEL_TOPIC + event.channelId(), event));
    }

    void toUser(String username, ChatNotification notification) {
        afterCommit(() -> broker.convertAndSendToUser(username, NOTIFICATIONS, notification));
    }

    /** Whether the official has a STOMP session open (on any instance, when the registry is shared). */
    boolean isConnected(String username) {
        return users.getUser(username) != null;
    }

    private static void afterCommit(Runnable send) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        }
        else {
            send.run();
        }
    }
}
