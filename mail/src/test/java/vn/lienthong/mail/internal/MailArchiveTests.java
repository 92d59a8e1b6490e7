package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.Reader;
import vn.lienthong.archive.SearchRequest;
import vn.lienthong.archive.SearchResult;
import vn.lienthong.directory.ClusterTasks;
import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;
import vn.lienthong.mail.CalendarMessageReceived;
import vn.lienthong.mail.CalendarPart;
import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessageLocation;
import vn.lienthong.mail.testsupport.TestJames;

/**
 * The archive hook end to end: James spools every mail it handles, the app archives it (real Lucene) with the sender,
 * the local recipients and the units as readers, announces calendar messages, and re-feeds from the mailboxes.
 */
@MailContext
class MailArchiveTests {

    private static final String ACTOR = "quantri";
    private static final String PASSWORD = "mật-khẩu-thử";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    DirectoryAdministration administration;
    @Autowired
    Directory directory;
    @Autowired
    MailAdministration james;
    @Autowired
    JamesConnection connection;
    @Autowired
    Archive archive;
    @Autowired
    MailArchiveSpool spool;
    @Autowired
    JamesServer jamesServer;
    @Autowired
    MailTestApplication.CalendarEvents calendarEvents;
    @Autowired
    ClusterTasks cluster;

    private final Mailboxes mailboxes = new ImapMailboxes(TestJames.shared().connection(),
            username -> directory.findOfficialByUsername(username).map(Official::email));

    @Test
    void aWebmailMessageIsOneArchiveItemForTheSenderTheRecipientsAndTheUnit() throws Exception {
        Unit unit = unit();
        Official an = official(unit("so"));
        Official binh = official(unit("huyen"));
        Official chi = official(unit);
        Official stranger = official(unit("khac"));
        String unitAddress = unitAddress(unit);
        awaitAccounts(an, binh, stranger);
        await().atMost(Duration.ofSeconds(30)).until(() -> james.groupMembers(unitAddress).contains(chi.email()));
        String word = "nghiemthu" + SEQUENCE.incrementAndGet();

        mailboxes.send(an.username(), new Draft(List.of(binh.email(), unitAddress), List.of(), List.of(),
                "Biên bản " + word, "Kính gửi các anh chị.", null,
                List.of(new Draft.Attachment("biên bản.txt", "text/plain",
                        ("Biên bản nghiệm thu công trình đường Cao Văn Lầu " + word).getBytes(StandardCharsets.UTF_8))),
                null, null));

        SearchResult asBinh = awaitFound("bien ban " + word, reader(binh));
        assertThat(asBinh.total()).isEqualTo(1);
        SearchResult.Hit hit = asBinh.hits().get(0);
        assertThat(hit.source()).isEqualTo("mail");
        assertThat(hit.url()).isEqualTo("/mail/open?messageId=" + java.net.URLEncoder.encode(hit.id(),
                StandardCharsets.UTF_8));
        assertThat(hit.units()).contains(unit.code());
        // The attachment's text, found without tone marks; by the sender and by the unit too.
        assertThat(search("cong trinh duong cao van lau " + word, reader(an)).total()).isEqualTo(1);
        assertThat(search(word, Set.of(Reader.unit(unit.code()))).total()).isEqualTo(1);
        assertThat(search(word, reader(chi)).total()).isZero(); // chi reads it through the unit, not by name
        assertThat(search(word, reader(stranger)).total()).isZero();
        // The search hit opens in the official's own mailbox.
        assertThat(mailboxes.findByMessageId(binh.username(), hit.id()))
                .hasValueSatisfying(location -> assertThat(location.folder()).isEqualTo(Mailboxes.INBOX));
        assertThat(mailboxes.findByMessageId(an.username(), hit.id()))
                .hasValueSatisfying(location -> assertThat(location.folder()).isEqualTo(Mailboxes.SENT));
        assertThat(mailboxes.findByMessageId(stranger.username(), hit.id())).isEmpty();
    }

