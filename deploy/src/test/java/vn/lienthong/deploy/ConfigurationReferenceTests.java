package vn.lienthong.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/docs/configuration.md} lists exactly the settings the modules declare. When a module adds, renames
 * or re-defaults a setting this test fails; regenerate the reference with
 * {@code ./mvnw -B -o -pl deploy test -Dtest=ConfigurationReferenceTests -Ddeploy.regenerate=true}.
 */
class ConfigurationReferenceTests {

    static final Path REFERENCE = Path.of("docs/configuration.md");

    @TempDir
    Path scratch;

    @Test
    void referenceListsEverySettingOfTheModules() throws IOException {
        String generated = ConfigurationReference.generate(AppProperties.load(), scratch);
        String document = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        int begin = document.indexOf(ConfigurationReference.BEGIN);
        int end = document.indexOf(ConfigurationReference.END);
        assertThat(begin).as("generated section markers in " + REFERENCE).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = document.substring(begin, end + ConfigurationReference.END.length() + 1);
        if (Boolean.getBoolean("deploy.regenerate") && !current.equals(generated)) {
            Files.writeString(REFERENCE, document.substring(0, begin) + generated
                    + document.substring(end + ConfigurationReference.END.length() + 1), StandardCharsets.UTF_8);
            current = generated;
        }
        assertThat(current)
                .as("docs/configuration.md is out of date: run ./mvnw -B -o -pl deploy test "
                        + "-Dtest=ConfigurationReferenceTests -Ddeploy.regenerate=true")
                .isEqualTo(generated);
    }

    @Test
    void readsEverySettingTheModulesMetadataDeclares() {
        AppProperties properties = AppProperties.load();
        assertThat(properties.metadataNames()).isNotEmpty();
        assertThat(properties.metadataNames())
                .allSatisfy(name -> assertThat(properties.find(name)).as(name).isPresent());
    }

    @Test
    void productionRequirementsComeFromTheModulesGuards() {
        assertThat(ProductionRequirements.guards()).extracting(Class::getSimpleName)
                .contains("ProductionGuard", "MeetingsProductionGuard");
        assertThat(ProductionRequirements.requiredInProduction(scratch))
                .contains("lienthong.identity.client-secret", "lienthong.base-url",
                        "lienthong.meetings.jitsi.secret", "lienthong.meetings.jitsi.hook-secret")
                .allSatisfy(name -> assertThat(AppProperties.load().find(name)).as(name).isPresent());
    }

    @Test
    void conditionalRequirementsNameRealSettings() {
        assertThat(ConfigurationReference.CONDITIONAL.keySet())
                .allSatisfy(name -> assertThat(AppProperties.load().find(name)).as(name).isPresent());
    }
}
