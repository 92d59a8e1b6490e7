package vn.lienthong.chat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.lienthong.directory.Official;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Unit channels follow the directory: units and officials created, moved, renamed, merged, deactivated. */
class UnitChannelSyncTests extends ChatTestSupport {

    @Test
    void demoUnitsHaveChannelsWithTheirOfficialsAndUnitAdminsModerate() {
        ChannelSummary office = unitChannel("binh.tran", "BL-VL-VP");
        assertThat(chat.members("binh.tran", office.id())).extracting(ChatMember::username)
                .contains("binh.tran", "admin.vinhloi").doesNotContain("an.nguyen");
        assertThat(chat.members("binh.tran", office.id())).filteredOn(m -> m.username().equals("admin.vinhloi"))
                .singleElement().satisfies(m -> assertThat(m.moderator()).isTrue());
        assertThat(chat.channel("binh.tran", office.id()).moderator()).isFalse();
        // The unit admin of Huyện Vĩnh Lợi is in the district's own channel too.
        ChannelSummary district = unitChannel("admin.vinhloi", "BL-VL");
        assertThat(district.title()).isEqualTo("Huyện Vĩnh Lợi");
        assertThat(chatAdministration.resyncUnitChannels().changedAnything()).as("already in step").isFalse();
    }

    @Test
    void officialsCreatedMovedAndDeactivatedJoinAndLeaveUnitChannels() {
        Official official = newOfficial("BL-GR-VP");
        ChannelSummary first = unitChannel(official.username(), "BL-GR-VP");

        administration.moveOfficial(ADMIN, official.id(), unit("BL-DH-VP").id());
        ChannelSummary second = unitChannel(official.username(), "BL-DH-VP");
        await().atMost(WAIT).until(() -> !chat.isMember(official.username(), first.id()));

        administration.deactivateOfficial(ADMIN, official.id());
        await().atMost(WAIT).until(() -> !chat.isMember(official.username(), second.id()));
    }

    @Test
    void renamedUnitRenamesItsChannelAndAMergedUnitsChannelClosesWhileItsMembersFollow() {
        Unit parent = unit("BL-HB");
        Unit source = administration.createUnit(ADMIN, new UnitDraft("BL-HB-KT1", "Xã Kiểm Thử Một",
                UnitLevel.COMMUNE, parent.id(), null, null));
        Unit target = administration.createUnit(ADMIN, new UnitDraft("BL-HB-KT2", "Xã Kiểm Thử Hai",
                UnitLevel.COMMUNE, parent.id(), null, null));
        Official official = newOfficial("BL-HB-KT1");
        ChannelSummary sourceChannel = unitChannel(official.username(), "BL-HB-KT1");
        chat.post(official.username(), sourceChannel.id(), new NewMessage("Trước khi sáp nhập", null, null));

        administration.updateUnit(ADMIN, target.id(), new UnitDraft("BL-HB-KT2", "Xã Kiểm Thử Mới",
                UnitLevel.COMMUNE, null, null, null));
        administration.mergeUnit(ADMIN, source.id(), target.id());

        ChannelSummary targetChannel = unitChannel(official.username(), "BL-HB-KT2");
        assertThat(targetChannel.title()).isEqualTo("Xã Kiểm Thử Mới");
        ChannelSummary closed = await().atMost(WAIT).until(() -> chat.channel(official.username(),
                sourceChannel.id()), ChannelSummary::closed);
        assertThat(closed.canPost()).isFalse();
        assertThat(chat.after(official.username(), sourceChannel.id(), 0, 10).messages())
                .extracting(ChatMessage::text).containsExactly("Trước khi sáp nhập");
        assertThat(directory.findOfficial(official.id()).orElseThrow().roles()).contains(Role.OFFICIAL);
        assertThat(Set.of(targetChannel.unitId())).containsExactly(target.id());
    }
}
