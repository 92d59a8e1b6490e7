package vn.lienthong.chat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.directory.Official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.chat.ChatClient.poll;

/** Files in messages over real HTTP (multipart up, attachment down), broadcast over STOMP, searchable. */
class ChatFileTests extends ChatTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void fileIsBroadcastLikeAMessageAndDownloadedByMembersOnly() {
        ChannelSummary channel = unitChannel("an.nguyen", "BL-VP");
        ChatClient an = connect("an.nguyen");
        ChatClient hong = connect("hong.vo");
        BlockingQueue<ChatEvent> hongSees = hong.join(channel.id());
        byte[] content = "Báo cáo quý III: thu ngân sách đạt 92%.\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        assertThat(content.length).as("more than one stored piece").isGreaterThan(3 * 256 * 1024);

        HttpResponse<String> posted = an.upload(channel.id(), "Báo cáo quý 3.txt", "text/plain", content,
                Map.of("text", "Gửi chị Hồng bản báo cáo", "clientMessageId", "tep-1"));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        ChatMessage message = an.read(posted.body(), new TypeReference<>() { });
        assertThat(message.author()).isEqualTo("an.nguyen");
        assertThat(message.text()).isEqualTo("Gửi chị Hồng bản báo cáo");
        assertThat(message.file()).isNotNull();
        assertThat(message.file().name()).isEqualTo("Báo cáo quý 3.txt");
        assertThat(message.file().size()).isEqualTo(content.length);
        assertThat(message.file().contentType()).isEqualTo("text/plain");
        ChatEvent event = poll(hongSees);
        assertThat(event.type()).isEqualTo(ChatEvent.Type.MESSAGE);
        assertThat(event.message().sequence()).isEqualTo(message.sequence());
        assertThat(event.message().file()).isEqualTo(message.file());
        assertThat(hong.messagesAfter(channel.id(), message.sequence() - 1)).singleElement()
                .satisfies(m -> assertThat(m.file()).isEqualTo(message.file()));

