package vn.lienthong.directory.internal;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;

/**
 * A small directory for each test, created afresh by {@link #reset()}:
 *
 * <pre>
 * BL        Tỉnh Bạc Liêu (baclieu.gov.vn)          quantri: system administrator
 * ├ BL-VL   Huyện Vĩnh Lợi (vinhloi.baclieu.gov.vn) admin.vinhloi: unit administrator of BL-VL
 * │ ├ BL-VL-CT  Xã Châu Thới
 * │ └ BL-VL-HH  Xã Hưng Hội
 * └ BL-DH   Huyện Đông Hải (no own domain)
 *   └ BL-DH-GH  Thị trấn Gành Hào
 * </pre>
 */
@Component
class DirectoryFixture {

    static final String ADMIN = "quantri";
    static final String VINH_LOI_ADMIN = "admin.vinhloi";

    private final JdbcClient jdbc;
    private final DirectoryManagement directory;

    Unit province;
    Unit vinhLoi;
    Unit chauThoi;
    Unit hungHoi;
    Unit dongHai;
    Unit ganhHao;
    Official admin;
    Official vinhLoiAdmin;

    DirectoryFixture(JdbcClient jdbc, DirectoryManagement directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    void reset() {
        clear();
        province = unit("BL", "Tỉnh Bạc Liêu", UnitLevel.PROVINCE, null, "baclieu.gov.vn");
        vinhLoi = unit("BL-VL", "Huyện Vĩnh Lợi", UnitLevel.DISTRICT, province, "vinhloi.baclieu.gov.vn");
        chauThoi = unit("BL-VL-CT", "Xã Châu Thới", UnitLevel.COMMUNE, vinhLoi, null);
        hungHoi = unit("BL-VL-HH", "Xã Hưng Hội", UnitLevel.COMMUNE, vinhLoi, null);
        dongHai = unit("BL-DH", "Huyện Đông Hải", UnitLevel.DISTRICT, province, null);
        ganhHao = unit("BL-DH-GH", "Thị trấn Gành Hào", UnitLevel.COMMUNE, dongHai, null);
        admin = directory.createOfficial(Actor.SYSTEM, new OfficialDraft(ADMIN, "Quản trị hệ thống",
                "Quản trị hệ thống", province.id(), null, null, Set.of(Role.SYSTEM_ADMIN), null));
        vinhLoiAdmin = directory.createOfficial(Actor.SYSTEM, new OfficialDraft(VINH_LOI_ADMIN, "Lê Minh Tâm",
                "Chuyên viên", vinhLoi.id(), null, null, Set.of(Role.UNIT_ADMIN), vinhLoi.id()));
    }

    void clear() {
        jdbc.sql("delete from dir_official_password").update();
        jdbc.sql("delete from dir_official_role").update();
        jdbc.sql("delete from dir_official").update();
        jdbc.sql("delete from dir_unit_former_name").update();
        jdbc.sql("update dir_unit set parent_id = null, merged_into_id = null").update();
        jdbc.sql("delete from dir_unit").update();
    }

    private Unit unit(String code, String name, UnitLevel level, Unit parent, String mailDomain) {
        return directory.createUnit(Actor.SYSTEM,
                new UnitDraft(code, name, level, parent == null ? null : parent.id(), mailDomain, null));
    }
}
