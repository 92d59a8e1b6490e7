package vn.lienthong.chat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import vn.lienthong.directory.Official;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.chat.ChatClient.poll;

/** Real STOMP clients over real WebSockets, signed in through the real login: posting, receiving, reading. */
class StompMessagingTests extends ChatTestSupport {

    @Test
    void postInUnitChannelIsStoredBeforeItIsAcknowledgedAndReachesAColleague() {
        ChannelSummary channel = unitChannel("an.nguyen", "BL-VP");
        ChatClient an = connect("an.nguyen");
        ChatClient hong = connect("hong.vo");
        BlockingQueue<ChatEvent> hongSees = hong.join(channel.id());

        ChatMessage ack = an.postAndWait(channel.id(), "Chào chị Hồng, <b>họp</b> lúc 14:00 nhé");

        // Acknowledged means stored: the history already has it.
        assertThat(an.messagesAfter(channel.id(), ack.sequence() - 1)).extracting(ChatMessage::text)
                .containsExactly("Chào chị Hồng, <b>họp</b> lúc 14:00 nhé");
        ChatEvent event = poll(hongSees);
        assertThat(event).isNotNull();
        assertThat(event.type()).isEqualTo(ChatEvent.Type.MESSAGE);
        assertThat(event.message().author()).isEqualTo("an.nguyen");
        assertThat(event.message().authorName()).isEqualTo("Nguyễn Văn An");
        assertThat(event.message().sequence()).isEqualTo(ack.sequence());
        // Plain text as written: whoever renders it escapes it.
        assertThat(event.message().text()).isEqualTo("Chào chị Hồng, <b>họp</b> lúc 14:00 nhé");
    }

    @Test
    void theOlderTopicNameWithASlashStillReceivesTheChannel() {
        ChannelSummary channel = unitChannel("an.nguyen", "BL-VP");
        ChatClient an = connect("an.nguyen");
        ChatClient hong = connect("hong.vo");
        BlockingQueue<ChatEvent> hongSees = hong.join("/topic/channels/" + channel.id(), channel.id());

        ChatMessage ack = an.postAndWait(channel.id(), "Tên kênh kiểu cũ vẫn nhận được");

        assertThat(poll(hongSees).message().sequence()).isEqualTo(ack.sequence());
    }

