package vn.lienthong.directory.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.DirectoryValidationException;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialChanged;
import vn.lienthong.directory.OfficialCreated;
import vn.lienthong.directory.OfficialDeactivated;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.OfficialMoved;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitChanged;
import vn.lienthong.directory.UnitCreated;
import vn.lienthong.directory.UnitDeactivated;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;
import vn.lienthong.directory.UnitMerged;
import vn.lienthong.directory.UnitMoved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.directory.internal.DirectoryFixture.ADMIN;
import static vn.lienthong.directory.internal.DirectoryFixture.VINH_LOI_ADMIN;

/**
 * The directory through its public API, on a real database. Each database has a concrete subclass, so the
 * migrations and every query are proven on H2 and on PostgreSQL.
 */
abstract class AbstractDirectoryManagementTests {

    @Autowired
    Directory directory;

    @Autowired
    DirectoryAdministration administration;

    @Autowired
    PasswordStore passwords;

    @Autowired
    DirectoryFixture fixture;

    @Autowired
    ApplicationEvents events;

    @Autowired
    DemoData demoData;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void resetDirectory() {
        fixture.reset();
        events.clear();
    }

    // ---------------------------------------------------------------- units

    @Test
    void createsUnitUnderItsParentAndPublishesUnitCreated() {
        Unit commune = administration.createUnit(ADMIN, new UnitDraft("bl-vl-lt", "Xã Long Thạnh",
                UnitLevel.COMMUNE, fixture.vinhLoi.id(), null, "ubnd"));

        assertThat(commune.code()).isEqualTo("BL-VL-LT");
        assertThat(commune.parentId()).isEqualTo(fixture.vinhLoi.id());
        assertThat(commune.path()).containsExactly(fixture.province.id(), fixture.vinhLoi.id(), commune.id());
        assertThat(commune.active()).isTrue();
        assertThat(directory.children(fixture.vinhLoi.id())).extracting(Unit::name)
                .containsExactly("Xã Châu Thới", "Xã Hưng Hội", "Xã Long Thạnh");
        assertThat(events.stream(UnitCreated.class)).containsExactly(new UnitCreated(commune.id()));
    }