        HttpResponse<byte[]> download = hong.download("/api/v1/chat/files/" + message.file().id());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%203.txt");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");

        // binh.tran is in another unit: the same answer as for a file that does not exist.
        ChatClient binh = connect("binh.tran");
        HttpResponse<byte[]> stranger = binh.download("/api/v1/chat/files/" + message.file().id());
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(new String(stranger.body(), StandardCharsets.UTF_8)).doesNotContain("ngân sách")
                .contains("Không tìm thấy tệp");
        assertThat(binh.download("/api/v1/chat/files/00000000-0000-0000-0000-000000000000").statusCode())
                .isEqualTo(404);
        assertThat(binh.download("/api/v1/chat/files/..%2f..%2fetc").statusCode()).isIn(400, 404);

        // Once the message is deleted its file is gone for everyone.
        chat.delete("an.nguyen", channel.id(), message.sequence());
        assertThat(hong.download("/api/v1/chat/files/" + message.file().id()).statusCode()).isEqualTo(404);
        assertThat(chat.after("hong.vo", channel.id(), message.sequence() - 1, 1).messages().get(0).file()).isNull();
    }

    @Test
    void fileOverTheLimitIsRefusedInVietnameseAndNothingIsStored() {
        Official sender = newOfficial("BL-SNV");
        ChannelSummary channel = unitChannel(sender.username(), "BL-SNV");
        ChatClient client = connect(sender.username());
        long files = fileCount();

        HttpResponse<String> refused = client.upload(channel.id(), "ban-do.png", "image/png",
                new byte[1024 * 1024 + 1], Map.of());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("TOO_LARGE").contains("Tệp quá lớn: tối đa 1 MB, tệp này 1,01 MB");
        assertThat(chat.channel(sender.username(), channel.id()).lastSequence()).isEqualTo(channel.lastSequence());
        assertThat(fileCount()).isEqualTo(files);
        // Exactly at the limit is fine.
        assertThat(client.upload(channel.id(), "ban-do.png", "image/png", new byte[1024 * 1024], Map.of())
                .statusCode()).isEqualTo(201);
        assertThat(fileCount()).isEqualTo(files + 1);
    }

    @Test
    void aStreamLongerThanItsDeclaredSizeIsCutAtTheLimitAndRolledBack() {
        Official sender = newOfficial("BL-SNV");
        ChannelSummary channel = unitChannel(sender.username(), "BL-SNV");
        long files = fileCount();

        assertThatThrownBy(() -> chat.postFile(sender.username(), channel.id(), new NewFile("lon.bin", null, 10,
                () -> new ByteArrayInputStream(new byte[3 * 1024 * 1024]), null, null, null)))
                .isInstanceOf(ChatException.class)
                .satisfies(ex -> assertThat(((ChatException) ex).reason()).isEqualTo(ChatException.Reason.TOO_LARGE));

        assertThat(fileCount()).isEqualTo(files);
        assertThat(jdbc.sql("select count(*) from chat_file_chunk c where not exists "
                + "(select 1 from chat_file f where f.id = c.file_id)").query(Long.class).single()).isZero();
        assertThat(chat.channel(sender.username(), channel.id()).lastSequence()).isEqualTo(channel.lastSequence());
    }

    @Test
    void badUploadsGetAClearVietnameseError() {
        Official sender = newOfficial("BL-SNV");
        ChannelSummary channel = unitChannel(sender.username(), "BL-SNV");
        ChatClient client = connect(sender.username());

        HttpResponse<String> empty = client.upload(channel.id(), "rong.txt", "text/plain", new byte[0], Map.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Tệp rỗng");
        HttpResponse<String> none = client.upload(channel.id(), null, null, null, Map.of("text", "không có tệp"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Chưa có tệp");
        ChannelSummary direct = chat.openDirect("an.nguyen", "binh.tran");
        HttpResponse<String> foreign = client.upload(direct.id(), "a.txt", "text/plain", "x".getBytes(), Map.of());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(chat.after("an.nguyen", direct.id(), 0, 200).messages()).noneMatch(m -> m.file() != null
                && m.author().equals(sender.username()));
    }

    @Test
    void retriedUploadWithTheSameClientIdIsStoredOnce() {
        Official sender = newOfficial("BL-SNV");
        ChannelSummary channel = unitChannel(sender.username(), "BL-SNV");
        ChatClient client = connect(sender.username());
        long files = fileCount();

        HttpResponse<String> first = client.upload(channel.id(), "to-trinh.pdf", "application/pdf",
                "%PDF-1.4 giả".getBytes(StandardCharsets.UTF_8), Map.of("clientMessageId", "tep-lap-1"));
        HttpResponse<String> again = client.upload(channel.id(), "to-trinh.pdf", "application/pdf",
                "%PDF-1.4 giả".getBytes(StandardCharsets.UTF_8), Map.of("clientMessageId", "tep-lap-1"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        ChatMessage one = client.read(first.body(), new TypeReference<>() { });
        ChatMessage two = client.read(again.body(), new TypeReference<>() { });
        assertThat(two.sequence()).isEqualTo(one.sequence());
        assertThat(two.file()).isEqualTo(one.file());
        assertThat(fileCount()).isEqualTo(files + 1);
    }

    @Test
    void fileTextIsSearchableWithTheChannelsReaders() {
        ChannelSummary direct = chat.openDirect("an.nguyen", "binh.tran");
        ChatClient an = connect("an.nguyen");
        byte[] content = "Phương án di dời hộ dân vùng sạt lở ven sông Gành Hào".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> posted = an.upload(direct.id(), "phuong-an.txt", "text/plain", content, Map.of());

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        List<SearchResult.Hit> hits = await().atMost(WAIT).until(() -> search("sat lo ven song ganh hao",
                Reader.official("binh.tran")), found -> found.size() == 1);
        assertThat(hits.get(0).attachments()).contains("phuong-an.txt");
        assertThat(search("sat lo ven song ganh hao", Reader.official("hong.vo"), Reader.unit("BL-VP"))).isEmpty();
    }

    private long fileCount() {
        return jdbc.sql("select count(*) from chat_file").query(Long.class).single();
    }

    private List<SearchResult.Hit> search(String query, Reader... principals) {
        return archive.search(SearchRequest.of(query, Set.of(principals)).withSources(Set.of("chat"))).hits();
    }
}
