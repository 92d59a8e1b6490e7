package vn.lienthong.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The single-server install: its unit, its environment file and its scripts agree with the app. */
class SingleServerTests {

    static final Path FOLDER = Path.of("single-server");

    private final AppProperties app = AppProperties.load();

    @Test
    void everyLienthongVariableOfTheEnvironmentExampleBindsToOneOfItsSettings() {
        Map<String, String> example = Compose.environmentFile(FOLDER.resolve("lienthong.env.example"), true);
        assertThat(example.keySet()).filteredOn(key -> key.startsWith("LIENTHONG_")).hasSizeGreaterThan(10)
                .allSatisfy(key -> assertThat(app.binds(key)).as(key + " is no setting of the app").isTrue());
        assertThat(example).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        assertThat(example.get("LIENTHONG_BASE_URL")).startsWith("https://");
        // What profile prod requires is in the example, as a placeholder to replace.
        assertThat(example).containsEntry("LIENTHONG_IDENTITY_CLIENT_SECRET", "CHANGE_ME")
                .containsEntry("LIENTHONG_MEETINGS_JITSI_SECRET", "CHANGE_ME")
                .containsEntry("LIENTHONG_MEETINGS_JITSI_HOOK_SECRET", "CHANGE_ME");
    }

    @Test
    void serviceRunsHardenedAsItsOwnUserWithTheEnvironmentFile() throws IOException {
        Map<String, String> service = unitSection(FOLDER.resolve("lienthong.service"), "Service");
        String data = Compose.environmentFile(FOLDER.resolve("lienthong.env.example"), false).get("LIENTHONG_DATA");
        assertThat(service).containsEntry("User", "lienthong").containsEntry("Group", "lienthong")
                .containsEntry("EnvironmentFile", "/etc/lienthong/lienthong.env")
                .containsEntry("NoNewPrivileges", "true").containsEntry("ProtectSystem", "strict")
                .containsEntry("PrivateTmp", "true").containsEntry("ReadWritePaths", data)
                .containsEntry("Restart", "on-failure").containsEntry("WorkingDirectory", data);
        assertThat(service.get("ExecStart")).contains("-jar /opt/lienthong/lienthong.jar");
        assertThat(service).doesNotContainKey("MemoryDenyWriteExecute");
    }

    @Test
    void backupAndRestoreOpenTheH2DatabaseAsTheAppDoes() throws IOException {
        String url = String.valueOf(AppProperties.flatten(AppProperties.readYaml(
                AppProperties.APP_RESOURCES.resolve("application.yml"))).get("spring.datasource.url"));
        assertThat(url).startsWith("jdbc:h2:file:${lienthong.data-dir}/db/lienthong;");
        String flags = url.substring(url.indexOf(';') + 1);
        Matcher matcher = Pattern.compile("h2_flags=\"([^\"]+)\"")
                .matcher(Files.readString(FOLDER.resolve("lienthong-common.sh"), StandardCharsets.UTF_8));
        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group(1)).isEqualTo(flags);
        // Both scripts open it through the shared file, none with flags of its own.
        for (String script : new String[] {"backup.sh", "restore.sh"}) {
            String text = Files.readString(FOLDER.resolve(script), StandardCharsets.UTF_8);
            assertThat(text).as(script).contains("/lienthong-common.sh\"").contains("read_database_settings \"$data\"")
                    .doesNotContain("h2_flags=");
        }
    }

    /** KEY=VALUE lines of one [Section] of a systemd unit (last value wins). */
    static Map<String, String> unitSection(Path unit, String section) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        String current = "";
        for (String line : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                current = trimmed.substring(1, trimmed.length() - 1);
            } else if (current.equals(section) && !trimmed.startsWith("#") && trimmed.contains("=")) {
                values.put(trimmed.substring(0, trimmed.indexOf('=')), trimmed.substring(trimmed.indexOf('=') + 1));
            }
        }
        return values;
    }
}
