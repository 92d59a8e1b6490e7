package vn.lienthong;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The allowed arrows between modules. {@code directory} and {@code archive} are the foundation and depend on no
 * other module; feature modules use other modules only through their API package (the module's top package);
 * {@code meetings} may use {@code mail} and {@code chat}, never the reverse; nothing depends on {@code app}.
 */
class ArchitectureTests {

    private static final String[] FEATURES = {"vn.lienthong.mail..", "vn.lienthong.chat..", "vn.lienthong.meetings.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.lienthong");
    }

    @Test
    void modulesHaveNoCyclesAndNoAccessToInternals() {
        ApplicationModules.of(LienThongApplication.class).verify();
    }

    @Test
    void directoryDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage("vn.lienthong.directory..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "vn.lienthong.archive..", "vn.lienthong.mail..", "vn.lienthong.chat..",
                        "vn.lienthong.meetings..", "vn.lienthong.app.."));
    }

    @Test
    void archiveDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage("vn.lienthong.archive..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "vn.lienthong.directory..", "vn.lienthong.mail..", "vn.lienthong.chat..",
                        "vn.lienthong.meetings..", "vn.lienthong.app.."));
    }

    @Test
    void featureModulesUseOtherModulesOnlyThroughTheirApi() {
        check(noClasses().that().resideOutsideOfPackage("vn.lienthong.directory..")
                .should().dependOnClassesThat().resideInAPackage("vn.lienthong.directory.*.."));
        check(noClasses().that().resideOutsideOfPackage("vn.lienthong.archive..")
                .should().dependOnClassesThat().resideInAPackage("vn.lienthong.archive.*.."));
        check(noClasses().that().resideOutsideOfPackage("vn.lienthong.mail..")
                .should().dependOnClassesThat().resideInAPackage("vn.lienthong.mail.*.."));
        check(noClasses().that().resideOutsideOfPackage("vn.lienthong.chat..")
                .should().dependOnClassesThat().resideInAPackage("vn.lienthong.chat.*.."));
        check(noClasses().that().resideOutsideOfPackage("vn.lienthong.meetings..")
                .should().dependOnClassesThat().resideInAPackage("vn.lienthong.meetings.*.."));
    }

    @Test
    void internalPackagePatternMatchesSubPackagesOnly() {
        // The rules above rely on this pattern telling a module's API package from its internals.
        PackageMatcher internals = PackageMatcher.of("vn.lienthong.directory.*..");
        assertThat(internals.matches("vn.lienthong.directory.internal")).isTrue();
        assertThat(internals.matches("vn.lienthong.directory.identity.web")).isTrue();
        assertThat(internals.matches("vn.lienthong.directory")).isFalse();
        assertThat(internals.matches("vn.lienthong.directoryx")).isFalse();
    }

    @Test
    void mailAndChatDoNotDependOnMeetingsNorOnEachOther() {
        check(noClasses().that().resideInAnyPackage("vn.lienthong.mail..", "vn.lienthong.chat..")
                .should().dependOnClassesThat().resideInAPackage("vn.lienthong.meetings.."));
        check(noClasses().that().resideInAPackage("vn.lienthong.mail..")
                .should().dependOnClassesThat().resideInAPackage("vn.lienthong.chat.."));
        check(noClasses().that().resideInAPackage("vn.lienthong.chat..")
                .should().dependOnClassesThat().resideInAPackage("vn.lienthong.mail.."));
    }

    @Test
    void nothingDependsOnTheApp() {
        check(noClasses().that().resideOutsideOfPackage("vn.lienthong.app..")
                .and().doNotHaveFullyQualifiedName(LienThongApplication.class.getName())
                .should().dependOnClassesThat().resideInAPackage("vn.lienthong.app.."));
        check(noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().haveFullyQualifiedName(LienThongApplication.class.getName()));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
