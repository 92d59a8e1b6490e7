package vn.lienthong.chat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.directory.Official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every message is in the archive with its channel's members as readers; edits replace, deletions remove. */
class ChatArchiveTests extends ChatTestSupport {

    @Test
    void unitChannelMessageIsReadByTheUnitOnly() {
        ChannelSummary channel = unitChannel("an.nguyen", "BL-VP");
        ChatMessage sent = chat.post("an.nguyen", channel.id(), new NewMessage(
                "Kế hoạch phòng chống bão số chín", null, null));

        SearchResult.Hit hit = await().atMost(WAIT).until(() -> search("phong chong bao so chin",
                Reader.unit("BL-VP")), hits -> hits.size() == 1).get(0);

        assertThat(hit.source()).isEqualTo("chat");
        assertThat(hit.url()).isEqualTo("/chat?channel=" + channel.id() + "&seq=" + sent.sequence());
        assertThat(hit.author()).contains("Nguyễn Văn An");
        assertThat(hit.units()).containsExactly("BL-VP");
        assertThat(search("phong chong bao so chin", Reader.unit("BL-VL-VP"), Reader.official("binh.tran")))
                .isEmpty();
    }

    @Test
    void directMessageIsReadByItsTwoMembersOnlyAndEditsReplaceAndDeletionsRemove() {
        ChannelSummary direct = chat.openDirect("an.nguyen", "binh.tran");
        ChatMessage sent = chat.post("an.nguyen", direct.id(), new NewMessage("Mật khẩu wifi phòng họp", null, null));

        await().atMost(WAIT).until(() -> search("wifi phong hop", Reader.official("binh.tran")), hits -> hits.size() == 1);
        assertThat(search("wifi phong hop", Reader.official("an.nguyen"))).hasSize(1);
        assertThat(search("wifi phong hop", Reader.official("hong.vo"), Reader.unit("BL-VP"))).isEmpty();

        chat.edit("an.nguyen", direct.id(), sent.sequence(), "Sổ tay lễ tân tầng hai");
        await().atMost(WAIT).until(() -> search("le tan tang hai", Reader.official("binh.tran")), hits -> hits.size() == 1);
        assertThat(search("wifi phong hop", Reader.official("binh.tran"))).isEmpty();

        chat.delete("an.nguyen", direct.id(), sent.sequence());
        await().atMost(WAIT).until(() -> search("le tan tang hai", Reader.official("binh.tran")), List::isEmpty);
        // The audit trail keeps both texts, for administrators.
        assertThat(chatAdministration.auditTrail(ADMIN, direct.id(), sent.sequence()))
                .extracting(MessageAudit::action, MessageAudit::previousText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EDITED", "Mật khẩu wifi phòng họp"),
                        org.assertj.core.groups.Tuple.tuple("DELETED", "Sổ tay lễ tân tầng hai"));
        assertThat(chat.after("binh.tran", direct.id(), sent.sequence() - 1, 10).messages()).singleElement()
                .satisfies(m -> {
                    assertThat(m.deleted()).isTrue();
                    assertThat(m.text()).isEmpty();
                });
    }

    @Test
    void groupMembersAddedLaterCanSearchTheEarlierMessages() {
        Official late = newOfficial("BL-SNV");
        ChannelSummary group = chat.createGroup("an.nguyen", "Tổ soạn thảo", List.of("hong.vo"));
        chat.post("an.nguyen", group.id(), new NewMessage("Dự thảo quy chế tiếp công dân", null, null));
        await().atMost(WAIT).until(() -> search("quy che tiep cong dan", Reader.official("hong.vo")),
                hits -> hits.size() == 1);
        assertThat(search("quy che tiep cong dan", Reader.official(late.username()))).isEmpty();

        chat.addMembers("an.nguyen", group.id(), List.of(late.username()));

        await().atMost(WAIT).until(() -> search("quy che tiep cong dan", Reader.official(late.username())),
                hits -> hits.size() == 1);
    }

    @Test
    void rebuildFeedsEveryLiveMessageAgain() {
        ChannelSummary channel = unitChannel("an.nguyen", "BL-VP");
        chat.post("an.nguyen", channel.id(), new NewMessage("Biên bản nghiệm thu phần mềm một cửa", null, null));
        await().atMost(WAIT).until(() -> search("nghiem thu phan mem mot cua", Reader.unit("BL-VP")),
                hits -> hits.size() == 1);

        var report = archive.rebuild("chat");

        assertThat(report.succeeded()).isTrue();
        assertThat(report.sources().get(0).items()).isPositive();
        assertThat(search("nghiem thu phan mem mot cua", Reader.unit("BL-VP"))).hasSize(1);
    }

    private List<SearchResult.Hit> search(String query, Reader... principals) {
        return archive.search(SearchRequest.of(query, Set.of(principals)).withSources(Set.of("chat"))).hits();
    }
}