    @Test
    void refusesADuplicateCodeWhateverItsCase() {
        assertThatThrownBy(() -> administration.createUnit(ADMIN,
                new UnitDraft("bl-vl", "Huyện khác", UnitLevel.DISTRICT, fixture.province.id(), null, null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("code"))
                .hasMessageContaining("BL-VL");
        assertThatThrownBy(() -> administration.updateUnit(ADMIN, fixture.dongHai.id(),
                new UnitDraft("Bl-Vl", "Huyện Đông Hải", UnitLevel.DISTRICT, null, null, null)))
                .isInstanceOf(DirectoryValidationException.class);
        assertThat(events.stream(UnitCreated.class)).isEmpty();
    }

    @Test
    void refusesCodesWithToneMarksOrSpaces() {
        for (String code : List.of("VĨNH", "BL VL", "-BL", "", "BL--VL")) {
            assertThatThrownBy(() -> administration.createUnit(ADMIN,
                    new UnitDraft(code, "Xã mới", UnitLevel.COMMUNE, fixture.vinhLoi.id(), null, null)))
                    .as(code)
                    .isInstanceOfSatisfying(DirectoryValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("code"));
        }
    }

    @Test
    void refusesMissingNamesAndBadMailSettings() {
        assertThatThrownBy(() -> administration.createUnit(ADMIN,
                new UnitDraft("BL-X", "   ", UnitLevel.COMMUNE, fixture.vinhLoi.id(), null, null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> administration.createUnit(ADMIN,
                new UnitDraft("BL-X", "Xã X", UnitLevel.COMMUNE, fixture.vinhLoi.id(), "không hợp lệ", null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("mailDomain"));
        assertThatThrownBy(() -> administration.createUnit(ADMIN,
                new UnitDraft("BL-X", "Xã X", null, fixture.vinhLoi.id(), null, null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("level"));
    }

    @Test
    void storesNamesTypedInNfdAsNfc() {
        String nfd = Normalizer.normalize("Xã Long Thạnh", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Xã Long Thạnh");

        Unit commune = administration.createUnit(ADMIN,
                new UnitDraft("BL-VL-LT", "  " + nfd + " ", UnitLevel.COMMUNE, fixture.vinhLoi.id(), null, null));
        Official official = administration.createOfficial(ADMIN, new OfficialDraft("thanh.le",
                Normalizer.normalize("Lê  Văn Thành", Normalizer.Form.NFD),
                Normalizer.normalize("Phó Chủ tịch", Normalizer.Form.NFD), commune.id(), null, null, Set.of(), null));

        assertThat(directory.findUnit(commune.id()).orElseThrow().name()).isEqualTo("Xã Long Thạnh");
        assertThat(official.fullName()).isEqualTo("Lê Văn Thành");
        assertThat(Normalizer.isNormalized(official.fullName(), Normalizer.Form.NFC)).isTrue();
        assertThat(official.title()).isEqualTo("Phó Chủ tịch");
        assertThat(directory.searchUnits(Normalizer.normalize("Long Thạnh", Normalizer.Form.NFD), 10))
                .extracting(Unit::id).containsExactly(commune.id());
    }

    @Test
    void renameKeepsTheOldNameFindableAndPublishesBothNames() {
        Unit renamed = administration.updateUnit(ADMIN, fixture.chauThoi.id(),
                new UnitDraft("BL-VL-CT", "Xã Châu Thới Mới", UnitLevel.COMMUNE, null, null, null));

        assertThat(renamed.name()).isEqualTo("Xã Châu Thới Mới");
        assertThat(renamed.formerNames()).containsExactly("Xã Châu Thới");
        assertThat(directory.searchUnits("chau thoi moi", 10)).extracting(Unit::id)
                .containsExactly(fixture.chauThoi.id());
        assertThat(directory.searchUnits("xa chau thoi", 10)).extracting(Unit::id)
                .containsExactly(fixture.chauThoi.id());
        assertThat(events.stream(UnitChanged.class))
                .containsExactly(new UnitChanged(fixture.chauThoi.id(), "Xã Châu Thới", "Xã Châu Thới Mới"));
    }

    @Test
    void updateWithoutChangesPublishesNothing() {
        administration.updateUnit(ADMIN, fixture.chauThoi.id(),
                new UnitDraft("bl-vl-ct", "Xã  Châu Thới", UnitLevel.COMMUNE, null, null, null));

        assertThat(events.stream(UnitChanged.class)).isEmpty();
        assertThat(directory.findUnit(fixture.chauThoi.id()).orElseThrow().formerNames()).isEmpty();
    }

    @Test
    void moveRewritesThePathsOfTheWholeSubtree() {
        Unit hamlet = administration.createUnit(ADMIN,
                new UnitDraft("BL-VL-CT-1", "Ấp Phước Thạnh", UnitLevel.DEPARTMENT, fixture.chauThoi.id(), null, null));
        events.clear();

        Unit moved = administration.moveUnit(ADMIN, fixture.chauThoi.id(), fixture.dongHai.id());

        assertThat(moved.path()).containsExactly(fixture.province.id(), fixture.dongHai.id(), moved.id());
        assertThat(directory.findUnit(hamlet.id()).orElseThrow().path())
                .containsExactly(fixture.province.id(), fixture.dongHai.id(), fixture.chauThoi.id(), hamlet.id());
        assertThat(directory.subtree(fixture.dongHai.id())).extracting(Unit::code)
                .containsExactly("BL-DH", "BL-DH-GH", "BL-VL-CT", "BL-VL-CT-1");
        assertThat(directory.subtree(fixture.vinhLoi.id())).extracting(Unit::code)
                .containsExactly("BL-VL", "BL-VL-HH");
        assertThat(directory.pathTo(hamlet.id())).extracting(Unit::code)
                .containsExactly("BL", "BL-DH", "BL-VL-CT", "BL-VL-CT-1");
        assertThat(events.stream(UnitMoved.class))
                .containsExactly(new UnitMoved(fixture.chauThoi.id(), fixture.vinhLoi.id(), fixture.dongHai.id()));
    }

    @Test
    void refusesMovesThatWouldMakeACycle() {
        assertThatThrownBy(() -> administration.moveUnit(ADMIN, fixture.vinhLoi.id(), fixture.chauThoi.id()))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("parentId"));
        assertThatThrownBy(() -> administration.moveUnit(ADMIN, fixture.vinhLoi.id(), fixture.vinhLoi.id()))
                .isInstanceOf(DirectoryValidationException.class);
        assertThatThrownBy(() -> administration.moveUnit(ADMIN, fixture.province.id(), fixture.ganhHao.id()))
                .isInstanceOf(DirectoryValidationException.class);

        assertThat(directory.findUnit(fixture.vinhLoi.id()).orElseThrow().parentId()).isEqualTo(fixture.province.id());
        assertThat(events.stream(UnitMoved.class)).isEmpty();
    }

    @Test
    void deactivationWaitsUntilNoActiveChildOrOfficialIsLeft() {
        Official official = administration.createOfficial(ADMIN, new OfficialDraft("hao.ly", "Lý Văn Hảo", null,
                fixture.ganhHao.id(), null, null, Set.of(), null));

        assertThatThrownBy(() -> administration.deactivateUnit(ADMIN, fixture.dongHai.id()))
                .isInstanceOf(DirectoryValidationException.class).hasMessageContaining("đơn vị trực thuộc");
        assertThatThrownBy(() -> administration.deactivateUnit(ADMIN, fixture.ganhHao.id()))
                .isInstanceOf(DirectoryValidationException.class).hasMessageContaining("cán bộ");

        administration.deactivateOfficial(ADMIN, official.id());
        Unit commune = administration.deactivateUnit(ADMIN, fixture.ganhHao.id());
        Unit district = administration.deactivateUnit(ADMIN, fixture.dongHai.id());

        assertThat(commune.active()).isFalse();
        assertThat(district.active()).isFalse();
        assertThat(directory.children(fixture.province.id())).extracting(Unit::code).containsExactly("BL-VL");
        assertThat(directory.allUnits()).extracting(Unit::code).contains("BL-DH", "BL-DH-GH");
        assertThat(directory.searchUnits("dong hai", 10)).isEmpty();
        assertThat(events.stream(UnitDeactivated.class)).containsExactly(
                new UnitDeactivated(fixture.ganhHao.id()), new UnitDeactivated(fixture.dongHai.id()));
        assertThatThrownBy(() -> administration.createUnit(ADMIN,
                new UnitDraft("BL-DH-X", "Xã X", UnitLevel.COMMUNE, fixture.dongHai.id(), null, null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("parentId"));
    }

    @Test
    void mergeMovesOfficialsAndChildrenAndKeepsTheOldNameFindable() {
        Unit hamlet = administration.createUnit(ADMIN,
                new UnitDraft("BL-VL-HH-1", "Ấp Hưng Thành", UnitLevel.DEPARTMENT, fixture.hungHoi.id(), null, null));
        Official chairman = administration.createOfficial(ADMIN, new OfficialDraft("phuc.huynh", "Huỳnh Văn Phúc",
                "Chủ tịch UBND xã", fixture.hungHoi.id(), null, null, Set.of(), null));
        administration.updateUnit(ADMIN, fixture.hungHoi.id(),
                new UnitDraft("BL-VL-HH", "Xã Hưng Hội A", UnitLevel.COMMUNE, null, null, null));
        events.clear();

        Unit target = administration.mergeUnit(ADMIN, fixture.hungHoi.id(), fixture.chauThoi.id());

        Unit source = directory.findUnit(fixture.hungHoi.id()).orElseThrow();
        assertThat(source.active()).isFalse();
        assertThat(source.mergedIntoId()).isEqualTo(fixture.chauThoi.id());
        assertThat(target.id()).isEqualTo(fixture.chauThoi.id());
        assertThat(target.formerNames()).containsExactly("Xã Hưng Hội", "Xã Hưng Hội A");
        assertThat(directory.findOfficial(chairman.id()).orElseThrow().unitId()).isEqualTo(fixture.chauThoi.id());
        assertThat(directory.findUnit(hamlet.id()).orElseThrow().path())
                .containsExactly(fixture.province.id(), fixture.vinhLoi.id(), fixture.chauThoi.id(), hamlet.id());
        assertThat(directory.searchUnits("hung hoi", 10)).extracting(Unit::id).containsExactly(fixture.chauThoi.id());
        assertThat(events.stream(UnitMerged.class))
                .containsExactly(new UnitMerged(fixture.hungHoi.id(), fixture.chauThoi.id()));
    }

    @Test
    void refusesMergingIntoItselfOrItsOwnSubtree() {
        assertThatThrownBy(() -> administration.mergeUnit(ADMIN, fixture.vinhLoi.id(), fixture.vinhLoi.id()))
                .isInstanceOf(DirectoryValidationException.class);
        assertThatThrownBy(() -> administration.mergeUnit(ADMIN, fixture.vinhLoi.id(), fixture.chauThoi.id()))
                .isInstanceOf(DirectoryValidationException.class);
        assertThat(directory.findUnit(fixture.vinhLoi.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void mailDomainComesFromTheNearestAncestorThatHasOne() {
        assertThat(directory.mailDomainOf(fixture.chauThoi.id())).contains("vinhloi.baclieu.gov.vn");
        assertThat(directory.mailDomainOf(fixture.ganhHao.id())).contains("baclieu.gov.vn");
        assertThat(directory.mailDomainOf(-1)).isEmpty();
    }

    @Test
    void listsTheWholeTreeParentsFirst() {
        assertThat(directory.roots()).extracting(Unit::code).containsExactly("BL");
        assertThat(directory.allUnits()).extracting(Unit::code)
                .containsExactly("BL", "BL-DH", "BL-DH-GH", "BL-VL", "BL-VL-CT", "BL-VL-HH");
        assertThat(directory.findUnitByCode(" bl-vl ")).map(Unit::id).contains(fixture.vinhLoi.id());
    }

    // ---------------------------------------------------------------- officials

    @Test
    void createsOfficialWithMailFromTheUnitDomainAndTheOfficialRole() {
        Official official = administration.createOfficial(ADMIN, new OfficialDraft(" Binh.Tran ", "Trần Thị Bình",
                "Chuyên viên", fixture.chauThoi.id(), "", "0291 3835 123", Set.of(), null));

        assertThat(official.username()).isEqualTo("binh.tran");
        assertThat(official.email()).isEqualTo("binh.tran@vinhloi.baclieu.gov.vn");
        assertThat(official.roles()).containsExactly(Role.OFFICIAL);
        assertThat(official.active()).isTrue();
        assertThat(directory.findOfficialByUsername("BINH.TRAN")).contains(official);
        assertThat(directory.findOfficialByEmail("Binh.Tran@VinhLoi.BacLieu.gov.vn")).contains(official);
        assertThat(events.stream(OfficialCreated.class)).containsExactly(new OfficialCreated(official.id()));
    }

    @Test
    void refusesDuplicateOrInvalidUsernamesAndEmails() {
        administration.createOfficial(ADMIN, new OfficialDraft("an.nguyen", "Nguyễn Văn An", null,
                fixture.province.id(), null, null, Set.of(), null));

        assertThatThrownBy(() -> administration.createOfficial(ADMIN, new OfficialDraft("AN.NGUYEN", "Nguyễn Văn An",
                null, fixture.vinhLoi.id(), "khac@baclieu.gov.vn", null, Set.of(), null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> administration.createOfficial(ADMIN, new OfficialDraft("an.nguyen2", "Nguyễn Văn An",
                null, fixture.vinhLoi.id(), "An.Nguyen@baclieu.gov.vn", null, Set.of(), null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> administration.createOfficial(ADMIN, new OfficialDraft("an nguyen", "Nguyễn Văn An",
                null, fixture.vinhLoi.id(), null, null, Set.of(), null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> administration.createOfficial(ADMIN, new OfficialDraft("an.nguyen3", "Nguyễn Văn An",
                null, fixture.vinhLoi.id(), "an.nguyen@", null, Set.of(), null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> administration.createOfficial(ADMIN, new OfficialDraft("an.nguyen4", "Nguyễn Văn An",
                null, fixture.vinhLoi.id(), null, "gọi tôi", Set.of(), null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("phone"));
        assertThat(events.stream(OfficialCreated.class)).hasSize(1);
    }

    @Test
    void updatesAnOfficialAndPublishesTheOldAndNewAddress() {
        Official official = administration.createOfficial(ADMIN, new OfficialDraft("an.nguyen", "Nguyễn Văn An",
                "Chuyên viên", fixture.province.id(), null, null, Set.of(), null));

        Official updated = administration.updateOfficial(ADMIN, official.id(), new OfficialDraft("an.nguyen",
                "Nguyễn Văn An", "Phó Chánh Văn phòng", null, "an.nv@baclieu.gov.vn", "0291 3822 000", Set.of(),
                null));

        assertThat(updated.title()).isEqualTo("Phó Chánh Văn phòng");
        assertThat(updated.email()).isEqualTo("an.nv@baclieu.gov.vn");
        assertThat(events.stream(OfficialChanged.class)).containsExactly(
                new OfficialChanged(official.id(), "an.nguyen@baclieu.gov.vn", "an.nv@baclieu.gov.vn"));
        assertThatThrownBy(() -> administration.updateOfficial(ADMIN, official.id(), new OfficialDraft("an.nguyen2",
                "Nguyễn Văn An", null, null, null, null, Set.of(), null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("username"));
    }

    @Test
    void movesDeactivatesAndReactivatesAnOfficial() {
        Official official = administration.createOfficial(ADMIN, new OfficialDraft("an.nguyen", "Nguyễn Văn An",
                null, fixture.chauThoi.id(), null, null, Set.of(), null));
        events.clear();

        Official moved = administration.moveOfficial(ADMIN, official.id(), fixture.ganhHao.id());
        Official deactivated = administration.deactivateOfficial(ADMIN, official.id());

        assertThat(moved.unitId()).isEqualTo(fixture.ganhHao.id());
        assertThat(moved.email()).isEqualTo(official.email());
        assertThat(deactivated.active()).isFalse();
        assertThat(directory.searchOfficials("nguyen van an", 10)).isEmpty();
        assertThat(directory.officialsOf(fixture.ganhHao.id(), false)).isEmpty();
        assertThat(directory.officialsOf(fixture.ganhHao.id(), true)).extracting(Official::id)
                .containsExactly(official.id());

        Official reactivated = administration.reactivateOfficial(ADMIN, official.id());

        assertThat(reactivated.active()).isTrue();
        assertThat(directory.officialsInSubtree(fixture.dongHai.id())).extracting(Official::id)
                .containsExactly(official.id());
        assertThat(events.stream(OfficialMoved.class)).containsExactly(
                new OfficialMoved(official.id(), fixture.chauThoi.id(), fixture.ganhHao.id()));
        assertThat(events.stream(OfficialDeactivated.class)).containsExactly(new OfficialDeactivated(official.id()));
        assertThat(events.stream(OfficialChanged.class)).hasSize(1);
    }

    @Test
    void keepsAtLeastOneActiveSystemAdministrator() {
        assertThatThrownBy(() -> administration.deactivateOfficial(ADMIN, fixture.admin.id()))
                .isInstanceOf(DirectoryValidationException.class);
        Official second = administration.createOfficial(ADMIN, new OfficialDraft("quantri2", "Quản trị dự phòng",
                null, fixture.province.id(), null, null, Set.of(Role.SYSTEM_ADMIN), null));
        assertThatThrownBy(() -> administration.deactivateOfficial(ADMIN, fixture.admin.id()))
                .as("nobody deactivates themselves").isInstanceOf(DirectoryValidationException.class);

        administration.deactivateOfficial("quantri2", fixture.admin.id());

        assertThatThrownBy(() -> administration.updateOfficial("quantri2", second.id(), new OfficialDraft(
                "quantri2", "Quản trị dự phòng", null, null, null, null, Set.of(), null)))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("roles"));
        assertThatThrownBy(() -> administration.createUnit(ADMIN,
                new UnitDraft("X", "X", UnitLevel.PROVINCE, null, null, null)))
                .as("a deactivated administrator is no administrator").isInstanceOf(AccessDeniedException.class);
    }

    // ---------------------------------------------------------------- search and order

    @Test
    void findsOfficialsWithoutToneMarks() {
        Official an = administration.createOfficial(ADMIN, new OfficialDraft("an.nguyen", "Nguyễn Văn An",
                "Chuyên viên", fixture.province.id(), null, null, Set.of(), null));
        Official dang = administration.createOfficial(ADMIN, new OfficialDraft("thu.dang", "Đặng Thị Thu",
                "Trưởng phòng", fixture.chauThoi.id(), null, null, Set.of(), null));

        assertThat(directory.searchOfficials("nguyen van an", 10)).containsExactly(an);
        assertThat(directory.searchOfficials("NGUYỄN", 10)).containsExactly(an);
        assertThat(directory.searchOfficials(Normalizer.normalize("Nguyễn An", Normalizer.Form.NFD), 10))
                .containsExactly(an);
        assertThat(directory.searchOfficials("dang thu", 10)).containsExactly(dang);
        assertThat(directory.searchOfficials("truong phong", 10)).containsExactly(dang);
        assertThat(directory.searchOfficials("an.nguyen", 10)).containsExactly(an);
        assertThat(directory.searchOfficials("dang@vinhloi.baclieu", 10)).containsExactly(dang);
        assertThat(directory.searchOfficials("nguyen binh", 10)).isEmpty();
        assertThat(directory.searchOfficials("   ", 10)).isEmpty();
        assertThat(directory.searchOfficials("100%_", 10)).isEmpty();
    }

    @Test
    void findsUnitsWithoutToneMarksByNameOrCode() {
        assertThat(directory.searchUnits("vinh loi", 10)).extracting(Unit::id).containsExactly(fixture.vinhLoi.id());
        assertThat(directory.searchUnits("Huyện", 10)).extracting(Unit::code).containsExactly("BL-DH", "BL-VL");
        assertThat(directory.searchUnits("bl-dh-gh", 10)).extracting(Unit::code).containsExactly("BL-DH-GH");
        assertThat(directory.searchUnits("gh", 10)).extracting(Unit::code).containsExactly("BL-DH-GH");
        assertThat(directory.searchUnits("xa", 1)).hasSize(1);
    }

    @Test
    void sortsOfficialsTheVietnameseWayByGivenName() {
        for (String[] person : List.of(
                new String[] { "dung.pham", "Phạm Văn Dũng" },
                new String[] { "duc.dang", "Đặng Minh Đức" },
                new String[] { "binh.tran", "Trần Thị Bình" },
                new String[] { "an.nguyen", "Nguyễn Văn An" },
                new String[] { "an.le", "Lê Thị An" },
                new String[] { "anh.vo", "Võ Ánh" })) {
            administration.createOfficial(ADMIN, new OfficialDraft(person[0], person[1], "Chuyên viên",
                    fixture.chauThoi.id(), null, null, Set.of(), null));
        }

        assertThat(directory.officialsOf(fixture.chauThoi.id(), false)).extracting(Official::fullName)
                .containsExactly("Lê Thị An", "Nguyễn Văn An", "Võ Ánh", "Trần Thị Bình", "Phạm Văn Dũng",
                        "Đặng Minh Đức");
        assertThat(directory.searchOfficials("chuyen vien", 3)).extracting(Official::fullName)
                .containsExactly("Lê Thị An", "Nguyễn Văn An", "Võ Ánh");
    }

    // ---------------------------------------------------------------- scope

    @Test
    void unitAdministratorWorksOnlyInsideTheirSubtree() {
        Unit commune = administration.createUnit(VINH_LOI_ADMIN,
                new UnitDraft("BL-VL-LT", "Xã Long Thạnh", UnitLevel.COMMUNE, fixture.vinhLoi.id(), null, null));
        administration.moveUnit(VINH_LOI_ADMIN, commune.id(), fixture.chauThoi.id());

        assertThat(directory.canAdminister(VINH_LOI_ADMIN, commune.id())).isTrue();
        assertThat(directory.canAdminister(VINH_LOI_ADMIN, fixture.vinhLoi.id())).isTrue();
        assertThat(directory.canAdminister(VINH_LOI_ADMIN, fixture.dongHai.id())).isFalse();
        assertThat(directory.canAdminister(VINH_LOI_ADMIN, fixture.province.id())).isFalse();
        assertThat(directory.canAdminister(ADMIN, fixture.dongHai.id())).isTrue();
        assertThat(directory.canAdminister("nobody", fixture.dongHai.id())).isFalse();

        assertThatThrownBy(() -> administration.updateUnit(VINH_LOI_ADMIN, fixture.dongHai.id(),
                new UnitDraft("BL-DH", "Huyện Đông Hải Mới", UnitLevel.DISTRICT, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.createUnit(VINH_LOI_ADMIN,
                new UnitDraft("BL-DH-X", "Xã X", UnitLevel.COMMUNE, fixture.dongHai.id(), null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.createUnit(VINH_LOI_ADMIN,
                new UnitDraft("X", "Tỉnh X", UnitLevel.PROVINCE, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.moveUnit(VINH_LOI_ADMIN, fixture.chauThoi.id(), fixture.dongHai.id()))
                .as("destination outside the subtree").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.moveUnit(VINH_LOI_ADMIN, fixture.ganhHao.id(), fixture.vinhLoi.id()))
                .as("source outside the subtree").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.mergeUnit(VINH_LOI_ADMIN, fixture.chauThoi.id(), fixture.ganhHao.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.createOfficial(VINH_LOI_ADMIN, new OfficialDraft("x.le", "Lê X",
                null, fixture.ganhHao.id(), null, null, Set.of(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.createOfficial(VINH_LOI_ADMIN, new OfficialDraft("x.le", "Lê X",
                null, fixture.chauThoi.id(), null, null, Set.of(Role.SYSTEM_ADMIN), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.createOfficial(VINH_LOI_ADMIN, new OfficialDraft("x.le", "Lê X",
                null, fixture.chauThoi.id(), null, null, Set.of(Role.UNIT_ADMIN), fixture.province.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.deactivateOfficial(VINH_LOI_ADMIN, fixture.admin.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.updateUnit(VINH_LOI_ADMIN, 987654321L,
                new UnitDraft("X", "X", UnitLevel.COMMUNE, null, null, null)))
                .as("outside the scope, a missing unit looks like any other").isInstanceOf(AccessDeniedException.class);

        Official communeAdmin = administration.createOfficial(VINH_LOI_ADMIN, new OfficialDraft("x.le", "Lê X",
                null, fixture.chauThoi.id(), null, null, Set.of(Role.UNIT_ADMIN), fixture.chauThoi.id()));
        assertThat(communeAdmin.managedUnitId()).isEqualTo(fixture.chauThoi.id());
        assertThat(communeAdmin.roles()).containsExactlyInAnyOrder(Role.UNIT_ADMIN, Role.OFFICIAL);
    }

    @Test
    void officialsWithoutAnAdministratorRoleChangeNothing() {
        administration.createOfficial(ADMIN, new OfficialDraft("an.nguyen", "Nguyễn Văn An", null,
                fixture.province.id(), null, null, Set.of(), null));

        assertThatThrownBy(() -> administration.createUnit("an.nguyen",
                new UnitDraft("BL-X", "Xã X", UnitLevel.COMMUNE, fixture.vinhLoi.id(), null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.createUnit(null,
                new UnitDraft("BL-X", "Xã X", UnitLevel.COMMUNE, fixture.vinhLoi.id(), null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(directory.findUnitByCode("BL-X")).isEmpty();
    }

    // ---------------------------------------------------------------- passwords and demo data

    @Test
    void storesPasswordsAsDelegatingBcryptHashes() {
        Official official = administration.createOfficial(ADMIN, new OfficialDraft("an.nguyen", "Nguyễn Văn An",
                null, fixture.province.id(), null, null, Set.of(), null));
        assertThat(passwords.passwordHash(official.id())).isEmpty();

        administration.setPassword(ADMIN, official.id(), "mật khẩu dài");

        String hash = passwords.passwordHash(official.id()).orElseThrow();
        assertThat(hash).startsWith("{bcrypt}$2");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("mật khẩu dài", hash)).isTrue();

        administration.setPassword("an.nguyen", official.id(), "mat-khau-moi");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches("mat-khau-moi", passwords.passwordHash(official.id()).orElseThrow())).isTrue();
        assertThatThrownBy(() -> administration.setPassword(ADMIN, official.id(), "ngắn"))
                .isInstanceOfSatisfying(DirectoryValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> administration.setPassword("an.nguyen", fixture.admin.id(), "mat-khau-moi"))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(passwords.passwordHash(fixture.vinhLoiAdmin.id())).as("never set").isEmpty();
    }

    @Test
    void seedsTheBacLieuDemoOnlyIntoAnEmptyDirectory() {
        assertThat(demoData.seedIfEmpty("demo-password")).as("the fixture is there").isFalse();
        fixture.clear();

        assertThat(demoData.seedIfEmpty("demo-password")).isTrue();
        assertThat(demoData.seedIfEmpty("demo-password")).isFalse();

        Unit province = directory.findUnitByCode("BL").orElseThrow();
        assertThat(province.name()).isEqualTo("Tỉnh Bạc Liêu");
        assertThat(directory.children(province.id())).extracting(Unit::name).contains("Thành phố Bạc Liêu",
                "Thị xã Giá Rai", "Huyện Đông Hải", "Huyện Hòa Bình", "Huyện Hồng Dân", "Huyện Phước Long",
                "Huyện Vĩnh Lợi", "Văn phòng UBND tỉnh");
        Unit vinhLoi = directory.searchUnits("vinh loi", 10).stream()
                .filter(unit -> unit.level() == UnitLevel.DISTRICT).findFirst().orElseThrow();
        assertThat(directory.children(vinhLoi.id())).extracting(Unit::name).contains("Thị trấn Châu Hưng",
                "Xã Châu Thới", "Xã Hưng Hội", "Xã Long Thạnh", "Văn phòng HĐND và UBND huyện Vĩnh Lợi");
        assertThat(directory.findOfficialByUsername("quantri").orElseThrow().hasRole(Role.SYSTEM_ADMIN)).isTrue();
        Official an = directory.findOfficialByUsername("an.nguyen").orElseThrow();
        Official binh = directory.findOfficialByUsername("binh.tran").orElseThrow();
        assertThat(an.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(binh.unitId()).isNotEqualTo(an.unitId());
        assertThat(binh.email()).isEqualTo("binh.tran@vinhloi.baclieu.gov.vn");
        assertThat(directory.canAdminister("admin.vinhloi", binh.unitId())).isTrue();
        assertThat(directory.canAdminister("admin.donghai", binh.unitId())).isFalse();
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches("demo-password", passwords.passwordHash(binh.id()).orElseThrow())).isTrue();
    }
}
