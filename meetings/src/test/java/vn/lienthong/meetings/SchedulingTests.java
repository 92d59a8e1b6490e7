package vn.lienthong.meetings;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.lienthong.chat.ChannelKind;
import vn.lienthong.chat.ChannelSummary;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitLevel;
import vn.lienthong.mail.Draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Scheduling, changing and cancelling meetings, and what follows: invitations, the chat channel, the archive. */
class SchedulingTests extends MeetingsTestSupport {

    @Test
    void districtAdministratorSchedulesTheDistrictAndAllItsCommunesInOneSelection() {
        Unit vinhLoi = unit("BL-VL");
        int day = freshDay();
        MeetingDraft draft = MeetingDraft.of("Giao ban trực tuyến huyện Vĩnh Lợi", at(day, 8), at(day, 10),
                        vinhLoi.id(), VINH_LOI_ADMIN)
                .withAgenda("Tình hình kinh tế - xã hội tháng 11")
                .withSelections(List.of(new EndpointSelection(vinhLoi.id(), Set.of(UnitLevel.COMMUNE))));

        MeetingSaved saved = meetings.schedule(VINH_LOI_ADMIN, draft);

        List<String> codes = saved.meeting().endpoints().stream().map(e -> e.unit().code()).toList();
        assertThat(codes).containsExactly("BL-VL", "BL-VL-CH", "BL-VL-CT", "BL-VL-HH", "BL-VL-LT");
        assertThat(saved.meeting().endpoints().get(0).host()).isTrue();
        assertThat(saved.meeting().sequence()).isZero();
        assertThat(saved.meeting().status()).isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(saved.meeting().you().manager()).isTrue();
        assertThat(saved.meeting().start().toLocalDateTime()).isEqualTo(at(day, 8));
    }

