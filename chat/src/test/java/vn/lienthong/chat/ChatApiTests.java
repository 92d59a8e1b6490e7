package vn.lienthong.chat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import vn.lienthong.directory.Official;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API with a real browser session: channel lists with unread counts, history, members, refusals. */
class ChatApiTests extends ChatTestSupport {

    @Test
    void channelListShowsUnreadCountsThatReadingClears() {
        Official reader = newOfficial("BL-STTTT");
        ChannelSummary channel = unitChannel(reader.username(), "BL-STTTT");
        chat.post("viet.lam", channel.id(), new NewMessage("Một", null, null));
        chat.post("viet.lam", channel.id(), new NewMessage("Hai", null, null));
        ChatMessage third = chat.post("viet.lam", channel.id(), new NewMessage("Ba", null, null));
        ChatClient client = connect(reader.username());

        assertThat(unread(client, channel.id())).isEqualTo(3);
        HttpResponse<String> read = client.apiPost("/api/v1/chat/channels/" + channel.id() + "/read",
                Map.of("sequence", third.sequence() - 1));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(unread(client, channel.id())).isEqualTo(1);
    }

    @Test
    void historyPagesGoBackwardsAndForwardsBySequence() {
        Official author = newOfficial("BL-SNV");
        ChannelSummary group = chat.createGroup(author.username(), "Nhóm lịch sử", List.of("thu.dang"));
        for (int i = 1; i <= 7; i++) {
            chat.post(author.username(), group.id(), new NewMessage("Tin " + i, null, null));
        }
        ChatClient client = connect(author.username());

        HistoryPage newest = page(client, "/api/v1/chat/channels/" + group.id() + "/messages?limit=3");
        assertThat(newest.messages()).extracting(ChatMessage::text).containsExactly("Tin 5", "Tin 6", "Tin 7");
        assertThat(newest.more()).isTrue();
        HistoryPage older = page(client, "/api/v1/chat/channels/" + group.id() + "/messages?limit=3&before="
                + newest.messages().get(0).sequence());
        assertThat(older.messages()).extracting(ChatMessage::text).containsExactly("Tin 2", "Tin 3", "Tin 4");
        HistoryPage after = page(client, "/api/v1/chat/channels/" + group.id() + "/messages?after=5");
        assertThat(after.messages()).extracting(ChatMessage::sequence).containsExactly(6L, 7L);
        assertThat(after.more()).isFalse();

        HttpResponse<String> members = client.apiGet("/api/v1/chat/channels/" + group.id() + "/members");
        assertThat(members.body()).contains("thu.dang").contains("Đặng Thị Thu");
    }

