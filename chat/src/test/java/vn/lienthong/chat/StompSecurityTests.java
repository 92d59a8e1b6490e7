package vn.lienthong.chat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.lienthong.directory.Official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.chat.ChatClient.poll;

/** Every SUBSCRIBE and SEND is authorised: nobody reads or posts where they may not. */
class StompSecurityTests extends ChatTestSupport {

    @Test
    void directMessagesStayBetweenTheTwoAndAThirdOfficialsSubscribeIsRefused() {
        ChatClient an = connect("an.nguyen");
        ChatClient binh = connect("binh.tran");
        ChannelSummary direct = chat.openDirect("an.nguyen", "binh.tran");
        assertThat(chat.openDirect("binh.tran", "an.nguyen").id()).as("one channel per pair").isEqualTo(direct.id());
        assertThat(chat.channel("binh.tran", direct.id()).title()).isEqualTo("Nguyễn Văn An");
        BlockingQueue<ChatEvent> binhSees = binh.join(direct.id());

        ChatClient hong = connect("hong.vo");
        BlockingQueue<ChatEvent> hongSees = new LinkedBlockingQueue<>();
        hong.subscribe("/topic/channels/" + direct.id(), ChatEvent.class, hongSees);
        ChatError refusal = poll(hong.errors);

        assertThat(refusal.code()).isEqualTo("FORBIDDEN");
        assertThat(refusal.channelId()).isEqualTo(direct.id());
        hong.subscribe("/topic/channels/987654321", ChatEvent.class, new LinkedBlockingQueue<>());
        assertThat(poll(hong.errors).message()).as("a real DM is refused in the words used for no channel at all")
                .isEqualTo(refusal.message()).contains("Không tìm thấy");
        ChatMessage sent = an.postAndWait(direct.id(), "Chuyện riêng của hai chúng ta");
        assertThat(poll(binhSees).message().sequence()).isEqualTo(sent.sequence());
        assertThat(hongSees).isEmpty();
        assertThat(hong.connected()).as("a refused frame is dropped, the connection stays").isTrue();
        assertThat(connect("hong.vo").apiGet("/api/v1/chat/channels/" + direct.id() + "/messages").statusCode())
                .isEqualTo(404);
        assertThatThrownBy(() -> chat.after("hong.vo", direct.id(), 0, 10)).isInstanceOf(ChatException.class)
                .extracting(ex -> ((ChatException) ex).reason()).isEqualTo(ChatException.Reason.NOT_FOUND);
    }

