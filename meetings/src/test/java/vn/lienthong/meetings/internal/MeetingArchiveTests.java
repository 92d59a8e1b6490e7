package vn.lienthong.meetings.internal;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.archive.ArchiveItem;
import vn.lienthong.archive.RebuildReport;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingView;
import vn.lienthong.meetings.MeetingsTestSupport;
import vn.lienthong.meetings.Visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Meetings in the archive: readable by the invited officials and, when public, by the endpoints' units. */
class MeetingArchiveTests extends MeetingsTestSupport {

    @Autowired
    MeetingArchive meetingArchive;

    @Autowired
    MeetingRepository repository;

    @Test
    void publicMeetingIsReadByEveryUnitItsEndpointsReachPrivateOnlyByName() {
        int day = freshDay();
        MeetingView open = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Hội nghị sơ kết mô hình lúa tôm",
                at(day, 8), at(day, 9), unit("BL-VL").id(), PROVINCE_OFFICIAL)
                .withEndpoints(List.of(unit("BL-VL-CT").id())).withAgenda("Đánh giá mô hình lúa tôm")).meeting();
        MeetingView closed = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp kín mô hình lúa tôm",
                at(day, 10), at(day, 11), unit("BL-VL").id(), PROVINCE_OFFICIAL).withVisibility(Visibility.PRIVATE)
                .withEndpoints(List.of(unit("BL-VL-CT").id()))).meeting();

        ArchiveItem item = meetingArchive.item(repository.load(open.id()).orElseThrow());

        assertThat(item.readers()).extracting(Reader::toString).contains("official:an.nguyen",
                "official:admin.vinhloi", "unit:bl-vl", "unit:bl-vl-vp", "unit:bl-vl-ct");
        assertThat(item.units()).containsExactly("BL-VL", "BL-VL-CT");
        assertThat(item.url()).isEqualTo("/meetings/" + open.id());
        assertThat(meetingArchive.item(repository.load(closed.id()).orElseThrow()).readers())
                .extracting(Reader::toString).containsExactlyInAnyOrder("official:an.nguyen",
                        "official:admin.vinhloi");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(ids(search("lúa tôm", Reader.unit("BL-VL-VP")))).contains(String.valueOf(open.id()))
                    .doesNotContain(String.valueOf(closed.id()));
            assertThat(ids(search("lúa tôm", Reader.official(PROVINCE_OFFICIAL))))
                    .contains(String.valueOf(open.id()), String.valueOf(closed.id()));
            assertThat(ids(search("lúa tôm", Reader.unit("BL-GR")))).isEmpty();
        });
    }

    @Test
    void rebuildPutsEveryMeetingAgainAndCancelledOnesAreMarked() {
        int day = freshDay();
        MeetingView meeting = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp xây dựng nông thôn mới",
                at(day, 8), at(day, 9), unit("BL-VL").id(), VINH_LOI_ADMIN)).meeting();
        meetings.cancel(VINH_LOI_ADMIN, meeting.id(), null);

        RebuildReport report = archive.rebuild(MeetingArchive.SOURCE);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.sources().get(0).items()).isGreaterThanOrEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(search("nông thôn mới",
                Reader.official(VINH_LOI_ADMIN)).hits()).extracting(SearchResult.Hit::title)
                .contains("[Đã huỷ] Họp xây dựng nông thôn mới"));
    }

    private SearchResult search(String query, Reader principal) {
        return archive.search(SearchRequest.of(query, Set.of(principal)).withSources(Set.of("meeting")));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }
}
