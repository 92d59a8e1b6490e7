package vn.lienthong.directory.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitLevel;
import vn.lienthong.directory.internal.DirectoryBootstrap.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production bootstrap of the first unit and system administrator, on the shared H2 context. */
@OnH2
@ExtendWith(OutputCaptureExtension.class)
class DirectoryBootstrapH2Tests {

    private static final String PASSWORD = "Bl-khoi-tao-2025";

    @Autowired
    DirectoryBootstrap bootstrap;

    @Autowired
    Directory directory;

    @Autowired
    PasswordStore passwords;

    @Autowired
    DirectoryFixture fixture;

    @BeforeEach
    void emptyDirectory() {
        fixture.clear();
    }

    @AfterEach
    void leaveTheFixtureForOthers() {
        fixture.reset();
    }

    @Test
    void bootstrapsAnEmptyDirectoryOnce() {
        assertThat(bootstrap.bootstrapIfEmpty(complete(PASSWORD), true)).isEqualTo(Outcome.CREATED);
        assertThat(bootstrap.bootstrapIfEmpty(complete("another-password"), true)).isEqualTo(Outcome.NOT_EMPTY);

        assertThat(directory.allUnits()).hasSize(1);
        Unit root = directory.findUnitByCode("BL").orElseThrow();
        assertThat(root.name()).isEqualTo("Tỉnh Bạc Liêu");
        assertThat(root.level()).isEqualTo(UnitLevel.PROVINCE);
        assertThat(root.parentId()).isNull();
        assertThat(root.mailDomain()).isEqualTo("baclieu.gov.vn");
        assertThat(directory.roots()).containsExactly(root);
        Official admin = directory.findOfficialByUsername("quantri").orElseThrow();
        assertThat(admin.unitId()).isEqualTo(root.id());
        assertThat(admin.email()).as("derived from the root's mail domain").isEqualTo("quantri@baclieu.gov.vn");
        assertThat(admin.fullName()).isEqualTo("Quản trị hệ thống");
        assertThat(directory.officialsOf(root.id(), true)).containsExactly(admin);
    }

