package vn.lienthong.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * backup.sh and restore.sh on a real data folder of the embedded default: an H2 database made over JDBC exactly as the
 * app opens it, identity files with their permissions, James's store and keys, meeting documents, a search index,
 * and what James re-makes at start. Real bash, tar, sha256sum and H2.
 */
class BackupRestoreTests {

    private static final String H2_FLAGS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
            + "AUTO_SERVER=FALSE";
    private static final Path BACKUP = SingleServerTests.FOLDER.resolve("backup.sh");
    private static final Path RESTORE = SingleServerTests.FOLDER.resolve("restore.sh");

    /** Files the backup must leave out: re-made by James at start, or derived (the index). */
    private static final List<String> NOT_BACKED_UP = List.of("james/runtime/", "james/conf/", "james/logs/",
            "james/james.pid", "archive/", "db/");

    @TempDir
    Path temp;

    @Test
    void restoresADataFolderElsewhereWithEveryRowAndByte() throws Exception {
        Path data = dataFolder(temp.resolve("data"));

        Path backup = backup(data, false);
        Shell.Result restored = restore(backup, temp.resolve("restored"));

        assertThat(restored.exitCode()).as(restored.all()).isZero();
        assertThat(restored.out()).contains("rebuilt");
        Map<String, String> expected = tree(data);
        expected.keySet().removeIf(path -> NOT_BACKED_UP.stream().anyMatch(path::startsWith));
        Map<String, String> actual = tree(temp.resolve("restored"));
        actual.keySet().removeIf(path -> path.startsWith("db/"));
        assertThat(actual).isEqualTo(expected);
        assertThat(rows(temp.resolve("restored"))).isEqualTo(rows(data)).hasSize(3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                temp.resolve("restored/identity/signing-key.json")))).isEqualTo("rw-------");
    }

    @Test
    void copiesTheSearchIndexOnlyWhenAsked() throws Exception {
        Path data = dataFolder(temp.resolve("data"));

        Path backup = backup(data, true);
        Shell.Result restored = restore(backup, temp.resolve("restored"));

        assertThat(restored.exitCode()).as(restored.all()).isZero();
        assertThat(Files.readString(backup.resolve("MANIFEST"))).contains("archive=included");
        assertThat(temp.resolve("restored/archive/index/_0.cfs")).hasSameBinaryContentAs(
                data.resolve("archive/index/_0.cfs"));
    }

    @Test
    void writesAManifestAndChecksumsOfEveryFile() throws Exception {
        Path backup = backup(dataFolder(temp.resolve("data")), false);

        assertThat(backup.getFileName().toString()).matches("lienthong-\\d{8}-\\d{6}");
        try (Stream<Path> files = Files.list(backup)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("MANIFEST", "SHA256SUMS", "database.sql.gz", "files.tar.gz");
        }
        assertThat(Files.readString(backup.resolve("MANIFEST"))).contains("format=lienthong-backup/1",
                "database=h2", "archive=rebuild");
        for (String line : Files.readAllLines(backup.resolve("SHA256SUMS"))) {
            String[] parts = line.split("  ", 2);
            assertThat(sha256(backup.resolve(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }
        try (Stream<Path> siblings = Files.list(backup.getParent())) {
            assertThat(siblings).as("no half-made backup left").hasSize(1);
        }
    }

    @Test
    void refusesToOverwriteANonEmptyDataFolderUnlessForced() throws Exception {
        Path backup = backup(dataFolder(temp.resolve("data")), false);
        Path target = Files.createDirectories(temp.resolve("live"));
        Files.writeString(target.resolve("keep.txt"), "dữ liệu đang dùng");

        Shell.Result refused = restore(backup, target);

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("không trống").contains("--force");
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("keep.txt");
        }

        Shell.Result forced = restore(backup, target, "--force");

        assertThat(forced.exitCode()).as(forced.all()).isZero();
        assertThat(target.resolve("identity/signing-key.json")).exists();
        assertThat(target.resolve("keep.txt")).doesNotExist();
        try (Stream<Path> siblings = Files.list(temp)) {
            Path aside = siblings.filter(path -> path.getFileName().toString().startsWith("live.before-restore-"))
                    .findFirst().orElseThrow(() -> new AssertionError("the old folder was not moved aside"));
            assertThat(aside.resolve("keep.txt")).hasContent("dữ liệu đang dùng");
        }
    }

    @Test
    void refusesABackupWhoseChecksumsDoNotMatch() throws Exception {
        Path backup = backup(dataFolder(temp.resolve("data")), false);
        byte[] files = Files.readAllBytes(backup.resolve("files.tar.gz"));
        files[files.length / 2] ^= 0x01;
        Files.write(backup.resolve("files.tar.gz"), files);

        Shell.Result refused = restore(backup, temp.resolve("restored"));

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("checksum");
        assertThat(temp.resolve("restored")).doesNotExist();
    }

    @Test
    void refusesToBackUpWhileTheAppRuns() throws Exception {
        Path data = dataFolder(temp.resolve("data"));
        // A live process in James's pid file: the app (and its James) is running.
        Files.writeString(data.resolve("james/james.pid"), Long.toString(ProcessHandle.current().pid()));

        Shell.Result refused = Shell.run(Map.of("JAVA", Shell.java()), List.of("bash", BACKUP.toString(),
                "--data", data.toString(), "--out", temp.resolve("backups").toString(), "--h2-jar", h2Jar()));

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("đang chạy").contains("systemctl stop lienthong");
        assertThat(temp.resolve("backups/.")).satisfiesAnyOf(
                path -> assertThat(path.getParent()).doesNotExist(),
                path -> assertThat(path.getParent()).isEmptyDirectory());
    }

    // --- The data folder -----------------------------------------------------------------------------------------

    private Path dataFolder(Path data) throws IOException, SQLException {
        Files.createDirectories(data.resolve("db"));
        try (Connection connection = h2(data, false); Statement statement = connection.createStatement()) {
            statement.execute("create table dir_official (id bigint primary key, username varchar(64) not null, "
                    + "full_name varchar(255) not null, photo bytea, created_at timestamp with time zone)");
            statement.execute("insert into dir_official values "
                    + "(1, 'an.nguyen', 'Nguyễn Văn An', X'00ff10', timestamp with time zone '2026-11-29 08:00:00+07'),"
                    + "(2, 'binh.tran', 'Trần Thị Bình', null, null),"
                    + "(3, 'hong.vo', 'Võ Thị Hồng – Đặng', X'cafebabe', timestamp with time zone '2026-01-01 00:00:00+07')");
        }
        write(data.resolve("identity/signing-key.json"), "{\"kty\":\"RSA\",\"d\":\"bí mật\"}", "rw-------");
        write(data.resolve("identity/client-secret"), "s3cret-of-the-client", "rw-------");
        write(data.resolve("james/var/store/derby/seg0/c10.dat"), random(70_000), "rw-r-----");
        write(data.resolve("james/var/store/activemq/db.data"), random(10_000), "rw-r-----");
        write(data.resolve("james/var/archive-spool/new/1-a.eml"), "X-LienThong-Spool: 1\r\n\r\nSubject: Họp\r\n",
                "rw-r-----");
        write(data.resolve("james/keys/webadmin-jwt.key"), "-----BEGIN PRIVATE KEY-----\nMII\n", "rw-------");
        write(data.resolve("james/keys/administrator-password"), "admin-password", "rw-------");
        write(data.resolve("meetings/documents/2026/12/ke-hoach.pdf"), random(30_000), "rw-r-----");
        // Re-made at James's start, or derived: not in a backup.
        write(data.resolve("james/runtime/abc/lib/james.jar"), random(1_000), "rw-r--r--");
        write(data.resolve("james/conf/smtpserver.xml"), "<smtpservers/>", "rw-------");
        write(data.resolve("james/logs/james.log"), "log", "rw-r--r--");
        write(data.resolve("archive/index/_0.cfs"), random(5_000), "rw-r--r--");
        return data;
    }

    private static void write(Path file, Object content, String permissions) throws IOException {
        Files.createDirectories(file.getParent());
        if (content instanceof byte[] bytes) {
            Files.write(file, bytes);
        } else {
            Files.writeString(file, String.valueOf(content), StandardCharsets.UTF_8);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static Connection h2(Path data, boolean mustExist) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/lienthong") + ";" + H2_FLAGS
                + (mustExist ? ";IFEXISTS=TRUE" : ""), "lienthong", "");
    }

    private static List<List<Object>> rows(Path data) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = h2(data, true); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select id, username, full_name, photo, created_at "
                     + "from dir_official order by id")) {
            while (result.next()) {
                byte[] photo = result.getBytes("photo");
                rows.add(List.of(result.getLong("id"), result.getString("username"), result.getString("full_name"),
                        photo == null ? "null" : HexFormat.of().formatHex(photo),
                        String.valueOf(result.getObject("created_at"))));
            }
        }
        return rows;
    }

    // --- Running the scripts -------------------------------------------------------------------------------------

    private Path backup(Path data, boolean includeArchive) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", BACKUP.toString(), "--data", data.toString(),
                "--out", temp.resolve("backups").toString(), "--h2-jar", h2Jar()));
        if (includeArchive) {
            command.add("--include-archive");
        }
        Shell.Result result = Shell.run(Map.of("JAVA", Shell.java()), command);
        assertThat(result.exitCode()).as(result.all()).isZero();
        try (Stream<Path> backups = Files.list(temp.resolve("backups"))) {
            return backups.findFirst().orElseThrow();
        }
    }

    private static Shell.Result restore(Path backup, Path target, String... options) {
        List<String> command = new ArrayList<>(List.of("bash", RESTORE.toString(), backup.toString(),
                "--data", target.toString(), "--h2-jar", h2Jar()));
        command.addAll(List.of(options));
        return Shell.run(Map.of("JAVA", Shell.java()), command);
    }

    /** The H2 jar this test runs with: the version the app ships. */
    private static String h2Jar() {
        try {
            return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under a folder: relative path → permissions and SHA-256. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                tree.put(root.relativize(file).toString(),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + " " + sha256(file));
            }
        }
        return tree;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