    @Test
    void anOfficialWhoLeftAGroupGetsNoMoreOfItsEventsOnTheSubscriptionStillOpen() throws Exception {
        Official starter = newOfficial("BL-SNV");
        Official leaver = newOfficial("BL-SNV");
        ChannelSummary group = chat.createGroup(starter.username(), "Tổ tạm thời", List.of(leaver.username()));
        ChannelSummary unit = unitChannel(leaver.username(), "BL-SNV");
        ChatClient leaving = connect(leaver.username());
        BlockingQueue<ChatEvent> groupEvents = leaving.join(group.id());
        BlockingQueue<ChatEvent> unitEvents = leaving.join(unit.id());

        chat.post(starter.username(), group.id(), new NewMessage("Trước khi rời nhóm", null, null));
        assertThat(nextMessage(groupEvents).text()).isEqualTo("Trước khi rời nhóm");

        assertThat(leaving.apiPost("/api/v1/chat/channels/" + group.id() + "/leave", Map.of()).statusCode())
                .isEqualTo(204);
        chat.post(starter.username(), group.id(), new NewMessage("Sau khi rời nhóm", null, null));
        chat.post(starter.username(), unit.id(), new NewMessage("Tin đơn vị sau đó", null, null));

        // The unit's message, posted after, arrives; the group's does not, then or later.
        assertThat(nextMessage(unitEvents).text()).isEqualTo("Tin đơn vị sau đó");
        assertThat(groupEvents.poll(2, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void afterALogoutTheOpenConnectionReceivesAndSendsNothing() throws Exception {
        Official official = newOfficial("BL-SNV");
        Official colleague = newOfficial("BL-SNV");
        ChannelSummary unit = unitChannel(official.username(), "BL-SNV");
        ChatClient client = connect(official.username());
        BlockingQueue<ChatEvent> events = client.join(unit.id());

        assertThat(client.apiPost("/logout", Map.of()).statusCode()).isIn(204, 302);
        chat.post(colleague.username(), unit.id(), new NewMessage("Sau khi đăng xuất", null, null));
        client.post(unit.id(), Map.of("text", "Gửi sau khi đăng xuất", "clientMessageId", "after-logout-1"));

        assertThat(poll(client.errors).message()).contains("phiên đăng nhập đã kết thúc");
        assertThat(events.poll(2, TimeUnit.SECONDS)).as("nothing after the logout").isNull();
        assertThat(chat.after(colleague.username(), unit.id(), 0, 500).messages()).extracting(ChatMessage::text)
                .doesNotContain("Gửi sau khi đăng xuất");
    }

    private static ChatMessage nextMessage(BlockingQueue<ChatEvent> events) throws InterruptedException {
        while (true) {
            ChatEvent event = events.poll(ChatClient.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(event).as("a MESSAGE event").isNotNull();
            if (event.type() == ChatEvent.Type.MESSAGE) {
                return event.message();
            }
        }
    }

    @Test
    void sendingToAChannelOfOthersIsRefused() {
        ChannelSummary direct = chat.openDirect("an.nguyen", "binh.tran");
        ChatClient hong = connect("hong.vo");

        hong.post(direct.id(), Map.of("text", "Chen ngang", "clientMessageId", "intruder-1"));

        assertThat(poll(hong.errors).message()).contains("Không tìm thấy");
        assertThat(chat.after("an.nguyen", direct.id(), 0, 200).messages()).extracting(ChatMessage::text)
                .doesNotContain("Chen ngang");
    }

    @Test
    void subscribingToAnotherUsersQueueIsRefused() {
        ChatClient an = connect("an.nguyen");
        for (String destination : List.of("/user/binh.tran/queue/notifications", "/queue/notifications",
                "/queue/notifications-user" + "abc123", "/user/queue/other", "/topic/channels", "/topic/everything",
                "/app/channels/1/messages")) {
            BlockingQueue<Object> received = new LinkedBlockingQueue<>();
            an.subscribe(destination, Object.class, received);
            ChatError refusal = poll(an.errors);
            assertThat(refusal).as(destination).isNotNull();
            assertThat(refusal.code()).isEqualTo("FORBIDDEN");
            assertThat(refusal.message()).startsWith("Từ chối");
        }
        // binh.tran's notifications never reach an.nguyen, whatever he subscribed to.
        ChatClient binh = connect("binh.tran");
        ChannelSummary direct = chat.openDirect("an.nguyen", "binh.tran");
        an.notifications.clear();
        chat.post("an.nguyen", direct.id(), new NewMessage("@binh.tran ơi, xem giúp", null, null));
        assertThat(poll(binh.notifications)).isNotNull();
        assertThat(an.notifications).isEmpty();
        assertThat(an.connected()).isTrue();
    }

    @Test
    void sendingStraightToATopicWhichWouldSkipStorageIsRefused() {
        ChannelSummary channel = unitChannel("an.nguyen", "BL-VP");
        ChatClient hong = connect("hong.vo");
        BlockingQueue<ChatEvent> hongSees = hong.join(channel.id());
        ChatClient an = connect("an.nguyen");

        an.session.send("/topic/channels/" + channel.id(), Map.of("type", "MESSAGE", "channelId", channel.id()));

        assertThat(poll(an.errors).message()).startsWith("Từ chối");
        // Frames of one connection are handled in order: once this answer is back, the refused one is long gone.
        an.requestHistoryAfter(channel.id(), 0);
        assertThat(poll(an.history)).isNotNull();
        assertThat(hongSees).isEmpty();
    }

    @Test
    void postingInAnAnnouncementChannelWithoutThePosterRightIsRefused() {
        Official reader = newOfficial("BL-VP");
        ChannelSummary announcements = chatAdministration.createAnnouncement(ADMIN, "Thông báo của Văn phòng",
                List.of(reader.username(), "hong.vo"), List.of("hong.vo"));
        assertThat(chat.channel(reader.username(), announcements.id()).canPost()).isFalse();
        ChatClient readerClient = connect(reader.username());
        BlockingQueue<ChatEvent> readerSees = readerClient.join(announcements.id());
        ChatClient hong = connect("hong.vo");

        ChatMessage notice = hong.postAndWait(announcements.id(), "Lịch trực Tết đã được ban hành");
        assertThat(poll(readerSees).message().sequence()).isEqualTo(notice.sequence());

        readerClient.post(announcements.id(), Map.of("text", "Tôi cũng muốn thông báo", "clientMessageId", "no"));
        assertThat(poll(readerClient.errors).message()).contains("không có quyền đăng tin");
        assertThat(chat.after("hong.vo", announcements.id(), 0, 50).messages()).extracting(ChatMessage::text)
                .containsExactly("Lịch trực Tết đã được ban hành");
        assertThatThrownBy(() -> chat.post(reader.username(), announcements.id(),
                new NewMessage("qua API", null, null))).isInstanceOf(ChatException.class)
                .extracting(ex -> ((ChatException) ex).reason()).isEqualTo(ChatException.Reason.FORBIDDEN);
    }

    @Test
    void webSocketHandshakeWithoutASessionIsRefused() {
        ChatClient an = connect("an.nguyen");
        org.springframework.web.socket.messaging.WebSocketStompClient anonymous =
                new org.springframework.web.socket.messaging.WebSocketStompClient(
                        new org.springframework.web.socket.client.standard.StandardWebSocketClient());
        var attempt = anonymous.connectAsync(BASE_URL.replace("http", "ws") + "/ws",
                new org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter() { });
        assertThatThrownBy(() -> attempt.get(10, java.util.concurrent.TimeUnit.SECONDS)).hasMessageContaining("401");
        assertThat(an.connected()).isTrue();
    }
}