    @Test
    void spoofedAuthorIsIgnoredTheSenderIsAlwaysTheSession() {
        ChannelSummary channel = unitChannel("an.nguyen", "BL-VP");
        ChatClient an = connect("an.nguyen");
        ChatClient hong = connect("hong.vo");
        BlockingQueue<ChatEvent> hongSees = hong.join(channel.id());

        an.post(channel.id(), Map.of("text", "Tôi là chị Hồng", "author", "hong.vo", "authorName", "Võ Thị Hồng",
                "clientMessageId", "spoof-1"));

        ChatMessage ack = poll(an.acks);
        assertThat(ack).isNotNull();
        assertThat(ack.author()).isEqualTo("an.nguyen");
        ChatEvent event = poll(hongSees);
        assertThat(event.message().author()).isEqualTo("an.nguyen");
        assertThat(event.message().authorName()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void readReceiptsTellTheSenderWhoHasRead() {
        ChannelSummary channel = unitChannel("an.nguyen", "BL-VP");
        ChatClient an = connect("an.nguyen");
        ChatClient hong = connect("hong.vo");
        BlockingQueue<ChatEvent> anSees = an.join(channel.id());
        BlockingQueue<ChatEvent> hongSees = hong.join(channel.id());

        ChatMessage sent = an.postAndWait(channel.id(), "Đề nghị các đồng chí đọc thông báo");
        assertThat(poll(hongSees).message().sequence()).isEqualTo(sent.sequence());
        ChatEvent own = poll(anSees);
        assertThat(own.message().sequence()).isEqualTo(sent.sequence());
        assertThat(chat.readers("an.nguyen", channel.id(), sent.sequence())).extracting(ReadReceipt::username)
                .doesNotContain("hong.vo");

        hong.markRead(channel.id(), sent.sequence());

        ChatEvent receipt = poll(anSees);
        assertThat(receipt.type()).isEqualTo(ChatEvent.Type.READ);
        assertThat(receipt.username()).isEqualTo("hong.vo");
        assertThat(receipt.sequence()).isEqualTo(sent.sequence());
        HttpResponse<String> readers = an.apiGet("/api/v1/chat/channels/" + channel.id() + "/messages/"
                + sent.sequence() + "/readers");
        assertThat(readers.statusCode()).isEqualTo(200);
        List<ReadReceipt> list = an.read(readers.body(), new TypeReference<>() { });
        assertThat(list).extracting(ReadReceipt::username).contains("hong.vo").doesNotContain("an.nguyen");
        assertThat(list).filteredOn(r -> r.username().equals("hong.vo")).singleElement()
                .satisfies(r -> assertThat(r.fullName()).isEqualTo("Võ Thị Hồng"));
    }

    @Test
    void retriedPostWithTheSameClientIdIsStoredOnce() {
        Official sender = newOfficial("BL-SNV");
        ChannelSummary channel = unitChannel(sender.username(), "BL-SNV");
        ChatClient client = connect(sender.username());
        BlockingQueue<ChatEvent> events = client.join(channel.id());

        client.post(channel.id(), Map.of("text", "Gửi lại khi mất mạng", "clientMessageId", "retry-42"));
        client.post(channel.id(), Map.of("text", "Gửi lại khi mất mạng", "clientMessageId", "retry-42"));

        ChatMessage first = poll(client.acks);
        ChatMessage second = poll(client.acks);
        assertThat(second.sequence()).isEqualTo(first.sequence());
        assertThat(client.messagesAfter(channel.id(), first.sequence() - 1)).hasSize(1);
        assertThat(poll(events).message().sequence()).isEqualTo(first.sequence());
        assertThat(events).as("broadcast once").isEmpty();
    }

    @Test
    void tooLongTextIsRefusedWithAClearErrorAndTheConnectionStays() {
        Official sender = newOfficial("BL-SNV");
        ChannelSummary channel = unitChannel(sender.username(), "BL-SNV");
        ChatClient client = connect(sender.username());

        client.post(channel.id(), Map.of("text", "a".repeat(501), "clientMessageId", "long-1"));

        ChatError error = poll(client.errors);
        assertThat(error.code()).isEqualTo("INVALID");
        assertThat(error.message()).contains("tối đa 500 ký tự");
        assertThat(error.clientMessageId()).isEqualTo("long-1");
        assertThat(client.connected()).isTrue();
        assertThat(client.postAndWait(channel.id(), "b".repeat(500)).text()).hasSize(500);
        assertThat(client.messagesAfter(channel.id(), 0)).extracting(ChatMessage::clientMessageId)
                .doesNotContain("long-1");
    }

    @Test
    void rateLimitRefusesABurstBeyondTheBucket() {
        Official sender = newOfficial("BL-SNV");
        ChannelSummary channel = unitChannel(sender.username(), "BL-SNV");
        ChatClient client = connect(sender.username());
        long before = chat.channel(sender.username(), channel.id()).lastSequence();

        for (int i = 0; i < 80; i++) {
            client.post(channel.id(), Map.of("text", "Tin số " + i, "clientMessageId", "burst-" + i));
        }

        int acknowledged = 0;
        int limited = 0;
        for (int i = 0; i < 80; i++) {
            ChatMessage ack = client.acks.peek() != null ? client.acks.poll() : null;
            if (ack != null) {
                acknowledged++;
                continue;
            }
            ChatError error = client.errors.poll();
            if (error != null) {
                assertThat(error.code()).isEqualTo("RATE_LIMITED");
                assertThat(error.retryAfterSeconds()).isPositive();
                assertThat(error.message()).contains("quá nhanh");
                limited++;
                continue;
            }
            // Neither yet: wait for whichever comes next.
            org.awaitility.Awaitility.await().atMost(WAIT)
                    .until(() -> !client.acks.isEmpty() || !client.errors.isEmpty());
            i--;
        }
        assertThat(limited).isPositive();
        assertThat(acknowledged).isGreaterThanOrEqualTo(30).isEqualTo(80 - limited);
        assertThat(client.messagesAfter(channel.id(), before).stream()
                .filter(m -> m.author().equals(sender.username()))).hasSize(acknowledged);
    }

    @Test
    void aBurstOfMessagesReachesAConnectedMemberAsItsUnreadCount() {
        Official reader = newOfficial("BL-SNV");
        Official writer = newOfficial("BL-SNV");
        ChannelSummary channel = unitChannel(reader.username(), "BL-SNV");
        unitChannel(writer.username(), "BL-SNV");
        ChatClient client = connect(reader.username());
        long before = chat.channel(reader.username(), channel.id()).unread();

        ChatMessage last = null;
        for (int i = 1; i <= 5; i++) {
            last = chat.post(writer.username(), channel.id(), new NewMessage("Tin dồn dập " + i, null, null));
        }

        // Counts are gathered (a few a second per channel), so fewer than five may come; the last one is exact.
        ChatNotification unread;
        do {
            unread = poll(client.notifications);
            assertThat(unread).as("unread count notification").isNotNull();
        }
        while (unread.type() != ChatNotification.Type.UNREAD || unread.channelId() != channel.id()
                || unread.sequence() != last.sequence());
        assertThat(unread.unread()).isEqualTo(before + 5);
    }

    @Test
    void mentionNotifiesTheMentionedOfficial() {
        ChannelSummary channel = unitChannel("an.nguyen", "BL-VP");
        ChatClient an = connect("an.nguyen");
        ChatClient hong = connect("hong.vo");
        hong.notifications.clear();

        ChatMessage sent = an.postAndWait(channel.id(), "Nhờ @hong.vo xem giúp tờ trình.");

        assertThat(sent.mentions()).containsExactly("hong.vo");
        ChatNotification mention = poll(hong.notifications);
        while (mention != null && mention.type() != ChatNotification.Type.MENTION) {
            mention = poll(hong.notifications);
        }
        assertThat(mention).as("mention notification").isNotNull();
        assertThat(mention.channelId()).isEqualTo(channel.id());
        assertThat(mention.sequence()).isEqualTo(sent.sequence());
        assertThat(mention.author()).isEqualTo("an.nguyen");
        assertThat(mention.excerpt()).contains("xem giúp tờ trình");
    }
}