    @Test
    void invitationGoesOutAsICalendarRequestToOfficialsAndUnitAddresses() {
        Unit vinhLoi = unit("BL-VL");
        int day = freshDay();
        MeetingSaved saved = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp triển khai chuyển đổi số",
                        at(day, 14), at(day, 16), vinhLoi.id(), VINH_LOI_ADMIN)
                .withSelections(List.of(new EndpointSelection(vinhLoi.id(), Set.of(UnitLevel.COMMUNE))))
                .withParticipants(List.of(PROVINCE_OFFICIAL))
                .withGuests(List.of(new Guest("chuyengia@vnpt.vn", "Chuyên gia VNPT"))));
        String uid = saved.meeting().uid();

        Draft invitation = await().atMost(WAIT).until(() -> invitationFor(uid, "REQUEST"), d -> d != null);

        assertThat(invitation.to()).contains(official(PROVINCE_OFFICIAL).email(), official(VINH_LOI_ADMIN).email(),
                official(CHAU_THOI_CHAIRMAN).email(),
                // the district office's group address: the district's people at the district endpoint
                "vanphong@vinhloi.baclieu.gov.vn");
        // The guest gets a message of their own, with a personal join link (see internal.GuestRoomsTests).
        assertThat(invitation.to()).doesNotContain("chuyengia@vnpt.vn");
        Draft guest = await().atMost(WAIT).until(() -> mail.sent(d -> d.calendar() != null
                && d.calendar().ics().contains("UID:" + uid) && d.to().contains("chuyengia@vnpt.vn")).stream()
                .findFirst().orElse(null), d -> d != null);
        assertThat(guest.to()).containsExactly("chuyengia@vnpt.vn");
        assertThat(guest.text()).contains("http://127.0.0.1:18080/meetings/guest/")
                .doesNotContain("/meetings/" + saved.meeting().id());
        assertThat(invitation.subject()).startsWith("Mời họp: Họp triển khai chuyển đổi số");
        assertThat(invitation.text()).contains("Vào phòng họp: http://127.0.0.1:18080/meetings/"
                + saved.meeting().id());
        String ics = invitation.calendar().ics().replace("\r\n ", "");
        assertThat(ics).contains("METHOD:REQUEST", "UID:" + uid, "SEQUENCE:0",
                "VERSION:2.0", "ORGANIZER;CN=\"Lê Minh Tâm\";SENT-BY=\"mailto:" + CapturedMail.ADDRESS + "\":mailto:"
                        + official(VINH_LOI_ADMIN).email());
        assertThat(ics).containsPattern("ATTENDEE;CN=\"Nguyễn Văn An\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
                + "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:an\\.nguyen@");
    }

    @Test
    void updateBumpsSequenceAndCancelsForThoseTakenOff() {
        Unit vinhLoi = unit("BL-VL");
        Unit chauThoi = unit("BL-VL-CT");
        Unit hungHoi = unit("BL-VL-HH");
        int day = freshDay();
        MeetingDraft draft = MeetingDraft.of("Họp về phòng chống thiên tai", at(day, 8), at(day, 9), vinhLoi.id(),
                VINH_LOI_ADMIN).withEndpoints(List.of(chauThoi.id(), hungHoi.id()))
                .withParticipants(List.of(PROVINCE_OFFICIAL));
        MeetingSaved saved = meetings.schedule(VINH_LOI_ADMIN, draft);
        long id = saved.meeting().id();
        String uid = saved.meeting().uid();
        await().atMost(WAIT).until(() -> invitationFor(uid, "REQUEST") != null);

        MeetingSaved updated = meetings.update(VINH_LOI_ADMIN, id, draft.withEndpoints(List.of(chauThoi.id()))
                .withParticipants(List.of()).withTime(at(day, 9), at(day, 10)));

        assertThat(updated.meeting().sequence()).isEqualTo(1);
        Draft request = await().atMost(WAIT).until(() -> mail.sent(d -> d.calendar() != null
                && d.calendar().ics().contains("UID:" + uid) && d.calendar().ics().contains("SEQUENCE:1")
                && d.calendar().method().equals("REQUEST")).stream().findFirst().orElse(null), d -> d != null);
        assertThat(request.subject()).startsWith("Cập nhật lịch họp:");
        assertThat(request.calendar().ics()).contains("DTSTART;TZID=Asia/Ho_Chi_Minh:"
                + String.format("%tY%<tm%<tdT090000", at(day, 9)));
        assertThat(request.to()).doesNotContain(official(PROVINCE_OFFICIAL).email());
        Draft removed = await().atMost(WAIT).until(() -> invitationFor(uid, "CANCEL"), d -> d != null);
        assertThat(removed.subject()).startsWith("Thôi mời họp:");
        assertThat(removed.to()).containsExactly(official(PROVINCE_OFFICIAL).email());
        assertThat(removed.calendar().ics()).contains("SEQUENCE:1", "STATUS:CANCELLED");
    }

    @Test
    void cancellingSendsCancelToEveryoneAndClosesTheChatChannel() {
        Unit vinhLoi = unit("BL-VL");
        Unit chauThoi = unit("BL-VL-CT");
        int day = freshDay();
        MeetingSaved saved = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Họp sẽ bị huỷ", at(day, 8),
                at(day, 9), vinhLoi.id(), VINH_LOI_ADMIN).withEndpoints(List.of(chauThoi.id())));
        long id = saved.meeting().id();
        ChannelSummary channel = await().atMost(WAIT).until(() -> meetingChannel(CHAU_THOI_CHAIRMAN, id),
                c -> c != null);
        assertThat(channel.title()).isEqualTo("Họp: Họp sẽ bị huỷ");

        MeetingView cancelled = meetings.cancel(VINH_LOI_ADMIN, id, "Trùng lịch tiếp dân");

        assertThat(cancelled.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(cancelled.sequence()).isEqualTo(1);
        Draft cancel = await().atMost(WAIT).until(() -> invitationFor(saved.meeting().uid(), "CANCEL"),
                d -> d != null);
        assertThat(cancel.calendar().ics()).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:1");
        assertThat(cancel.to()).contains(official(CHAU_THOI_CHAIRMAN).email());
        assertThat(cancel.text()).contains("Lý do: Trùng lịch tiếp dân");
        await().atMost(WAIT).until(() -> meetingChannel(CHAU_THOI_CHAIRMAN, id).closed());
        assertThatThrownBy(() -> meetings.update(VINH_LOI_ADMIN, id, MeetingDraft.of("x", at(day, 8), at(day, 9),
                vinhLoi.id(), VINH_LOI_ADMIN)))
                .isInstanceOfSatisfying(MeetingException.class,
                        e -> assertThat(e.reason()).isEqualTo(MeetingException.Reason.CONFLICT));
    }

    @Test
    void chatChannelHoldsTheInviteesOfAPublicMeeting() {
        Unit vinhLoi = unit("BL-VL");
        int day = freshDay();
        MeetingSaved saved = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Kênh của cuộc họp", at(day, 8),
                        at(day, 9), vinhLoi.id(), VINH_LOI_ADMIN)
                .withEndpoints(List.of(unit("BL-VL-CT").id())).withParticipants(List.of(PROVINCE_OFFICIAL)));
        long id = saved.meeting().id();

        assertThat(await().atMost(WAIT).until(() -> meetingChannel(PROVINCE_OFFICIAL, id), c -> c != null))
                .isNotNull();
        assertThat(meetingChannel(VINH_LOI_OFFICIAL, id)).as("district office staff at the district endpoint")
                .isNotNull();
        assertThat(meetingChannel(CHAU_THOI_CHAIRMAN, id)).isNotNull();
        assertThat(meetingChannel(GIA_RAI_OFFICIAL, id)).as("not invited").isNull();
        // The meeting names its channel: the one its invitees have.
        assertThat(meetings.chatChannel(PROVINCE_OFFICIAL, id)).hasValue(meetingChannel(PROVINCE_OFFICIAL, id).id());
    }

    @Test
    void conflictWarningsNameTheChairAndTheBookedEndpoint() {
        Unit vinhLoi = unit("BL-VL");
        Unit hungHoi = unit("BL-VL-HH");
        int day = freshDay();
        meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Cuộc họp đặt trước", at(day, 8), at(day, 10),
                vinhLoi.id(), CHAU_THOI_CHAIRMAN).withEndpoints(List.of(hungHoi.id())));

        MeetingSaved second = meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Cuộc họp trùng giờ",
                at(day, 9), at(day, 11), hungHoi.id(), CHAU_THOI_CHAIRMAN));

        assertThat(second.warnings()).extracting(ConflictWarning::kind)
                .containsExactlyInAnyOrder(ConflictWarning.Kind.CHAIR, ConflictWarning.Kind.ENDPOINT);
        assertThat(second.warnings()).extracting(ConflictWarning::message).anySatisfy(message -> assertThat(message)
                .isEqualTo("Điểm cầu Xã Hưng Hội đã được đặt cho cuộc họp \"Cuộc họp đặt trước\" lúc 08:00 – 10:00, "
                        + weekday(at(day, 8)) + ", "
                        + String.format("%td/%<tm/%<tY", at(day, 8)) + "."));
        List<ConflictWarning> none = meetings.conflicts(VINH_LOI_ADMIN, MeetingDraft.of("Không trùng",
                at(day, 11), at(day, 12), hungHoi.id(), CHAU_THOI_CHAIRMAN), null);
        assertThat(none).isEmpty();
    }

    @Test
    void badDraftsAreRefusedWithAVietnameseMessageNamingTheField() {
        Unit vinhLoi = unit("BL-VL");
        int day = freshDay();
        assertThatThrownBy(() -> meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of(" ", at(day, 8), at(day, 9),
                vinhLoi.id(), VINH_LOI_ADMIN)))
                .isInstanceOfSatisfying(MeetingException.class, e -> {
                    assertThat(e.field()).isEqualTo("title");
                    assertThat(e.getMessage()).isEqualTo("Tiêu đề cuộc họp không được để trống.");
                });
        assertThatThrownBy(() -> meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Ngược giờ", at(day, 9),
                at(day, 8), vinhLoi.id(), VINH_LOI_ADMIN)))
                .isInstanceOfSatisfying(MeetingException.class, e -> assertThat(e.field()).isEqualTo("end"));
        assertThatThrownBy(() -> meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Quá dài", at(day, 8),
                at(day + 2, 8), vinhLoi.id(), VINH_LOI_ADMIN)))
                .hasMessage("Một cuộc họp dài tối đa 24 giờ.");
        assertThatThrownBy(() -> meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Ai chủ trì", at(day, 8),
                at(day, 9), vinhLoi.id(), "khong.co.ai")))
                .hasMessage("Không tìm thấy cán bộ \"khong.co.ai\".");
        assertThatThrownBy(() -> meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Khách sai", at(day, 8),
                at(day, 9), vinhLoi.id(), VINH_LOI_ADMIN).withGuests(List.of(new Guest("khong-phai-thu", "")))))
                .isInstanceOfSatisfying(MeetingException.class, e -> assertThat(e.field()).isEqualTo("guests"));
        assertThatThrownBy(() -> meetings.schedule(VINH_LOI_ADMIN, MeetingDraft.of("Đã qua", at(-3, 8),
                at(-3, 9), vinhLoi.id(), VINH_LOI_ADMIN)))
                .hasMessage("Không lên lịch được cuộc họp đã kết thúc.");
    }

    private Draft invitationFor(String uid, String method) {
        return mail.sent(d -> d.calendar() != null && d.calendar().method().equals(method)
                && d.calendar().ics().contains("UID:" + uid)).stream().findFirst().orElse(null);
    }

    /** The meeting's channel among the official's channels (titles are unique in these tests). */
    private ChannelSummary meetingChannel(String username, long meetingId) {
        String title = "Họp: " + meetings.meeting(ADMIN, meetingId).title();
        return chat.channelsOf(username).stream()
                .filter(c -> c.kind() == ChannelKind.MEETING && c.title().equals(title))
                .findFirst().orElse(null);
    }

    static String weekday(LocalDateTime time) {
        return switch (time.getDayOfWeek()) {
            case MONDAY -> "thứ Hai";
            case TUESDAY -> "thứ Ba";
            case WEDNESDAY -> "thứ Tư";
            case THURSDAY -> "thứ Năm";
            case FRIDAY -> "thứ Sáu";
            case SATURDAY -> "thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }
}
