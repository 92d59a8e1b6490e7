package vn.lienthong.meetings.internal.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;
import vn.lienthong.meetings.CalendarPage;
import vn.lienthong.meetings.CalendarView;
import vn.lienthong.meetings.CapturedMail;
import vn.lienthong.meetings.EndpointSelection;
import vn.lienthong.meetings.MeetingDraft;
import vn.lienthong.meetings.MeetingSaved;
import vn.lienthong.meetings.Meetings;
import vn.lienthong.meetings.MeetingsTestApplication;

/**
 * The meetings' benchmark (not a test, never part of verify):
 * <ol>
 *   <li>scheduling a meeting for the whole province: 72 units (1 province, 7 districts, 64 communes) in one
 *       selection, with its invitations queued in the same transaction (target under 1 s), on an empty schedule and
 *       again among the meetings of step 2; and how long until the invitation mails are out;</li>
 *   <li>a unit's month calendar among {@code N} meetings (default 100,000) over three years, 2 % of them weekly
 *       series (target p95 under 50 ms), for a commune, a district and the province, as one of its officials.</li>
 * </ol>
 * The application runs as the suite embeds it by default: H2 in a file under {@code <dir>}, the demo directory of Bạc
 * Liêu grown to 64 communes, the real archive and chat; mail is the capturing stand-in of the tests. The meetings of
 * step 2 are written with batched SQL (what {@code Meetings.schedule} would write, without the invitations).
 *
 * <pre>./mvnw -B -pl meetings -Pbench test-compile exec:java -Dbench.meetings=100000 -Dbench.queries=500</pre>
 */
