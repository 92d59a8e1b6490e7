package vn.lienthong.directory.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests, from the Debian package's binaries ({@code /usr/lib/postgresql/N/bin}).
 * Started once per JVM on a free port of 127.0.0.1, with its data in a temporary folder, and stopped (folder
 * deleted) when the JVM exits.
 *
 * <p>PostgreSQL refuses to run as root, and test machines often run the build as root: then every server command
 * runs as the {@code postgres} system user through {@code runuser}, and the data folder belongs to that user.
 * Missing binaries fail the tests with a message saying what to install; they never skip them.
 */
public final class LocalPostgres {

    private static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");
    private static final String SYSTEM_USER = "postgres";
    private static final String DATABASE_USER = "lienthong";

    private static LocalPostgres instance;

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asRoot;

    private LocalPostgres(Path bin, Path folder, int port, boolean asRoot) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** The shared server, started on first use. */
    public static synchronized LocalPostgres get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return DATABASE_USER;
    }

    public String password() {
        return "";
    }

    private static LocalPostgres start() {
        Path bin = findBinaries();
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        try {
            Path folder = Files.createTempDirectory("lienthong-postgres-");
            if (asRoot) {
                UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(folder, users.lookupPrincipalByName(SYSTEM_USER));
            }
            int port = freePort();
            LocalPostgres server = new LocalPostgres(bin, folder, port, asRoot);
            server.run("initdb", "-D", folder.resolve("data").toString(), "-U", DATABASE_USER, "-A", "trust",
                    "-E", "UTF8", "--no-locale", "--no-sync");
            server.run("pg_ctl", "-D", folder.resolve("data").toString(), "-l", folder.resolve("server.log").toString(),
                    "-w", "-t", "60", "-o", "-h 127.0.0.1 -p " + port + " -k " + folder
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                    "start");
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "local-postgres-stop"));
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a PostgreSQL data folder", e);
        }
    }

    private void stop() {
        try {
            run("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        }
        catch (RuntimeException e) {
            System.err.println("Could not stop the test PostgreSQL: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            System.err.println("Could not delete " + folder + ": " + e.getMessage());
        }
    }

    private static Path findBinaries() {
        String message = "PostgreSQL server binaries not found under " + INSTALL_ROOT + "/<version>/bin "
                + "(initdb, pg_ctl). The persistence tests run against a real PostgreSQL: install Debian's "
                + "'postgresql' package (the project's test script does this), e.g. apt-get install postgresql";
        if (!Files.isDirectory(INSTALL_ROOT)) {
            throw new IllegalStateException(message);
        }
        try (Stream<Path> versions = Files.list(INSTALL_ROOT)) {
            return versions
                    .map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(LocalPostgres::majorVersion))
                    .orElseThrow(() -> new IllegalStateException(message));
        }
        catch (IOException e) {
            throw new IllegalStateException(message, e);
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            // pg_ctl start leaves the server running with our pipe closed; read until the command itself ends.
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "):\n" + new String(output, StandardCharsets.UTF_8) + logTail());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    private String logTail() {
        Path log = folder.resolve("server.log");
        try {
            return Files.exists(log) ? "\nserver.log:\n" + Files.readString(log) : "";
        }
        catch (IOException e) {
            return "";
        }
    }
}
