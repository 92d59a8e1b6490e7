package vn.lienthong.meetings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.lienthong.archive.Archive;
import vn.lienthong.chat.Chat;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Role;
import vn.lienthong.directory.Unit;

/**
 * The one Spring context of the meetings' tests: {@link MeetingsTestApplication} on H2 in memory with the demo
 * directory of Bạc Liêu, a fresh data folder (archive index, documents), MockMvc over the real security chains, and
 * settings small enough to test (documents up to 64 KB, a quick outbox). Every test class extends it without
 * configuration of its own, so the context starts once per run.
 */
@SpringBootTest(classes = MeetingsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
                "spring.datasource.url=jdbc:h2:mem:meetings-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.flyway.out-of-order=true",
                "spring.jackson.time-zone=Asia/Ho_Chi_Minh",
                "lienthong.demo.enabled=true",
                "lienthong.demo.password=" + MeetingsTestSupport.PASSWORD,
                "lienthong.identity.provider=embedded",
                "lienthong.base-url=http://127.0.0.1:18080",
                "lienthong.mail.enabled=false",
                "lienthong.meetings.documents.max-size=64KB",
                "lienthong.meetings.outbox.poll-interval=500ms",
                "lienthong.meetings.outbox.retry-delay=200ms",
                "lienthong.meetings.reminders.interval=1h",
                "lienthong.meetings.jitsi.domain=meet.baclieu.gov.vn",
                "lienthong.meetings.jitsi.secret=" + MeetingsTestSupport.JITSI_SECRET,
                "lienthong.meetings.jitsi.hook-secret=" + MeetingsTestSupport.HOOK_SECRET,
                "lienthong.chat.rate-limit.capacity=1000"})
@AutoConfigureMockMvc
public abstract class MeetingsTestSupport {

    public static final String PASSWORD = "Mat-khau-lich-hop-2026";
    public static final String JITSI_SECRET = "test-jitsi-app-secret-0123456789abcdef";
    public static final String HOOK_SECRET = "test-jitsi-hook-secret-0123456789abcdef";
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final Duration WAIT = Duration.ofSeconds(20);

    /** Demo users. */
    public static final String ADMIN = "quantri";
    public static final String VINH_LOI_ADMIN = "admin.vinhloi";
    public static final String DONG_HAI_ADMIN = "admin.donghai";
    public static final String PROVINCE_OFFICIAL = "an.nguyen";
    public static final String VINH_LOI_OFFICIAL = "binh.tran";
    public static final String CHAU_THOI_CHAIRMAN = "phuc.huynh";
    public static final String GIA_RAI_OFFICIAL = "ngoc.ly";

    private static final Path DATA_DIR = dataDir();
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    protected Meetings meetings;

    @Autowired
    protected MeetingDocuments documents;

    @Autowired
    protected MeetingRooms rooms;

    @Autowired
    protected MeetingAttendance attendance;

    @Autowired
    protected CalendarFeeds feeds;

    @Autowired
    protected Directory directory;

    @Autowired
    protected DirectoryAdministration directoryAdministration;

    @Autowired
    protected Chat chat;

    @Autowired
    protected Archive archive;

    @Autowired
    protected CapturedMail mail;

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("lienthong.data-dir", DATA_DIR::toString);
    }

    protected Unit unit(String code) {
        return directory.findUnitByCode(code).orElseThrow(() -> new AssertionError("no unit " + code));
    }

    protected Official official(String username) {
        return directory.findOfficialByUsername(username).orElseThrow(() -> new AssertionError("no " + username));
    }

    /** A fresh official of the unit, so tests do not share answers or calendars. */
    protected Official newOfficial(String unitCode, Role... roles) {
        int n = NEXT.incrementAndGet();
        Unit unit = unit(unitCode);
        return directoryAdministration.createOfficial(ADMIN, new OfficialDraft("hop" + n + "." + System.nanoTime()
                % 100000, "Cán Bộ Họp " + n, "Chuyên viên", unit.id(), null, null,
                roles.length == 0 ? Set.of(Role.OFFICIAL) : Set.of(roles), null));
    }

    /** A wall-clock time in the suite's zone, {@code days} from now at {@code hour}:00, far from the others. */
    protected static LocalDateTime at(int days, int hour) {
        return LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.DAYS).plusDays(days).withHour(hour);
    }

    /** A distinct day far in the future per call, so tests never collide in calendars or conflicts. */
    protected static int freshDay() {
        return 400 + NEXT.incrementAndGet() * 3;
    }

    private static Path dataDir() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target.toAbsolutePath(), "meetings-data-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
