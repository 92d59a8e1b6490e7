package vn.lienthong.mail.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPMessage;

import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.MailSettings;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessagePage;
import vn.lienthong.mail.internal.ImapMailboxes;
import vn.lienthong.mail.internal.JamesConnection;
import vn.lienthong.mail.internal.JamesServer;
import vn.lienthong.mail.testsupport.TestJames;

/**
 * Against an embedded James of its own (default JVM options, its own temporary folder):
 * <ol>
 * <li>submissions per second through the webmail's path, {@link Mailboxes#send} (SMTP submission as the
 * administrator, then the copy in Đã gửi), one official per thread, all to one recipient, and the rate at which those
 * messages reached the recipient's Hộp thư đến; then the SMTP submission alone (no Sent copy);</li>
 * <li>a folder of 10,000 messages (filled by IMAP APPEND), then the latency of {@link Mailboxes#list} for page 1 and
 * page 50 at 50 per page, each call a fresh IMAP session as the webmail makes it: p50, p95, max.</li>
 * </ol>
 * Not a test; run with the {@code bench} profile:
 * <pre>
 *   ./mvnw -B -o -pl mail -Pbench test-compile exec:java [-Dbench.messages=2000] [-Dbench.threads=8]
 *       [-Dbench.folder=10000] [-Dbench.lists=200]
 * </pre>
 */
public final class MailBenchmark {

    private static final String BODY = """
            Kính gửi các đồng chí,

            Thực hiện Kế hoạch số 15/KH-UBND ngày 02/11/2026 của Ủy ban nhân dân tỉnh về chuyển đổi số, Văn phòng \
            đề nghị các đơn vị báo cáo tình hình triển khai hệ thống thư điện tử công vụ, số tài khoản đã cấp, \
            số cán bộ sử dụng thường xuyên và các khó khăn, vướng mắc trước ngày 15/11/2026.

            Trân trọng.
            """;

