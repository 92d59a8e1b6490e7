package vn.lienthong.directory.internal;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;

/**
 * Demo data ({@code lienthong.demo.enabled}): the province of Bạc Liêu (as organised before the 2025 mergers)
 * with its seven district-level units, a few real communes and wards under each, their offices, and a handful of
 * officials. Created once, at start-up, and only into an empty directory: restarting, or enabling the demo on a
 * directory that already has units, changes nothing. The people are invented.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoSettings settings;
    private final DirectoryManagement directory;
    private final UnitRepository units;
    private final TransactionTemplate transactions;

    DemoData(DemoSettings settings, DirectoryManagement directory, UnitRepository units,
             TransactionTemplate transactions) {
        this.settings = settings;
        this.directory = directory;
        this.units = units;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.enabled()) {
            seedIfEmpty(settings.password());
        }
    }

    /** Creates the demo data in one transaction if the directory has no unit yet; returns whether it did. */
    boolean seedIfEmpty(String password) {
        Boolean seeded = transactions.execute(status -> {
            if (units.count() > 0) {
                return false;
            }
            seed(DirectoryManagement.passwordEncoder().encode(password));
            return true;
        });
        if (Boolean.TRUE.equals(seeded)) {
            log.info("Demo data created: Bạc Liêu province, demo users quantri, an.nguyen, binh.tran, "
                    + "admin.vinhloi, admin.donghai, ...");
        }
        return Boolean.TRUE.equals(seeded);
    }

    private void seed(String passwordHash) {
        Unit province = unit("BL", "Tỉnh Bạc Liêu", UnitLevel.PROVINCE, null, "baclieu.gov.vn", null);
        Unit provinceOffice = unit("BL-VP", "Văn phòng UBND tỉnh", UnitLevel.DEPARTMENT, province, null, "vanphong");
        Unit informationDept = unit("BL-STTTT", "Sở Thông tin và Truyền thông", UnitLevel.DEPARTMENT, province,
                null, "stttt");
        Unit homeAffairsDept = unit("BL-SNV", "Sở Nội vụ", UnitLevel.DEPARTMENT, province, null, "snv");

        Unit city = district("TPBL", "Thành phố Bạc Liêu", "tpbaclieu", province,
                List.of("Phường 1", "Phường 2", "Phường 3", "Xã Hiệp Thành"), List.of("P1", "P2", "P3", "HT"));
        Unit giaRai = district("GR", "Thị xã Giá Rai", "giarai", province,
                List.of("Phường 1", "Phường Hộ Phòng", "Phường Láng Tròn", "Xã Phong Thạnh Đông"),
                List.of("P1", "HP", "LT", "PTD"));
        Unit dongHai = district("DH", "Huyện Đông Hải", "donghai", province,
                List.of("Thị trấn Gành Hào", "Xã Long Điền", "Xã Điền Hải", "Xã An Trạch"),
                List.of("GH", "LD", "DH", "AT"));
        district("HB", "Huyện Hòa Bình", "hoabinh", province,
                List.of("Thị trấn Hòa Bình", "Xã Vĩnh Mỹ A", "Xã Vĩnh Hậu"), List.of("HB", "VMA", "VH"));
        district("HD", "Huyện Hồng Dân", "hongdan", province,
                List.of("Thị trấn Ngan Dừa", "Xã Ninh Quới", "Xã Lộc Ninh"), List.of("ND", "NQ", "LN"));
        district("PL", "Huyện Phước Long", "phuoclong", province,
                List.of("Thị trấn Phước Long", "Xã Vĩnh Phú Đông", "Xã Vĩnh Thanh"), List.of("PL", "VPD", "VT"));
        Unit vinhLoi = district("VL", "Huyện Vĩnh Lợi", "vinhloi", province,
                List.of("Thị trấn Châu Hưng", "Xã Châu Thới", "Xã Hưng Hội", "Xã Long Thạnh"),
                List.of("CH", "CT", "HH", "LT"));

        Unit vinhLoiOffice = byCode("BL-VL-VP");
        Unit dongHaiOffice = byCode("BL-DH-VP");
        Unit cityOffice = byCode("BL-TPBL-VP");

        official("quantri", "Quản trị hệ thống", "Quản trị hệ thống", informationDept, Set.of(Role.SYSTEM_ADMIN),
                null, passwordHash);
        official("an.nguyen", "Nguyễn Văn An", "Chuyên viên", provinceOffice, Set.of(), null, passwordHash);
        official("binh.tran", "Trần Thị Bình", "Chuyên viên", vinhLoiOffice, Set.of(), null, passwordHash);
        official("admin.vinhloi", "Lê Minh Tâm", "Chuyên viên công nghệ thông tin", vinhLoiOffice,
                Set.of(Role.UNIT_ADMIN), vinhLoi, passwordHash);
        official("admin.donghai", "Phạm Thanh Hải", "Chuyên viên công nghệ thông tin", dongHaiOffice,
                Set.of(Role.UNIT_ADMIN), dongHai, passwordHash);
        official("hong.vo", "Võ Thị Hồng", "Phó Chánh Văn phòng", provinceOffice, Set.of(), null, passwordHash);
        official("viet.lam", "Lâm Quốc Việt", "Trưởng phòng Công nghệ thông tin", informationDept, Set.of(), null,
                passwordHash);
        official("thu.dang", "Đặng Thị Thu", "Chuyên viên", homeAffairsDept, Set.of(), null, passwordHash);
        official("phuc.huynh", "Huỳnh Văn Phúc", "Chủ tịch UBND xã", byCode("BL-VL-CT"), Set.of(), null,
                passwordHash);
        official("duc.duong", "Dương Minh Đức", "Chánh Văn phòng", cityOffice, Set.of(), null, passwordHash);
        official("ngoc.ly", "Lý Bảo Ngọc", "Công chức Văn phòng - Thống kê", byCode("BL-GR-HP"), Set.of(), null,
                passwordHash);
        official("khanh.to", "Tô Quốc Khánh", "Chuyên viên", dongHaiOffice, Set.of(), null, passwordHash);
        log.debug("Demo districts created under {} (city {}, Giá Rai {})", province.code(), city.code(),
                giaRai.code());
    }

    /** A district-level unit with its office (Văn phòng HĐND và UBND) and communes. */
    private Unit district(String code, String name, String subdomain, Unit province, List<String> communes,
                         List<String> communeCodes) {
        String fullCode = province.code() + "-" + code;
        Unit district = unit(fullCode, name, UnitLevel.DISTRICT, province, subdomain + ".baclieu.gov.vn", null);
        String place = name.replaceFirst("^(Huyện|Thị xã|Thành phố) ", "");
        String kind = name.substring(0, name.length() - place.length()).strip().toLowerCase(java.util.Locale.ROOT);
        unit(fullCode + "-VP", "Văn phòng HĐND và UBND " + kind + " " + place, UnitLevel.DEPARTMENT, district,
                null, "vanphong");
        for (int i = 0; i < communes.size(); i++) {
            unit(fullCode + "-" + communeCodes.get(i), communes.get(i), UnitLevel.COMMUNE, district, null, null);
        }
        return district;
    }

    private Unit unit(String code, String name, UnitLevel level, Unit parent, String mailDomain,
                      String mailLocalPart) {
        return directory.createUnit(Actor.SYSTEM, new UnitDraft(code, name, level,
                parent == null ? null : parent.id(), mailDomain, mailLocalPart));
    }

    private Unit byCode(String code) {
        return directory.findUnitByCode(code).orElseThrow();
    }

    private void official(String username, String fullName, String title, Unit unit, Set<Role> roles,
                          Unit managedUnit, String passwordHash) {
        Official official = directory.createOfficial(Actor.SYSTEM, new OfficialDraft(username, fullName, title,
                unit.id(), null, null, roles, managedUnit == null ? null : managedUnit.id()));
        directory.setPasswordHash(official.id(), passwordHash);
    }
}