    @Test
    void theGroupsModeratorAddsMembersOthersMayNotAndAMemberLeaves() {
        Official starter = newOfficial("BL-SNV");
        ChannelSummary group = chat.createGroup(starter.username(), "Tổ rà soát hồ sơ", List.of("thu.dang"));
        ChatClient moderator = connect(starter.username());
        ChatClient thu = connect("thu.dang");
        String members = "/api/v1/chat/channels/" + group.id() + "/members";

        HttpResponse<String> added = moderator.apiPost(members, Map.of("usernames", List.of("viet.lam")));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(chat.members(starter.username(), group.id())).extracting(ChatMember::username)
                .containsExactlyInAnyOrder(starter.username(), "thu.dang", "viet.lam");

        // A member who does not moderate the group may not add anyone.
        HttpResponse<String> refused = thu.apiPost(members, Map.of("usernames", List.of("hong.vo")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(chat.members(starter.username(), group.id())).extracting(ChatMember::username)
                .doesNotContain("hong.vo");

        // Someone not in the group learns nothing of it; an unknown official is a clear refusal, nothing added.
        ChatClient stranger = connect("hong.vo");
        assertThat(stranger.apiPost(members, Map.of("usernames", List.of("hong.vo"))).statusCode()).isEqualTo(404);
        assertThat(stranger.apiPost("/api/v1/chat/channels/" + group.id() + "/leave", Map.of()).statusCode())
                .isEqualTo(404);
        HttpResponse<String> unknown = moderator.apiPost(members, Map.of("usernames", List.of("khong.ton.tai")));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("Không có cán bộ đang làm việc với tên đăng nhập \\\"khong.ton.tai\\\"");
        assertThat(chat.members(starter.username(), group.id())).extracting(ChatMember::username)
                .containsExactlyInAnyOrder(starter.username(), "thu.dang", "viet.lam");

        HttpResponse<String> left = thu.apiPost("/api/v1/chat/channels/" + group.id() + "/leave", Map.of());
        assertThat(left.statusCode()).as(left.body()).isEqualTo(204);
        assertThat(thu.apiGet("/api/v1/chat/channels/" + group.id()).statusCode()).isEqualTo(404);
        assertThat(chat.members(starter.username(), group.id())).extracting(ChatMember::username)
                .containsExactlyInAnyOrder(starter.username(), "viet.lam");
    }

    @Test
    void nonMembersGet404AndBadInputAClearVietnameseError() {
        ChannelSummary direct = chat.openDirect("an.nguyen", "binh.tran");
        ChatClient hong = connect("hong.vo");

        HttpResponse<String> foreign = hong.apiGet("/api/v1/chat/channels/" + direct.id() + "/messages");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).contains("NOT_FOUND").doesNotContain("an.nguyen");

        ChannelSummary own = unitChannel("hong.vo", "BL-VP");
        HttpResponse<String> empty = hong.apiPost("/api/v1/chat/channels/" + own.id() + "/messages",
                Map.of("text", "   "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Tin nhắn không được để trống");

        HttpResponse<String> posted = hong.apiPost("/api/v1/chat/channels/" + own.id() + "/messages",
                Map.of("text", "Qua REST", "author", "an.nguyen"));
        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(posted.body()).contains("\"author\":\"hong.vo\"");
    }

    @Test
    void theAdministrationApiRefusesOfficialsAndServesTheSystemAdministrator() {
        ChatClient hong = connect("hong.vo");
        ChannelSummary own = unitChannel("hong.vo", "BL-VP");
        HttpResponse<String> posted = hong.apiPost("/api/v1/chat/channels/" + own.id() + "/messages",
                Map.of("text", "Cho kiểm tra nhật ký"));
        assertThat(posted.statusCode()).isEqualTo(201);
        String audit = "/api/v1/admin/chat/channels/" + own.id() + "/messages/1/audit";

        assertThat(hong.apiGet(audit).statusCode()).isEqualTo(403);
        assertThat(hong.apiPost("/api/v1/admin/chat/unit-channels/resync", Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<String> announcement = hong.apiPost("/api/v1/admin/chat/announcements",
                Map.of("title", "Thông báo giả", "members", List.of("hong.vo"), "posters", List.of("hong.vo")));
        assertThat(announcement.statusCode()).isEqualTo(403);
        assertThat(announcement.body()).doesNotContain("Thông báo giả");

        ChatClient admin = connect(ADMIN);
        assertThat(admin.apiGet(audit).statusCode()).isEqualTo(200);
        HttpResponse<String> resync = admin.apiPost("/api/v1/admin/chat/unit-channels/resync", Map.of());
        assertThat(resync.statusCode()).as(resync.body()).isEqualTo(200);
    }

    @Test
    void withoutASessionTheApiAnswers401() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(BASE_URL + "/api/v1/chat/channels")).header("Accept", "application/json")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static long unread(ChatClient client, long channelId) {
        HttpResponse<String> response = client.apiGet("/api/v1/chat/channels");
        assertThat(response.statusCode()).isEqualTo(200);
        List<ChannelSummary> channels = client.read(response.body(), new TypeReference<>() { });
        return channels.stream().filter(c -> c.id() == channelId).findFirst().orElseThrow().unread();
    }

    private static HistoryPage page(ChatClient client, String path) {
        HttpResponse<String> response = client.apiGet(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.read(response.body(), new TypeReference<>() { });
    }
}