    private MailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(args.length > 0 ? args[0] : "2000");
        int threads = Integer.parseInt(args.length > 1 ? args[1] : "8");
        int folderSize = Integer.parseInt(args.length > 2 ? args[2] : "10000");
        int lists = Integer.parseInt(args.length > 3 ? args[3] : "200");
        Path dir = TestJames.temporaryFolder("lienthong-mail-bench");
        System.out.printf("Mail benchmark: %,d submissions on %d threads, a folder of %,d, %d lists per page; "
                + "%d cores%n", messages, threads, folderSize, lists, Runtime.getRuntime().availableProcessors());
        JamesServer james = TestJames.start(dir, settings());
        try {
            MailAdministration admin = james.administration();
            JamesConnection connection = james.connection();
            String sender = TestJames.uniqueAddress("nguoi.gui");
            String recipient = TestJames.uniqueAddress("nguoi.nhan");
            String archive = TestJames.uniqueAddress("luu.tru");
            Map<String, String> officials = new java.util.HashMap<>(Map.of("gui", sender, "nhan", recipient,
                    "luutru", archive));
            // One sender per thread, as when several officials send at once; all to the same recipient.
            for (int t = 0; t < threads; t++) {
                officials.put("gui" + t, TestJames.uniqueAddress("nguoi.gui" + t));
            }
            for (String address : officials.values()) {
                admin.createAccount(address);
            }
            Mailboxes mailboxes = new ImapMailboxes(connection, username -> Optional.ofNullable(officials.get(username)));

            if (messages > 0) {
                // James's JIT compiler keeps a core busy for the first minutes: warm both paths up first.
                int warmUp = Integer.getInteger("bench.warmup", 1000);
                submissions(james, mailboxes, admin, recipient, warmUp, threads, "Warm-up (not counted)");
                smtpOnly(james, admin, sender, recipient, warmUp, threads, "Warm-up (not counted)");
                submissions(james, mailboxes, admin, recipient, messages, threads, "Mailboxes.send");
                smtpOnly(james, admin, sender, recipient, messages, threads, "SMTP submission alone");
            }

            if (folderSize == 0) {
                return;
            }
            if (messages == 0) {
                String warm = TestJames.uniqueAddress("warm");
                admin.createAccount(warm);
                fill(james, warm, 300);
            }
            fill(james, archive, folderSize);
            MessagePage first = mailboxes.list("luutru", Mailboxes.INBOX, 1, 50);
            System.out.printf("Folder: %,d messages; page 50 holds %d%n", first.total(),
                    mailboxes.list("luutru", Mailboxes.INBOX, 50, 50).messages().size());
            for (int i = 0; i < 30; i++) {
                mailboxes.list("luutru", Mailboxes.INBOX, 1 + i % 50, 50);
            }
            latencies(james, "page 1", () -> mailboxes.list("luutru", Mailboxes.INBOX, 1, 50), lists);
            latencies(james, "page 50", () -> mailboxes.list("luutru", Mailboxes.INBOX, 50, 50), lists);
            // Each call in a new webmail instance: a new IMAP session, login and SELECT every time.
            latencies(james, "page 50, new session each call", () -> {
                try (ImapMailboxes fresh = new ImapMailboxes(connection,
                        username -> Optional.ofNullable(officials.get(username)))) {
                    fresh.list("luutru", Mailboxes.INBOX, 50, 50);
                }
            }, Math.max(10, lists / 10));
        } finally {
            james.supervisor().ifPresent(supervisor -> supervisor.stop());
            TestJames.deleteQuietly(dir);
        }
    }

    /** CPU time used so far by James's JVM. */
    private static long jamesCpuNanos(JamesServer james) {
        return james.supervisor().flatMap(supervisor -> supervisor.process())
                .flatMap(process -> process.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    /** CPU time used so far by this JVM and James's. */
    private static long cpuNanos(JamesServer james) {
        long own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        long child = james.supervisor().flatMap(supervisor -> supervisor.process())
                .flatMap(process -> process.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
        return own + child;
    }

    /** The test settings with the default JVM options of {@code lienthong.mail}, plus {@code -Dbench.james-jvm}. */
    private static MailSettings settings() {
        MailSettings test = TestJames.settings();
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
        String extra = System.getProperty("bench.james-jvm", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.strip().split("\\s+")));
        }
        return new MailSettings(test.enabled(), test.mode(), test.defaultDomain(), test.host(), test.smtpPort(),
                test.imapPort(), test.webadminPort(), test.administrator(), test.administratorPassword(),
                test.webadminUrl(), test.webadminToken(), jvm, test.javaHome(), test.startTimeout(),
                test.stopTimeout(), test.maxRestartBackoff(), test.maxMessageSize(), test.systemSender(), test.tls(),
                test.archive());
    }

    private static void submissions(JamesServer james, Mailboxes mailboxes, MailAdministration admin,
                                    String recipient, int count, int threads, String label) throws Exception {
        long before = inbox(admin, recipient);
        long cpuBefore = cpuNanos(james);
        long jamesBefore = jamesCpuNanos(james);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String official = "gui" + t;
            running.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    mailboxes.send(official, Draft.of(List.of(recipient), "Báo cáo chuyển đổi số số " + n, BODY));
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        long submitted = System.nanoTime() - started;
        pool.shutdown();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(10))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> inbox(admin, recipient) >= before + count);
        long delivered = System.nanoTime() - started;
        double cpuPerMessage = (cpuNanos(james) - cpuBefore) / 1e6 / count;
        System.out.printf("  (James alone: %.1f ms CPU per message)%n", (jamesCpuNanos(james) - jamesBefore) / 1e6 / count);
        System.out.printf("%s: %,d messages submitted in %.1f s = %.0f msg/s (Mailboxes.send, SMTP + copy in Sent); "
                        + "all in the recipient's INBOX after %.1f s = %.0f msg/s; CPU (James + app) %.1f ms per "
                        + "message = %.0f msg/s on %d idle cores%n", label, count, submitted / 1e9,
                count / (submitted / 1e9), delivered / 1e9, count / (delivered / 1e9), cpuPerMessage,
                Runtime.getRuntime().availableProcessors() * 1000 / cpuPerMessage,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The submission alone, as {@code Mailboxes.send} does it without the copy in Đã gửi: SMTP as the administrator
     * with the official as envelope sender, one kept connection per thread.
     */
    private static void smtpOnly(JamesServer james, MailAdministration admin, String sender, String recipient,
                                 int count, int threads, String label) throws Exception {
        JamesConnection connection = james.connection();
        long before = inbox(admin, recipient);
        long cpuBefore = cpuNanos(james);
        long jamesBefore = jamesCpuNanos(james);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                Properties properties = new Properties();
                properties.put("mail.smtp.auth", "true");
                properties.put("mail.host", "baclieu.gov.vn");
                Session session = Session.getInstance(properties);
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect(connection.host(), connection.smtpPort(), connection.administrator(),
                            connection.administratorPassword());
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        SMTPMessage message = new SMTPMessage(session);
                        message.setFrom(new InternetAddress(sender));
                        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
                        message.setSubject("Báo cáo chuyển đổi số số " + n, "UTF-8");
                        message.setText(BODY, "UTF-8");
                        message.setEnvelopeFrom(sender);
                        message.saveChanges();
                        transport.sendMessage(message, message.getAllRecipients());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        long submitted = System.nanoTime() - started;
        pool.shutdown();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(10))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> inbox(admin, recipient) >= before + count);
        long delivered = System.nanoTime() - started;
        double cpuPerMessage = (cpuNanos(james) - cpuBefore) / 1e6 / count;
        System.out.printf("  (James alone: %.1f ms CPU per message)%n", (jamesCpuNanos(james) - jamesBefore) / 1e6 / count);
        System.out.printf("%s (SMTP as the administrator, no Sent copy): %,d messages accepted in %.1f s = %.0f "
                        + "msg/s; all in the recipient's INBOX after %.1f s = %.0f msg/s; CPU (James + app) %.1f ms per "
                        + "message = %.0f msg/s on %d idle cores%n", label, count, submitted / 1e9, count / (submitted / 1e9), delivered / 1e9,
                count / (delivered / 1e9), cpuPerMessage, Runtime.getRuntime().availableProcessors() * 1000
                        / cpuPerMessage, Runtime.getRuntime().availableProcessors());
    }

    private static long inbox(MailAdministration admin, String address) {
        return admin.mailboxes(address).contains("INBOX") ? admin.messageCount(address, "INBOX") : 0;
    }

    /** Appends {@code count} messages to the account's INBOX (as the administrator acting for it), 4 sessions. */
    private static void fill(JamesServer server, String address, int count) throws Exception {
        JamesConnection james = server.connection();
        long started = System.nanoTime();
        long jamesBefore = jamesCpuNanos(server);
        int sessions = 4;
        int batch = 100;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            running.add(pool.submit(() -> {
                try (Store store = TestJames.imapActingAs(james, james.administrator(), james.administratorPassword(),
                        address)) {
                    Folder inbox = store.getFolder("INBOX");
                    if (!inbox.exists()) {
                        inbox.create(Folder.HOLDS_MESSAGES);
                    }
                    Session session = Session.getInstance(new Properties());
                    for (int first = next.getAndAdd(batch); first < count; first = next.getAndAdd(batch)) {
                        Message[] messages = new Message[Math.min(batch, count - first)];
                        for (int i = 0; i < messages.length; i++) {
                            messages[i] = message(session, address, first + i);
                        }
                        inbox.appendMessages(messages);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        System.out.printf("Filled a folder with %,d messages in %.1f s (IMAP APPEND; James %.1f ms CPU per message)%n",
                count, (System.nanoTime() - started) / 1e9, (jamesCpuNanos(server) - jamesBefore) / 1e6 / count);
    }

    private static MimeMessage message(Session session, String to, int n) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("van.thu." + (n % 37) + "@baclieu.gov.vn", "Văn thư " + (n % 37), "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Công văn số " + n + "/UBND-VP về việc báo cáo chuyển đổi số", "UTF-8");
        message.setSentDate(new Date(1_790_000_000_000L + n * 60_000L));
        message.setText(BODY + "\n" + "Số " + n + ". " + BODY.repeat(n % 3), "UTF-8");
        if (n % 2 == 0) {
            message.setFlags(new Flags(Flags.Flag.SEEN), true);
        }
        message.saveChanges();
        return message;
    }

    interface Call {
        void run() throws Exception;
    }

    private static void latencies(JamesServer james, String label, Call call, int count) throws Exception {
        long cpuBefore = cpuNanos(james);
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf("List %s (50 per page, %d calls): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; CPU "
                        + "(James + app) %.1f ms per call%n", label, count, ms(nanos, 0.50), ms(nanos, 0.95),
                ms(nanos, 0.99), nanos[count - 1] / 1e6, (cpuNanos(james) - cpuBefore) / 1e6 / count);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
