package vn.lienthong.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import vn.lienthong.directory.Official;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.chat.ChatClient.poll;

/** A client whose connection drops while messages flow has every one of them exactly once after reconnecting. */
class ReconnectTests extends ChatTestSupport {

    @Test
    void droppedClientCatchesUpAfterReconnectWithEveryMessageExactlyOnce() throws Exception {
        Official sender = newOfficial("BL-SNV");
        Official receiver = newOfficial("BL-SNV");
        ChannelSummary channel = unitChannel(receiver.username(), "BL-SNV");
        ChatClient senderClient = connect(sender.username());
        ChatClient receiverClient = connect(receiver.username());
        BlockingQueue<ChatEvent> live = receiverClient.join(channel.id());

        // What the receiver's page would hold, keyed by sequence: duplicates collapse, gaps show.
        TreeMap<Long, ChatMessage> seen = new TreeMap<>();
        List<Long> sent = new ArrayList<>();
        long lastSeen = 0;
        int total = 24;
        for (int i = 0; i < total; i++) {
            ChatMessage ack = senderClient.postAndWait(channel.id(), "Báo cáo số " + i);
            sent.add(ack.sequence());
            if (i == 8) {
                // Take what arrived so far, then lose the connection while the sender keeps going.
                ChatEvent event;
                while ((event = live.poll()) != null) {
                    if (event.type() == ChatEvent.Type.MESSAGE) {
                        seen.put(event.message().sequence(), event.message());
                    }
                }
                lastSeen = seen.isEmpty() ? channel.lastSequence() : seen.lastKey();
                receiverClient.dropConnection();
                org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !receiverClient.connected());
            }
            if (i == 16) {
                receiverClient.openStomp();
                live = receiverClient.join(channel.id());
                // Catch up over STOMP: everything after the last sequence seen before the drop.
                receiverClient.requestHistoryAfter(channel.id(), lastSeen);
                HistoryPage page = poll(receiverClient.history);
                page.messages().forEach(m -> seen.put(m.sequence(), m));
            }
        }
        BlockingQueue<ChatEvent> after = live;
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
            ChatEvent event;
            while ((event = after.poll()) != null) {
                if (event.type() == ChatEvent.Type.MESSAGE) {
                    seen.put(event.message().sequence(), event.message());
                }
            }
            return seen.lastKey().equals(sent.get(sent.size() - 1));
        });

        List<Long> ours = seen.values().stream().filter(m -> m.author().equals(sender.username()))
                .map(ChatMessage::sequence).toList();
        assertThat(ours).containsExactlyElementsOf(sent);
        assertThat(sent).containsExactlyElementsOf(LongStream.rangeClosed(sent.get(0), sent.get(0) + total - 1)
                .boxed().toList());
        assertThat(seen.values().stream().filter(m -> m.author().equals(sender.username())).map(ChatMessage::text))
                .containsExactlyElementsOf(LongStream.range(0, total).mapToObj(i -> "Báo cáo số " + i).toList());
        // The REST catch-up says the same.
        assertThat(receiverClient.messagesAfter(channel.id(), sent.get(0) - 1)).extracting(ChatMessage::sequence)
                .containsExactlyElementsOf(sent);
    }
}
