package vn.lienthong.mail.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import vn.lienthong.mail.MailSettings;

/**
 * Runs the embedded James as a child JVM: writes its configuration, starts it from the extracted runtime, waits
 * (bounded) until WebAdmin's health check answers, restarts it with a growing pause if it dies, and stops it on
 * shutdown (SIGTERM, then a kill after {@code stop-timeout}).
 *
 * <p>Layout under {@code <data>/james}: {@code runtime/<hash>/lib} (James's jars), {@code conf/} (written here),
 * {@code var/store} (Derby, Lucene, KahaDB), {@code keys/} (JWT key, administrator password), {@code logs/james.log}.
 */
public class JamesSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JamesSupervisor.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final MailSettings settings;
    private final Path workDir;
    private final JamesKeys keys;
    private final JamesTls.Keystore keystore;
    private final Path archiveSpool;
    private final Runnable afterStart;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopRequested = lock.newCondition();

    private volatile Process process;
    private volatile boolean running;
    private volatile int restarts;
    private volatile String lastFailure;
    private Thread watcher;

    /**
     * @param keystore     the client ports' keystore, or {@code null} for no client ports
     * @param archiveSpool where James spools mail for the archive, or {@code null} for no archive hook
     * @param afterStart   run once James is healthy, at every (re)start: e.g. making sure the administrator exists
     */
    JamesSupervisor(MailSettings settings, Path workDir, JamesKeys keys, JamesTls.Keystore keystore,
                    Path archiveSpool, Runnable afterStart) {
        this.settings = settings;
        this.workDir = workDir.toAbsolutePath().normalize();
        this.keys = keys;
        this.keystore = keystore;
        this.archiveSpool = archiveSpool;
        this.afterStart = afterStart;
    }

    @Override
    public void start() {
        lock.lock();
        try {
            if (running) {
                return;
            }
            killLeftover();
            launchAndAwait();
            running = true;
            watcher = new Thread(this::watch, "james-supervisor");
            watcher.setDaemon(true);
            watcher.start();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stop() {
        Thread toJoin;
        running = false;
        lock.lock();
        try {
            stopRequested.signalAll();
            toJoin = watcher;
            watcher = null;
        } finally {
            lock.unlock();
        }
        terminate(process);
        if (toJoin != null) {
            try {
                toJoin.join(settings.stopTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it, so pages never talk to a James that is gone. */
    @Override
    public int getPhase() {
        return 0;
    }

    /** The child process, while there is one. */
    public Optional<ProcessHandle> process() {
        Process current = process;
        return current == null || !current.isAlive() ? Optional.empty() : Optional.of(current.toHandle());
    }

    public int restarts() {
        return restarts;
    }

    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    public Path logFile() {
        return workDir.resolve("logs/james.log");
    }

    /** True when WebAdmin's health check answers 200. */
    public boolean healthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.webadminBaseUrl() + "/healthcheck"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void launchAndAwait() {
        JamesRuntime runtime = JamesRuntime.extract(workDir.resolve("runtime"));
        JamesConf.write(workDir, settings, keys, keystore, archiveSpool);
        Instant started = Instant.now();
        Process child = launch(runtime);
        process = child;
        Instant deadline = started.plus(settings.startTimeout());
        while (!healthy()) {
            if (!child.isAlive()) {
                String cause = logExcerpt();
                lastFailure = "James exited with code " + child.exitValue() + " while starting" + cause;
                throw new IllegalStateException("James dừng ngay khi khởi động (James exited while starting, code "
                        + child.exitValue() + "); xem nhật ký (see the log) " + logFile() + cause);
            }
            if (Instant.now().isAfter(deadline)) {
                terminate(child);
                lastFailure = "James not healthy after " + settings.startTimeout();
                throw new IllegalStateException("James chưa sẵn sàng sau " + settings.startTimeout().toSeconds()
                        + " giây (not healthy in time: WebAdmin " + settings.webadminBaseUrl()
                        + "/healthcheck); xem nhật ký (see the log) " + logFile());
            }
            pause(Duration.ofMillis(200));
        }
        afterStart.run();
        lastFailure = null;
        log.info("James is healthy after {} ms (pid {}, SMTP {}:{}, IMAP {}:{}, WebAdmin {})",
                Duration.between(started, Instant.now()).toMillis(), child.pid(), settings.host(), settings.smtpPort(),
                settings.host(), settings.imapPort(), settings.webadminBaseUrl());
    }

    /**
     * The error lines at the end of James's log (what made it stop), so the failure explains itself where the log
     * is out of reach (a CI report, a service's journal). Empty when there are none.
     */
    String logExcerpt() {
        try {
            List<String> lines = tail(logFile(), 64 * 1024).lines().filter(line -> !line.isBlank()).toList();
            List<String> errors = lines.stream()
                    .filter(line -> line.contains("ERROR") || line.contains("Exception") || line.startsWith("Caused by"))
                    .toList();
            // No error logged (e.g. the JVM itself could not start: "Could not reserve enough space..."): the end.
            List<String> chosen = errors.isEmpty() ? lines : errors;
            List<String> last = chosen.subList(Math.max(0, chosen.size() - 8), chosen.size()).stream()
                    .map(line -> line.length() > 300 ? line.substring(0, 300) + "…" : line)
                    .toList();
            return last.isEmpty() ? "" : "\n  " + String.join("\n  ", last);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private static String tail(Path file, int bytes) throws IOException {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            long start = Math.max(0, channel.size() - bytes);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read to the end
            }
            return new String(buffer.array(), 0, buffer.position(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Process launch(JamesRuntime runtime) {
        try {
            Path logs = Files.createDirectories(workDir.resolve("logs"));
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(settings.jvmOptions());
            command.add("-Dworking.directory=" + workDir);
            command.add("-Dderby.stream.error.file=" + logs.resolve("derby.log"));
            command.add("-Dlienthong.parent.pid=" + ProcessHandle.current().pid());
            command.add("-Dfile.encoding=UTF-8");
            command.add("-cp");
            command.add(runtime.classPath());
            command.add(JamesRuntime.MAIN_CLASS);
            Process child = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            Files.writeString(workDir.resolve("james.pid"), Long.toString(child.pid()));
            log.info("Starting James (pid {}) in {}; log: {}", child.pid(), workDir, logFile());
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Không khởi động được James (cannot start the James JVM)", e);
        }
    }

    private String javaExecutable() {
        String home = settings.javaHome().isBlank() ? System.getProperty("java.home") : settings.javaHome();
        return Path.of(home, "bin", "java").toString();
    }

    /** Watches the child; when it dies without being asked to, starts it again after a pause that doubles. */
    private void watch() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            Process current = process;
            try {
                current.waitFor();
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                return;
            }
            lastFailure = "James exited unexpectedly with code " + current.exitValue();
            log.error("James (pid {}) stopped unexpectedly with code {}; restarting in {} s (log: {})",
                    current.pid(), current.exitValue(), backoff.toSeconds(), logFile());
            while (running) {
                if (!pauseUnlessStopped(backoff)) {
                    return;
                }
                try {
                    lock.lock();
                    try {
                        if (!running) {
                            return;
                        }
                        restarts++;
                        launchAndAwait();
                    } finally {
                        lock.unlock();
                    }
                    backoff = FIRST_BACKOFF;
                    break;
                } catch (RuntimeException e) {
                    terminate(process);
                    backoff = backoff.multipliedBy(2).compareTo(settings.maxRestartBackoff()) > 0
                            ? settings.maxRestartBackoff() : backoff.multipliedBy(2);
                    log.error("Restarting James failed: {}; next try in {} s", e.getMessage(), backoff.toSeconds());
                }
            }
        }
    }

    private void terminate(Process child) {
        if (child == null || !child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("James (pid {}) did not stop within {}; killing it", child.pid(), settings.stopTimeout());
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A James left over by an app that was killed holds the ports and Derby's lock: stop it first. */
    private void killLeftover() {
        Path pidFile = workDir.resolve("james.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(JamesRuntime.MAIN_CLASS)
                            && c.contains(workDir.toString())).orElse(false))
                    .ifPresent(p -> {
                        log.warn("Stopping a James left over from an earlier run (pid {})", pid);
                        p.destroy();
                        p.onExit().orTimeout(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)
                                .exceptionally(timeout -> {
                                    p.destroyForcibly();
                                    return p;
                                }).join();
                    });
        } catch (IOException | NumberFormatException e) {
            log.debug("Ignoring unreadable {}", pidFile, e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for James", e);
        }
    }

    /** Waits {@code duration} unless a stop is requested; false when stopping. */
    private boolean pauseUnlessStopped(Duration duration) {
        lock.lock();
        try {
            long nanos = duration.toNanos();
            while (running && nanos > 0) {
                nanos = stopRequested.awaitNanos(nanos);
            }
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
