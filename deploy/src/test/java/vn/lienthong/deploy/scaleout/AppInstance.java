package vn.lienthong.deploy.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One Liên Thông instance as it runs for real: the jar the build made ({@code app/target/lienthong.jar}) in a JVM
 * of its own, configured only through environment variables (as in deploy/compose), its output in a log file.
 */
final class AppInstance implements AutoCloseable {

    static final Path JAR = Path.of("..", "app", "target", "lienthong.jar").toAbsolutePath().normalize();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private AppInstance(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the jar on a free port and waits until it is ready. A free port is found by opening and closing a
     * socket, so something else may take it before the instance binds it: then (and only then) it tries another.
     */
    static AppInstance startReady(String name, Path work, Map<String, String> environment, Duration atMost) {
        for (int attempt = 1; ; attempt++) {
            AppInstance instance = start(name, freePort(), work, environment);
            try {
                return instance.awaitReady(atMost);
            }
            catch (RuntimeException e) {
                instance.close();
                String output = instance.output();
                if (attempt == 3 || !(output.contains("already in use") || output.contains("Address in use"))) {
                    throw e;
                }
            }
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar with {@code environment} on {@code port}; returns at once (see {@link #awaitReady}). */
    static AppInstance start(String name, int port, Path work, Map<String, String> environment) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("Không thấy " + JAR + " (the app's jar): build it first, e.g. ./mvnw -B "
                    + "verify from the repository root, which packages app before deploy's tests");
        }
        try {
            Path data = Files.createDirectories(work.resolve(name));
            // Kept after the run (the data folder is not), for whoever reads a failure.
            Path log = Files.createDirectories(Path.of("target", "scale-out")).resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx700m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8", "-jar", JAR.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(data.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("LIENTHONG_") || key.startsWith("SPRING_"));
            env.putAll(new TreeMap<>(environment));
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("LIENTHONG_DATA", data.toString());
            return new AppInstance(name, port, log, builder.start());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the instance answers its readiness probe; fails with the end of its log if it stopped. */
    AppInstance awaitReady(Duration atMost) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await(name + " ready").atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting (code " + process.exitValue()
                        + "):\n" + tail());
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            }
            catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String name() {
        return name;
    }

    /** The last lines of the instance's output, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
        catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Everything the instance printed. */
    String output() {
        try {
            return Files.readString(log);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the instance as systemd or Docker would (SIGTERM), and kills it if it does not go in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
