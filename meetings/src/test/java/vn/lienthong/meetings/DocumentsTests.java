package vn.lienthong.meetings;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Documents and minutes: written by the chair and the organisers, read by invitees, searchable in the archive. */
class DocumentsTests extends MeetingsTestSupport {

    @Test
    void chairAttachesADocumentThatInviteesDownloadAndTheArchiveReads() throws Exception {
        MeetingView meeting = privateMeeting("Họp bàn kế hoạch ngân sách");
        byte[] text = "Dự toán ngân sách xã năm 2027: chi thường xuyên tăng 5%".getBytes(StandardCharsets.UTF_8);

        String created = mvc.perform(multipart("/api/v1/meetings/{id}/documents", meeting.id())
                        .file(new MockMultipartFile("file", "C:\\Tài liệu\\du-toan.txt", "text/plain", text))
                        .with(user(CHAU_THOI_CHAIRMAN).roles("OFFICIAL")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("du-toan.txt"))
                .andExpect(jsonPath("$.size").value(text.length))
                .andReturn().getResponse().getContentAsString();
        long documentId = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

        mvc.perform(get("/api/v1/meetings/{id}/documents/{doc}", meeting.id(), documentId)
                        .with(user(PROVINCE_OFFICIAL).roles("OFFICIAL")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("filename*=UTF-8''du-toan.txt")))
                .andExpect(content().bytes(text));
        mvc.perform(get("/api/v1/meetings/{id}/documents/{doc}", meeting.id(), documentId)
                        .with(user(GIA_RAI_OFFICIAL).roles("OFFICIAL")))
                .andExpect(status().isNotFound());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(search("chi thường xuyên", Reader.official(PROVINCE_OFFICIAL)).hits())
                    .extracting(SearchResult.Hit::id).contains(String.valueOf(meeting.id()));
            assertThat(search("chi thường xuyên", Reader.official(GIA_RAI_OFFICIAL), Reader.unit("BL-VL-CT"))
                    .hits()).extracting(SearchResult.Hit::id).doesNotContain(String.valueOf(meeting.id()));
        });
    }

    @Test
    void documentOverTheLimitIsRefusedAndNothingIsKept() throws Exception {
        MeetingView meeting = privateMeeting("Họp tài liệu quá lớn");

        mvc.perform(multipart("/api/v1/meetings/{id}/documents", meeting.id())
                        .file(new MockMultipartFile("file", "lon.pdf", "application/pdf", new byte[64 * 1024 + 1]))
                        .with(user(VINH_LOI_ADMIN).roles("UNIT_ADMIN")).with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("TOO_LARGE"))
                .andExpect(jsonPath("$.detail").value("Tài liệu quá lớn: tối đa 64 KB mỗi tệp."));
        assertThat(documents.documents(VINH_LOI_ADMIN, meeting.id())).isEmpty();
    }

    @Test
    void onlyTheChairAndOrganisersWriteDocumentsAndMinutes() {
        MeetingView meeting = privateMeeting("Họp chỉ chủ trì ghi");

        assertThatThrownBy(() -> documents.upload(PROVINCE_OFFICIAL, meeting.id(), "a.txt", "text/plain",
                new ByteArrayInputStream(new byte[1])))
                .isInstanceOfSatisfying(MeetingException.class,
                        e -> assertThat(e.reason()).isEqualTo(MeetingException.Reason.FORBIDDEN));
        assertThatThrownBy(() -> documents.saveMinutes(PROVINCE_OFFICIAL, meeting.id(), null, "x"))
                .isInstanceOfSatisfying(MeetingException.class,
                        e -> assertThat(e.reason()).isEqualTo(MeetingException.Reason.FORBIDDEN));
    }

    @Test
    void minutesAreSavedReadByInviteesAndArchived() throws Exception {
        MeetingView meeting = privateMeeting("Họp có biên bản");

        mvc.perform(put("/api/v1/meetings/{id}/minutes", meeting.id()).with(user(CHAU_THOI_CHAIRMAN).roles("OFFICIAL"))
                        .with(csrf()).contentType("application/json")
                        .content("{\"text\":\"Kết luận: giao Văn phòng tổng hợp báo cáo trước ngày 15\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updatedBy").value(CHAU_THOI_CHAIRMAN));

        Minutes minutes = documents.minutes(PROVINCE_OFFICIAL, meeting.id(), null);
        assertThat(minutes.text()).isEqualTo("Kết luận: giao Văn phòng tổng hợp báo cáo trước ngày 15");
        assertThat(meetings.meeting(PROVINCE_OFFICIAL, meeting.id()).hasMinutes()).isTrue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(search("tổng hợp báo cáo",
                Reader.official(PROVINCE_OFFICIAL)).hits()).extracting(SearchResult.Hit::id)
                .contains(String.valueOf(meeting.id())));
    }

    /** Private: the chair (Châu Thới) and an.nguyen by name; the endpoints' officials are not told. */
    private MeetingView privateMeeting(String title) {
        int day = freshDay();
        return meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of(title, at(day, 8), at(day, 9),
                        unit("BL-VL").id(), CHAU_THOI_CHAIRMAN).withVisibility(Visibility.PRIVATE)
                .withEndpoints(List.of(unit("BL-VL-CT").id())).withParticipants(List.of(PROVINCE_OFFICIAL)))
                .meeting();
    }

    private SearchResult search(String query, Reader... principals) {
        return archive.search(SearchRequest.of(query, Set.of(principals)).withSources(Set.of("meeting")));
    }
}