public final class MeetingsBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String ADMIN = "quantri";
    private static final long FIRST_ID = 1_000_000;

    private MeetingsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/bench").toAbsolutePath();
        // "reuse": keep the data of the previous run (profiling one step without seeding again)
        boolean reuse = args.length > 3 && "reuse".equals(args[3]);
        if (!reuse) {
            deleteRecursively(dir);
        }
        Files.createDirectories(dir);

        SpringApplication application = new SpringApplication(MeetingsTestApplication.class);
        application.setDefaultProperties(Map.ofEntries(
                Map.entry("spring.autoconfigure.exclude", "org.springframework.boot.autoconfigure.security.oauth2."
                        + "server.servlet.OAuth2AuthorizationServerAutoConfiguration,org.springframework.boot."
                        + "autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"),
                Map.entry("spring.main.web-application-type", "servlet"),
                Map.entry("server.port", "0"),
                Map.entry("server.address", "127.0.0.1"),
                Map.entry("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db/lienthong")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE"),
                Map.entry("spring.flyway.out-of-order", "true"),
                Map.entry("lienthong.data-dir", dir.toString()),
                Map.entry("lienthong.base-url", "http://127.0.0.1:8080"),
                Map.entry("lienthong.demo.enabled", "true"),
                Map.entry("lienthong.demo.password", "benchmark-password-2026"),
                Map.entry("lienthong.mail.enabled", "false"),
                Map.entry("lienthong.meetings.reminders.enabled", "false"),
                Map.entry("logging.level.root", "WARN")));
        try (ConfigurableApplicationContext context = application.run()) {
            run(context, count, queries, reuse);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, int count, int queries, boolean reuse)
            throws Exception {
        Meetings meetings = context.getBean(Meetings.class);
        Directory directory = context.getBean(Directory.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        CapturedMail mail = context.getBean(CapturedMail.class);
        waitForDemoData(directory);
        List<Unit> units = growToSixtyFourCommunes(directory, context.getBean(DirectoryAdministration.class));
        Unit province = directory.findUnitByCode("BL").orElseThrow();
        System.out.printf(Locale.ROOT, "Directory: %d units in the province's tree (%d districts, %d communes)%n",
                units.size(), units.stream().filter(u -> u.level() == UnitLevel.DISTRICT).count(),
                units.stream().filter(u -> u.level() == UnitLevel.COMMUNE).count());

        if (!reuse) {
            System.out.println("\n1. Schedule a meeting for the whole province (empty schedule)");
            scheduleProvinceWide(meetings, mail, province, 12, 3);

            System.out.printf(Locale.ROOT, "%n2. Seeding %,d meetings over three years...%n", count);
            long seedStart = System.nanoTime();
            seed(jdbc, units, count);
            System.out.printf(Locale.ROOT, "   seeded in %.1f s%n", (System.nanoTime() - seedStart) / 1e9);
        }

        System.out.println("\n1b. Schedule a meeting for the whole province among them");
        scheduleProvinceWide(meetings, mail, province, 12, reuse ? 300 + new Random().nextInt(300) : 200);

        System.out.printf(Locale.ROOT, "%n3. Month calendar of a unit among %,d meetings (%d queries each)%n", count,
                queries);
        Unit commune = directory.findUnitByCode("BL-VL-CT").orElseThrow();
        Unit district = directory.findUnitByCode("BL-VL").orElseThrow();
        calendar(meetings, "commune  BL-VL-CT (phuc.huynh)", "phuc.huynh", commune, queries);
        calendar(meetings, "district BL-VL    (admin.vinhloi)", "admin.vinhloi", district, queries);
        calendar(meetings, "province BL       (quantri)", ADMIN, province, queries);
        calendarOfOfficial(meetings, "official phuc.huynh's own calendar", "phuc.huynh", queries);
    }

    private static void scheduleProvinceWide(Meetings meetings, CapturedMail mail, Unit province, int runs,
                                             int dayOffset) throws InterruptedException {
        List<Double> millis = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        int endpoints = 0;
        for (int i = 0; i < runs + 3; i++) {
            LocalDateTime start = LocalDate.now(ZONE).plusDays(dayOffset + i).atTime(8, 0);
            MeetingDraft draft = MeetingDraft.of("Hội nghị trực tuyến toàn tỉnh " + i, start, start.plusHours(3),
                            province.id(), "an.nguyen")
                    .withAgenda("Triển khai nhiệm vụ phát triển kinh tế - xã hội")
                    .withSelections(List.of(new EndpointSelection(province.id(),
                            Set.of(UnitLevel.DISTRICT, UnitLevel.COMMUNE))));
            int sentBefore = mail.sent().size();
            long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long started = System.nanoTime();
            MeetingSaved saved = meetings.schedule(ADMIN, draft);
            double took = (System.nanoTime() - started) / 1e6;
            double cpuTook = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e6;
            endpoints = saved.meeting().endpoints().size();
            while (mail.sent().size() == sentBefore && System.nanoTime() - started < 30_000_000_000L) {
                Thread.sleep(1); // a benchmark, not a test: polling the stand-in mail every millisecond
            }
            double mailed = (System.nanoTime() - started) / 1e6;
            if (i >= 3) { // the first three warm the JIT up
                millis.add(took);
                cpu.add(cpuTook);
                delivered.add(mailed);
            }
        }
        System.out.printf(Locale.ROOT, "   %d endpoints; schedule() incl. invitations queued: wall median %.1f ms, "
                + "p95 %.1f ms, max %.1f ms; CPU median %.1f ms (%d runs after 3 warm-up)%n", endpoints,
                percentile(millis, 50), percentile(millis, 95), max(millis), percentile(cpu, 50), runs);
        System.out.printf(Locale.ROOT, "   first invitation mail handed to the mail API after: median %.1f ms, "
                + "max %.1f ms%n", percentile(delivered, 50), max(delivered));
    }

    private static void calendar(Meetings meetings, String label, String viewer, Unit unit, int queries) {
        measure(label, queries, new Random(42),
                month -> meetings.unitCalendar(viewer, unit.id(), CalendarView.MONTH, month));
    }

    private static void calendarOfOfficial(Meetings meetings, String label, String viewer, int queries) {
        measure(label, queries, new Random(7), month -> meetings.calendarOf(viewer, null, CalendarView.MONTH, month));
    }

    /** Wall-clock and CPU time of {@code queries} month views of random months (after 50 for warm-up). */
    private static void measure(String label, int queries, Random random,
                                java.util.function.Function<LocalDate, CalendarPage> query) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        int entries = 0;
        LocalDate first = LocalDate.now(ZONE).withDayOfMonth(1);
        for (int i = 0; i < queries + 50; i++) {
            LocalDate month = first.plusMonths(random.nextInt(36));
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            CalendarPage page = query.apply(month);
            double took = (System.nanoTime() - started) / 1e6;
            double cpuTook = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
            if (i >= 50) {
                wall.add(took);
                cpu.add(cpuTook);
                entries += page.entries().size();
            }
        }
        System.out.printf(Locale.ROOT, "   %-36s %4d entries  wall p50 %6.1f  p95 %6.1f  p99 %6.1f  max %6.1f ms | "
                        + "CPU p50 %5.1f  p95 %5.1f ms%n", label, entries / queries, percentile(wall, 50),
                percentile(wall, 95), percentile(wall, 99), max(wall), percentile(cpu, 50), percentile(cpu, 95));
    }

    /**
     * {@code count} meetings over the three years from the start of this month, 08:00 to 17:00: 55 % a unit's own
     * (host only), 30 % a host with its child units, 13 % a host with 2 to 5 random units, 2 % the whole province;
     * 2 % weekly series of 10. Hosts: 10 % the province, 30 % a district, 60 % a commune.
     */
    private static void seed(JdbcTemplate jdbc, List<Unit> units, int count) {
        Random random = new Random(2026);
        List<Unit> districts = units.stream().filter(u -> u.level() == UnitLevel.DISTRICT).toList();
        List<Unit> communes = units.stream().filter(u -> u.level() == UnitLevel.COMMUNE).toList();
        Unit province = units.stream().filter(u -> u.level() == UnitLevel.PROVINCE).findFirst().orElseThrow();
        Map<Long, List<Unit>> children = new HashMap<>();
        for (Unit unit : units) {
            if (unit.parentId() != null) {
                children.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit);
            }
        }
        ZonedDateTime from = LocalDate.now(ZONE).withDayOfMonth(1).atStartOfDay(ZONE);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> meetingRows = new ArrayList<>();
        List<Object[]> endpointRows = new ArrayList<>();
        List<Object[]> participantRows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = FIRST_ID + i;
            double hostDraw = random.nextDouble();
            Unit host = hostDraw < 0.10 ? province : hostDraw < 0.40 ? districts.get(random.nextInt(districts.size()))
                    : communes.get(random.nextInt(communes.size()));
            ZonedDateTime start = from.plusDays(random.nextInt(3 * 365)).withHour(8 + random.nextInt(8));
            ZonedDateTime end = start.plusMinutes(30L * (1 + random.nextInt(6)));
            boolean series = random.nextDouble() < 0.02;
            String rule = series ? "FREQ=WEEKLY;COUNT=10" : null;
            Instant rangeEnd = series ? end.plusWeeks(9).toInstant() : end.toInstant();
            List<Long> endpoints = new ArrayList<>();
            endpoints.add(host.id());
            double shape = random.nextDouble();
            if (shape < 0.02) {
                units.stream().filter(u -> u.id() != host.id()).forEach(u -> endpoints.add(u.id()));
            }
            else if (shape < 0.32) {
                children.getOrDefault(host.id(), List.of()).forEach(u -> endpoints.add(u.id()));
            }
            else if (shape < 0.45) {
                for (int k = 2 + random.nextInt(4); k > 0; k--) {
                    long other = units.get(random.nextInt(units.size())).id();
                    if (!endpoints.contains(other)) {
                        endpoints.add(other);
                    }
                }
            }
            meetingRows.add(new Object[] {id, UUID.randomUUID() + "@bench", "Cuộc họp " + i, "",
                    Timestamp.from(start.toInstant()), Timestamp.from(end.toInstant()), ZONE.getId(), rule,
                    Timestamp.from(start.toInstant()), Timestamp.from(rangeEnd), host.id(), "an.nguyen",
                    random.nextDouble() < 0.9 ? "PUBLIC_TO_UNITS" : "PRIVATE", "SCHEDULED", 0,
                    "lt" + Long.toString(id, 36) + "bench" + i, endpoints.size(), ADMIN, now, now});
            int position = 0;
            for (long unitId : endpoints) {
                endpointRows.add(new Object[] {id, unitId, position++, series, Timestamp.from(start.toInstant()),
                        Timestamp.from(rangeEnd)});
            }
            participantRows.add(new Object[] {id, "an.nguyen", "CHAIR", 0, series, Timestamp.from(start.toInstant()),
                    Timestamp.from(rangeEnd)});
            if (meetingRows.size() == 2000 || i == count - 1) {
                flush(jdbc, meetingRows, endpointRows, participantRows);
            }
        }
        jdbc.execute("alter table meet_meeting alter column id restart with " + (FIRST_ID + count + 1));
        jdbc.execute("analyze");
    }

    private static void flush(JdbcTemplate jdbc, List<Object[]> meetings, List<Object[]> endpoints,
                              List<Object[]> participants) {
        jdbc.batchUpdate("insert into meet_meeting (id, uid, title, agenda, start_at, end_at, time_zone, recurrence, "
                + "range_start_at, range_end_at, host_unit_id, chair_username, visibility, status, sequence, room, "
                + "endpoint_count, created_by, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                meetings);
        jdbc.batchUpdate("insert into meet_endpoint (meeting_id, unit_id, position, recurring, range_start_at, "
                + "range_end_at) values (?, ?, ?, ?, ?, ?)", endpoints);
        jdbc.batchUpdate("insert into meet_participant (meeting_id, username, role, position, recurring, "
                + "range_start_at, range_end_at) values (?, ?, ?, ?, ?, ?, ?)", participants);
        meetings.clear();
        endpoints.clear();
        participants.clear();
    }

    /** The demo has 25 communes; the benchmark's province has 64, as a real one might. */
    private static List<Unit> growToSixtyFourCommunes(Directory directory, DirectoryAdministration administration) {
        // (with "reuse" the communes are there already and nothing is created)
        Unit province = directory.findUnitByCode("BL").orElseThrow();
        List<Unit> districts = directory.children(province.id()).stream()
                .filter(u -> u.level() == UnitLevel.DISTRICT).sorted(Comparator.comparing(Unit::code)).toList();
        long communes = directory.subtree(province.id()).stream().filter(u -> u.level() == UnitLevel.COMMUNE)
                .count();
        for (int i = 0; communes < 64; i++, communes++) {
            Unit district = districts.get(i % districts.size());
            administration.createUnit(ADMIN, new UnitDraft(district.code() + "-X" + i, "Xã Mở Rộng " + (i + 1),
                    UnitLevel.COMMUNE, district.id(), null, null));
        }
        return directory.subtree(province.id()).stream().filter(u -> u.level() != UnitLevel.DEPARTMENT).toList();
    }

    private static void waitForDemoData(Directory directory) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (directory.findOfficialByUsername("an.nguyen").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100); // a benchmark, not a test: waiting for the demo data seeded at start-up
        }
    }

    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