    @Test
    void mailThatNeverWentThroughTheAppIsArchivedToo() throws Exception {
        Official binh = official(unit("ngoai"));
        Official an = official(unit("tb"));
        awaitAccounts(binh, an);
        james.setPassword(an.email(), PASSWORD);
        String word = "congvanngoai" + SEQUENCE.incrementAndGet();

        // From outside, without authentication (as another mail server would deliver it).
        TestJames.send(connection, null, null, "van.thu@dongthap.gov.vn", "Công văn " + word, "Nội dung", binh.email());
        // From a mail client, logged in as the official.
        TestJames.send(connection, an.email(), PASSWORD, an.email(), "Trả lời " + word, "Đã nhận", binh.email());

        assertThat(awaitFound(word, reader(binh)).total()).isEqualTo(2);
        assertThat(search(word, reader(an)).hits()).singleElement()
                .satisfies(hit -> assertThat(hit.title()).isEqualTo("Trả lời " + word));
    }

    @Test
    void aCalendarAnswerIsAnnouncedToTheModulesWithItsRecipient() {
        Official organiser = official(unit("hop"));
        Official attendee = official(unit("hop"));
        awaitAccounts(organiser, attendee);
        String uid = "hop-" + SEQUENCE.incrementAndGet() + "@baclieu.gov.vn";
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Thu//VI\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261102T010000Z\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:" + attendee.email()
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        mailboxes.send(attendee.username(), Draft.of(List.of(organiser.email()), "Chấp nhận: Họp giao ban", "Tôi sẽ dự.")
                .withCalendar(CalendarPart.reply(ics)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(calendarEvents.received)
                .filteredOn(event -> event.ics().contains(uid)).singleElement().satisfies(event -> {
                    assertThat(event.recipientAddress()).isEqualTo(organiser.email());
                    assertThat(event.recipientUsername()).isEqualTo(organiser.username());
                    assertThat(event.fromAddress()).isEqualTo(attendee.email());
                    assertThat(event.method()).isEqualTo("REPLY");
                    assertThat(event.messageId()).isNotBlank().doesNotContain("<", ">");
                }));
        Optional<MessageLocation> stored = mailboxes.findByMessageId(organiser.username(),
                calendarEvents.received.stream().filter(event -> event.ics().contains(uid)).findFirst()
                        .map(CalendarMessageReceived::messageId).orElseThrow());
        assertThat(stored).isPresent();
    }

    @Test
    void anUnreadableSpoolFileIsSetAsideWithoutHoldingUpTheOthers() throws Exception {
        Official binh = official(unit("hong"));
        awaitAccounts(binh);
        Path spoolDir = jamesServer.archiveSpool().orElseThrow();
        Path broken = spoolDir.resolve("new").resolve("0000000000000-hong.eml");
        Files.writeString(broken, "not a spool file\r\n\r\n");
        String word = "sauloi" + SEQUENCE.incrementAndGet();

        TestJames.send(connection, null, null, "ai.do@example.org", "Thư " + word, "...", binh.email());

        assertThat(awaitFound(word, reader(binh)).total()).isEqualTo(1);
        assertThat(broken).doesNotExist();
        assertThat(spoolDir.resolve("failed").resolve(broken.getFileName())).exists();
    }

    @Test
    void aRebuildFromTheMailboxesKeepsEveryReader() {
        Unit unit = unit();
        Official an = official(unit("rb"));
        Official chi = official(unit);
        String unitAddress = unitAddress(unit);
        awaitAccounts(an, chi);
        await().atMost(Duration.ofSeconds(30)).until(() -> james.groupMembers(unitAddress).contains(chi.email()));
        String word = "xaylai" + SEQUENCE.incrementAndGet();
        mailboxes.send(an.username(), Draft.of(List.of(unitAddress), "Thông báo " + word, "..."));
        String id = awaitFound(word, reader(an)).hits().get(0).id();

        archive.delete("mail", id);
        await().atMost(Duration.ofSeconds(10)).until(() -> search(word, reader(an)).total() == 0);
        archive.rebuild("mail");

        assertThat(awaitFound(word, reader(an)).hits()).extracting(SearchResult.Hit::id).containsExactly(id);
        assertThat(search(word, Set.of(Reader.unit(unit.code()))).total()).isEqualTo(1);
        assertThat(search(word, reader(chi)).total()).isEqualTo(1); // chi holds a copy: now a reader by name too
    }

    @Test
    void spoolIsLeftAloneWhileAnotherInstanceIsDrainingIt() throws Exception {
        Official an = official(unit("cum"));
        Official binh = official(unit("cum"));
        awaitAccounts(an, binh);
        String word = "haiphienban" + SEQUENCE.incrementAndGet();
        Path ready = jamesServer.archiveSpool().orElseThrow().resolve("new");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherInstance = Executors.newSingleThreadExecutor();
        try {
            // Another instance is in a round: it holds the spool's cluster lock.
            Future<Boolean> round = otherInstance.submit(() -> cluster.runExclusively(MailArchiveSpool.TASK,
                    Duration.ofMinutes(1), () -> {
                        holding.countDown();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            mailboxes.send(an.username(), Draft.of(List.of(binh.email()), "Report " + word, "Plain text " + word));
            await().atMost(Duration.ofSeconds(30)).until(() -> spooled(ready, word));

            assertThat(spool.drainExclusively()).isFalse();
            assertThat(spooled(ready, word)).isTrue();
            assertThat(search(word, reader(binh)).total()).isZero();

            release.countDown();
            assertThat(round.get(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                spool.drainExclusively();
                return search(word, reader(binh)).total() == 1;
            });
            assertThat(spooled(ready, word)).isFalse();
        } finally {
            release.countDown();
            otherInstance.shutdownNow();
        }
    }

    // Fixtures

    private static boolean spooled(Path ready, String word) throws java.io.IOException {
        if (!Files.isDirectory(ready)) {
            return false;
        }
        try (Stream<Path> files = Files.list(ready)) {
            return files.anyMatch(file -> {
                try {
                    return Files.readString(file, StandardCharsets.ISO_8859_1).contains(word);
                } catch (java.io.IOException e) {
                    return false; // archived and deleted meanwhile
                }
            });
        }
    }

    private SearchResult awaitFound(String query, Set<Reader> principals) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            spool.drain();
            return search(query, principals).total() > 0;
        });
        return search(query, principals);
    }

    private SearchResult search(String query, Set<Reader> principals) {
        return archive.search(SearchRequest.of(query, principals));
    }

    private static Set<Reader> reader(Official official) {
        return Set.of(Reader.official(official.username()));
    }

    private Unit unit() {
        return unit("dv");
    }

    private Unit unit(String prefix) {
        int n = SEQUENCE.incrementAndGet();
        Unit province = directory.findUnitByCode("BL").orElseThrow();
        return administration.createUnit(ACTOR, new UnitDraft("BL-A" + prefix.toUpperCase() + n,
                "Phòng lưu trữ " + prefix + " " + n, UnitLevel.DEPARTMENT, province.id(), null, "lt" + prefix + n));
    }

    private Official official(Unit unit) {
        int n = SEQUENCE.incrementAndGet();
        String username = "luu.tru" + n + "." + Long.toString(System.nanoTime(), 36);
        return administration.createOfficial(ACTOR, new OfficialDraft(username, "Lê Lưu Trữ " + n, "Chuyên viên",
                unit.id(), username + "@" + TestJames.DOMAIN, "", Set.of(), null));
    }

    private String unitAddress(Unit unit) {
        Unit current = directory.findUnit(unit.id()).orElseThrow();
        return current.mailLocalPart() + "@" + directory.mailDomainOf(unit.id()).orElseThrow();
    }

    private void awaitAccounts(Official... officials) {
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(officials)
                .allMatch(official -> james.accountExists(official.email())));
    }
}
