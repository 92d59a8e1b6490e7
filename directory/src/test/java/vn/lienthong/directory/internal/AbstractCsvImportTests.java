package vn.lienthong.directory.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.ImportKind;
import vn.lienthong.directory.ImportReport;
import vn.lienthong.directory.ImportReport.LineError;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialCreated;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitCreated;
import vn.lienthong.directory.UnitLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.directory.internal.DirectoryFixture.ADMIN;
import static vn.lienthong.directory.internal.DirectoryFixture.VINH_LOI_ADMIN;

/**
 * CSV import of units and officials on a real database: all or nothing, every bad line by number. The test
 * contexts limit files to 64 KB and 50 data rows.
 */
abstract class AbstractCsvImportTests {

    static final String UNIT_HEADER = "code,name,level,parent_code,mail_domain,mail_local_part\n";
    static final String OFFICIAL_HEADER = "username,full_name,title,unit_code,email,phone,roles\n";

    @Autowired
    Directory directory;

    @Autowired
    DirectoryAdministration administration;

    @Autowired
    DirectoryFixture fixture;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void resetDirectory() {
        fixture.reset();
        events.clear();
    }

    @Test
    void importsUnitsWhoseParentsComeEarlierInTheFile() {
        ImportReport report = importUnits(ADMIN, UNIT_HEADER
                + "BL-HB,Huyện Hòa Bình,huyện,BL,hoabinh.baclieu.gov.vn,\n"
                + "bl-hb-vp,Văn phòng HĐND và UBND huyện Hòa Bình,Phòng ban,BL-HB,,vanphong\n"
                + "BL-HB-TT,Thị trấn Hòa Bình,XÃ,bl-hb,,\n"
                + "\n"
                + "BL-HB-VMA,\"Xã Vĩnh Mỹ A\",COMMUNE,BL-HB,,\n");

        assertThat(report.errors()).isEmpty();
        assertThat(report.succeeded()).isTrue();
        assertThat(report.imported()).isEqualTo(4);
        Unit district = directory.findUnitByCode("BL-HB").orElseThrow();
        assertThat(district.level()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(district.mailDomain()).isEqualTo("hoabinh.baclieu.gov.vn");
        assertThat(directory.children(district.id())).extracting(Unit::code, Unit::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("BL-HB-TT", UnitLevel.COMMUNE),
                org.assertj.core.groups.Tuple.tuple("BL-HB-VP", UnitLevel.DEPARTMENT),
                org.assertj.core.groups.Tuple.tuple("BL-HB-VMA", UnitLevel.COMMUNE));
        assertThat(events.stream(UnitCreated.class)).hasSize(4);
    }

    @Test
    void refusesTheWholeFileWhenOneLineIsBadAndNamesTheLine() {
        ImportReport report = importUnits(ADMIN, UNIT_HEADER
                + "BL-HB,Huyện Hòa Bình,huyen,BL,,\n"
                + "BL-HB-TT,Thị trấn Hòa Bình,thanh pho lon,BL-HB,,\n"
                + "BL-HB-VH,Xã Vĩnh Hậu,xa,BL-HB,,\n");

        assertThat(report.succeeded()).isFalse();
        assertThat(report.imported()).isZero();
        assertThat(report.errors()).extracting(LineError::line).containsExactly(3L);
        assertThat(report.errors().get(0).message()).contains("Cấp đơn vị");
        assertThat(directory.findUnitByCode("BL-HB")).isEmpty();
        assertThat(directory.findUnitByCode("BL-HB-VH")).isEmpty();
        assertThat(events.stream(UnitCreated.class)).isEmpty();
    }

    @Test
    void reportsEveryBadLineOfAFile() {
        ImportReport report = importUnits(ADMIN, UNIT_HEADER
                + "BL-VL,Huyện Vĩnh Lợi,huyen,BL,,\n"          // line 2: exists already
                + "BL-HB,Huyện Hòa Bình,huyen,BL,,\n"          // line 3: fine
                + "bl-hb,Huyện Hòa Bình 2,huyen,BL,,\n"        // line 4: duplicate of line 3
                + "BL-HB-TT,Thị trấn Hòa Bình,xa,BL-HB-X,,\n"  // line 5: unknown parent
                + "BL-HB-A,Xã A,xa,BL-HB-B,,\n"                // line 6: parent defined later
                + "BL-HB-B,Xã B,xa,BL-HB,,\n"                  // line 7: fine
                + "BL-HB-C,,xa,BL-HB,sai tên miền,\n"          // line 8: two problems
                + "BL-HB-D,Xã D,xa\n");                        // line 9: columns missing

        assertThat(report.imported()).isZero();
        assertThat(report.errors()).extracting(LineError::line).containsExactly(2L, 4L, 5L, 6L, 8L, 8L, 9L);
        assertThat(report.errors().get(1).message()).contains("dòng 3");
        assertThat(report.errors().get(3).message()).contains("dòng 7");
        assertThat(directory.findUnitByCode("BL-HB")).isEmpty();
    }

    @Test
    void acceptsAByteOrderMarkAndSemicolonsAsExcelWritesThem() {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] body = ("code;name;level;parent_code;mail_domain;mail_local_part\r\n"
                + "BL-HB;Huyện Hòa Bình;Huyện;BL;;\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        ImportReport report = administration.importCsv(ADMIN, ImportKind.UNITS, new ByteArrayInputStream(file));

        assertThat(report.errors()).isEmpty();
        assertThat(directory.findUnitByCode("BL-HB")).map(Unit::name).contains("Huyện Hòa Bình");
    }

    @Test
    void storesNamesFromAnNfdFileAsNfc() {
        String nfd = Normalizer.normalize(UNIT_HEADER + "BL-HB,Huyện Hòa Bình,huyện,BL,,\n", Normalizer.Form.NFD);

        ImportReport report = importUnits(ADMIN, nfd);

        assertThat(report.errors()).isEmpty();
        assertThat(directory.findUnitByCode("BL-HB")).map(Unit::name).contains("Huyện Hòa Bình");
        assertThat(directory.searchUnits("hoa binh", 5)).extracting(Unit::code).containsExactly("BL-HB");
    }

    @Test
    void refusesAFileThatIsNotUtf8AndSaysWhichLine() {
        // ISO-8859-1 stands in for a legacy single-byte encoding: "Hòa" is one byte 0xF2 there, invalid in UTF-8.
        byte[] latin1 = (UNIT_HEADER + "BL-HB,Huyen Hoa Binh,huyen,BL,,\n" + "BL-HB-TT,Thị trấn Hòa,xa,BL-HB,,\n")
                .replace("Thị trấn ", "")
                .getBytes(Charset.forName("ISO-8859-1"));

        ImportReport report = administration.importCsv(ADMIN, ImportKind.UNITS, new ByteArrayInputStream(latin1));

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.message()).contains("không phải UTF-8").contains("dòng 3");
        });
        assertThat(directory.findUnitByCode("BL-HB")).isEmpty();
    }

    @Test
    void refusesAFileOverTheSizeLimit() {
        String line = "BL-X%d,Xã có tên rất dài để làm tệp lớn hơn giới hạn cho phép của lần nhập,xa,BL-VL,,\n";
        String big = UNIT_HEADER + IntStream.range(0, 1_000).mapToObj(line::formatted).collect(Collectors.joining());
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);

        ImportReport report = importUnits(ADMIN, big);

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isZero();
            assertThat(error.message()).contains("quá lớn").contains("64 KB");
        });
    }

    @Test
    void refusesAFileWithTooManyRows() {
        String rows = IntStream.range(0, 51).mapToObj(i -> "BL-X" + i + ",Xã " + i + ",xa,BL-VL,,\n")
                .collect(Collectors.joining());

        ImportReport report = importUnits(ADMIN, UNIT_HEADER + rows);

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isZero();
            assertThat(error.message()).contains("50 dòng");
        });
        assertThat(directory.findUnitByCode("BL-X0")).isEmpty();
    }

    @Test
    void refusesAFileWithoutItsHeader() {
        ImportReport missing = importUnits(ADMIN, "BL-HB,Huyện Hòa Bình,huyen,BL,,\n");
        ImportReport incomplete = importUnits(ADMIN, "code,name\nBL-HB,Huyện Hòa Bình\n");
        ImportReport empty = importUnits(ADMIN, "");

        assertThat(missing.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.message()).contains("tiêu đề").contains(UNIT_HEADER.strip());
        });
        assertThat(incomplete.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("thiếu cột level"));
        assertThat(empty.errors()).singleElement().satisfies(error -> assertThat(error.message()).contains("trống"));
        assertThat(directory.findUnitByCode("BL-HB")).isEmpty();
    }

    @Test
    void unitAdministratorImportsOnlyIntoTheirSubtree() {
        ImportReport refused = importUnits(VINH_LOI_ADMIN, UNIT_HEADER
                + "BL-VL-LT,Xã Long Thạnh,xa,BL-VL,,\n"
                + "BL-DH-X,Xã X,xa,BL-DH,,\n"
                + "BL-Y,Tỉnh Y,tinh,,,\n");
        assertThat(refused.errors()).extracting(LineError::line).containsExactly(3L, 4L);

        ImportReport accepted = importUnits(VINH_LOI_ADMIN, UNIT_HEADER + "BL-VL-LT,Xã Long Thạnh,xa,BL-VL,,\n");
        assertThat(accepted.imported()).isEqualTo(1);

        assertThatThrownBy(() -> importUnits("nobody", UNIT_HEADER)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void importsOfficialsWithDerivedAddressesAndRoles() {
        ImportReport report = importOfficials(ADMIN, OFFICIAL_HEADER
                + "an.nguyen,Nguyễn Văn An,Chuyên viên,BL,,0291 3822 123,\n"
                + "Binh.Tran,Trần Thị Bình,Chuyên viên,bl-vl-ct,binh.tt@vinhloi.baclieu.gov.vn,,official\n"
                + "admin.chauthoi,Huỳnh Văn Phúc,Công chức,BL-VL-CT,,,official;unit-admin\n");

        assertThat(report.errors()).isEmpty();
        assertThat(report.imported()).isEqualTo(3);
        assertThat(directory.findOfficialByUsername("an.nguyen")).map(Official::email)
                .contains("an.nguyen@baclieu.gov.vn");
        assertThat(directory.findOfficialByUsername("binh.tran")).map(Official::email)
                .contains("binh.tt@vinhloi.baclieu.gov.vn");
        Official communeAdmin = directory.findOfficialByUsername("admin.chauthoi").orElseThrow();
        assertThat(communeAdmin.roles()).containsExactlyInAnyOrder(Role.OFFICIAL, Role.UNIT_ADMIN);
        assertThat(communeAdmin.managedUnitId()).isEqualTo(fixture.chauThoi.id());
        assertThat(directory.searchOfficials("nguyen van an", 5)).extracting(Official::username)
                .containsExactly("an.nguyen");
        assertThat(events.stream(OfficialCreated.class)).hasSize(3);
    }

    @Test
    void refusesDuplicateOfficialsInTheFileAndInTheDirectory() {
        ImportReport report = importOfficials(VINH_LOI_ADMIN, OFFICIAL_HEADER
                + "an.nguyen,Nguyễn Văn An,,BL-VL,,,\n"
                + "an.nguyen,Nguyễn Văn An,,BL-VL-CT,an2@vinhloi.baclieu.gov.vn,,\n"
                + "an.le,Lê Văn An,,BL-VL,an.nguyen@vinhloi.baclieu.gov.vn,,\n"
                + "quantri,Quản trị,,BL-VL,q@vinhloi.baclieu.gov.vn,,\n"
                + "dh.le,Lê Đông Hải,,BL-DH,,,\n"
                + "x.vo,Võ X,,BL-VL,,,system-admin\n"
                + "y.vo,Võ Y,,BL-VL,,,chief\n");

        assertThat(report.errors()).extracting(LineError::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(directory.findOfficialByUsername("an.nguyen")).isEmpty();
    }

    private ImportReport importUnits(String actor, String csv) {
        return administration.importCsv(actor, ImportKind.UNITS,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private ImportReport importOfficials(String actor, String csv) {
        return administration.importCsv(actor, ImportKind.OFFICIALS,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