    @Test
    void createdAdministratorIsSystemAdminWithThePasswordHashSet(CapturedOutput output) {
        bootstrap.bootstrapIfEmpty(complete(PASSWORD), true);

        Official admin = directory.findOfficialByUsername("quantri").orElseThrow();
        assertThat(admin.active()).isTrue();
        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.SYSTEM_ADMIN, Role.OFFICIAL);
        assertThat(directory.canAdminister("quantri", admin.unitId())).isTrue();
        String hash = passwords.passwordHash(admin.id()).orElseThrow();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(PASSWORD, hash)).isTrue();
        assertThat(output).contains("quantri").doesNotContain(PASSWORD);
    }

    @Test
    void doesNothingWhenTheDirectoryHasUnits(CapturedOutput output) {
        fixture.reset();
        int unitsBefore = directory.allUnits().size();

        assertThat(bootstrap.bootstrapIfEmpty(complete(PASSWORD), true)).isEqualTo(Outcome.NOT_EMPTY);

        assertThat(directory.allUnits()).hasSize(unitsBefore);
        assertThat(directory.findUnitByCode("BL").orElseThrow().id()).isEqualTo(fixture.province.id());
        Official admin = directory.findOfficialByUsername("quantri").orElseThrow();
        assertThat(admin.id()).isEqualTo(fixture.admin.id());
        assertThat(passwords.passwordHash(admin.id())).as("the existing admin's password is not touched").isEmpty();
        assertThat(output).doesNotContain(PASSWORD);
    }

    @Test
    void incompleteSettingsLeaveTheDirectoryEmptyAndNameTheMissingVariables(CapturedOutput output) {
        BootstrapSettings noAdmin = new BootstrapSettings("BL", "Tỉnh Bạc Liêu", UnitLevel.PROVINCE, "baclieu.gov.vn",
                null, " ", null, PASSWORD);

        int before = output.length();

        assertThat(bootstrap.bootstrapIfEmpty(noAdmin, true)).isEqualTo(Outcome.INCOMPLETE);

        assertThat(directory.allUnits()).isEmpty();
        assertThat(output.subSequence(before, output.length()).toString()).contains("LIENTHONG_DIRECTORY_BOOTSTRAP_ADMIN_USERNAME",
                        "LIENTHONG_DIRECTORY_BOOTSTRAP_ADMIN_FULL_NAME")
                .doesNotContain("LIENTHONG_DIRECTORY_BOOTSTRAP_ROOT_UNIT_CODE")
                .doesNotContain(PASSWORD);
    }

    @Test
    void embeddedLoginNeedsThePasswordButKeycloakDoesNot(CapturedOutput output) {
        assertThat(bootstrap.bootstrapIfEmpty(complete(null), true)).isEqualTo(Outcome.INCOMPLETE);
        assertThat(directory.allUnits()).isEmpty();
        assertThat(output).contains("LIENTHONG_DIRECTORY_BOOTSTRAP_ADMIN_PASSWORD");

        assertThat(bootstrap.bootstrapIfEmpty(complete(PASSWORD), false)).isEqualTo(Outcome.CREATED);
        Official admin = directory.findOfficialByUsername("quantri").orElseThrow();
        assertThat(admin.hasRole(Role.SYSTEM_ADMIN)).isTrue();
        assertThat(passwords.passwordHash(admin.id())).as("Keycloak owns credentials").isEmpty();
        assertThat(output).doesNotContain(PASSWORD);
    }

    @Test
    void refusesAPasswordThatSetPasswordWouldRefuseAndCreatesNothing(CapturedOutput output) {
        assertThatThrownBy(() -> bootstrap.bootstrapIfEmpty(complete("ngan"), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LIENTHONG_DIRECTORY_BOOTSTRAP_ADMIN_PASSWORD")
                .hasMessageContaining("ít nhất 8 ký tự")
                .hasMessageNotContaining("ngan");

        assertThat(directory.allUnits()).as("all or nothing").isEmpty();
        assertThat(directory.findOfficialByUsername("quantri")).isEmpty();
    }

    @Test
    void refusesAnInvalidUnitCodeNamingItsVariable() {
        BootstrapSettings badCode = new BootstrapSettings("Bạc Liêu", "Tỉnh Bạc Liêu", UnitLevel.PROVINCE,
                "baclieu.gov.vn", "quantri", "Quản trị hệ thống", null, PASSWORD);

        assertThatThrownBy(() -> bootstrap.bootstrapIfEmpty(badCode, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LIENTHONG_DIRECTORY_BOOTSTRAP_ROOT_UNIT_CODE")
                .hasMessageNotContaining(PASSWORD);
        assertThat(directory.allUnits()).isEmpty();
    }

    @Test
    void usesTheGivenEmailAndLevel() {
        BootstrapSettings district = new BootstrapSettings("vl", "Huyện Vĩnh Lợi", UnitLevel.DISTRICT,
                "vinhloi.baclieu.gov.vn", "Admin.VinhLoi", "Lê Minh Tâm", "cntt@vinhloi.baclieu.gov.vn", PASSWORD);

        assertThat(bootstrap.bootstrapIfEmpty(district, true)).isEqualTo(Outcome.CREATED);

        Unit root = directory.findUnitByCode("VL").orElseThrow();
        assertThat(root.level()).isEqualTo(UnitLevel.DISTRICT);
        Official admin = directory.findOfficialByUsername("admin.vinhloi").orElseThrow();
        assertThat(admin.email()).isEqualTo("cntt@vinhloi.baclieu.gov.vn");
        assertThat(admin.hasRole(Role.SYSTEM_ADMIN)).isTrue();
    }

    private static BootstrapSettings complete(String password) {
        return new BootstrapSettings("BL", "Tỉnh Bạc Liêu", UnitLevel.PROVINCE, "baclieu.gov.vn", "quantri",
                "Quản trị hệ thống", null, password);
    }
}
