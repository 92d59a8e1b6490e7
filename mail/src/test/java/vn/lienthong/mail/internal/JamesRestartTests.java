package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.mail.Folder;
import jakarta.mail.Store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.testsupport.TestJames;

/**
 * Durability and supervision, on a James of its own (its own data folder): what was delivered and provisioned is
 * still there after an app restart (James stopped, then a new {@link JamesServer} over the same data folder, as a new
 * app process would make) and after the supervisor restarted a James that was killed. Mail spooled for the archive
 * and app passwords survive too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JamesRestartTests {

    private static final String PASSWORD = "mật-khẩu-thử";
    private static final String DOMAIN = "vinhloi.baclieu.gov.vn";
    private static final String AN = "an.nguyen@" + DOMAIN;
    private static final String BINH = "binh.tran@" + DOMAIN;
    private static final String ALIAS = "an.cu@" + DOMAIN;
    private static final String UNIT = "vanphong@" + DOMAIN;

    private static Path dataDir;
    private static JamesServer james;
    private static JamesSupervisor supervisor;
    private static String appPassword;
    private static long spooledBefore;

    @BeforeAll
    static void startJames() throws Exception {
        dataDir = TestJames.temporaryFolder("lienthong-james-restart");
        james = TestJames.start(dataDir);
        supervisor = james.supervisor().orElseThrow();

        MailAdministration admin = james.administration();
        admin.addDomain(DOMAIN);
        admin.createAccount(AN);
        admin.createAccount(BINH);
        admin.setPassword(AN, PASSWORD);
        admin.setPassword(BINH, PASSWORD);
        admin.addAlias(AN, ALIAS);
        admin.addGroupMember(UNIT, AN);
        admin.addGroupMember(UNIT, BINH);
        TestJames.send(james.connection(), BINH, PASSWORD, BINH, "Trước khi khởi động lại", "Nội dung", AN);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(admin.mailboxes(AN)).contains("INBOX");
            assertThat(admin.messageCount(AN, "INBOX")).isEqualTo(1);
        });
        appPassword = new JamesAppPasswords(james.administration(), username -> java.util.Optional.of(AN),
                () -> null, java.time.Clock.systemUTC()).create("an", "Thunderbird").password();
        spooledBefore = spooled();
        assertThat(spooledBefore).isPositive(); // nobody empties this James's archive spool
    }

    @AfterAll
    static void stopJames() {
        if (supervisor != null) {
            supervisor.stop();
        }
        TestJames.deleteQuietly(dataDir);
    }

    @Test
    @Order(1)
    void mailAccountsAliasesAppPasswordsAndTheArchiveSpoolSurviveAnAppRestart() throws Exception {
        long firstPid = supervisor.process().orElseThrow().pid();
        supervisor.stop();
        assertThat(supervisor.healthy()).isFalse();

        james = TestJames.start(dataDir); // a new app: new ports, everything else read from the data folder
        supervisor = james.supervisor().orElseThrow();

        assertThat(supervisor.process().orElseThrow().pid()).isNotEqualTo(firstPid);
        assertDataIsThere();
    }

    @Test
    @Order(2)
    void theSupervisorStartsAKilledJamesAgainAndTheWebmailGoesOnWithNewConnections() throws Exception {
        // The webmail keeps IMAP sessions and SMTP connections between calls: they die with James.
        try (ImapMailboxes webmail = new ImapMailboxes(james.connection(), username -> java.util.Optional.of(
                "an".equals(username) ? AN : BINH))) {
            assertThat(webmail.list("an", Mailboxes.INBOX, 1, 20).total()).isPositive();
            webmail.send("binh", Draft.of(List.of(AN), "Trước khi James chết", "..."));
            ProcessHandle child = supervisor.process().orElseThrow();
            int restartsBefore = supervisor.restarts();

            child.destroyForcibly();

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(supervisor.restarts()).isEqualTo(restartsBefore + 1);
                assertThat(supervisor.process()).hasValueSatisfying(p -> assertThat(p.pid()).isNotEqualTo(child.pid()));
                assertThat(supervisor.healthy()).isTrue();
            });
            assertDataIsThere();
            webmail.send("binh", Draft.of(List.of(AN), "Sau khi James chạy lại", "..."));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    webmail.list("an", Mailboxes.INBOX, 1, 50).messages()).extracting(m -> m.subject())
                    .contains("Trước khi James chết", "Sau khi James chạy lại"));
        }
    }

    @Test
    @Order(3)
    void aJamesThatCannotStartSaysWhyInTheFailureNotOnlyInItsLog() throws Exception {
        supervisor.stop();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            JamesServer blocked = JamesServer.create(TestJames.settings(taken.getLocalPort()), dataDir);
            JamesSupervisor blockedSupervisor = blocked.supervisor().orElseThrow();

            assertThatThrownBy(blockedSupervisor::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("James exited while starting")
                    .hasMessageContaining("Address already in use");
            assertThat(blockedSupervisor.lastFailure()).hasValueSatisfying(failure ->
                    assertThat(failure).contains("Address already in use"));
            assertThat(blockedSupervisor.process()).isEmpty();
        }
    }

    private static long spooled() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(james.archiveSpool().orElseThrow()
                .resolve("new"))) {
            return files.count();
        }
    }

    private static void assertDataIsThere() throws Exception {
        MailAdministration admin = james.administration();
        assertThat(spooled()).isGreaterThanOrEqualTo(spooledBefore);
        // The app password still opens the mailbox (the app's loopback IMAP port accepts it as well).
        try (Store store = TestJames.imap(james.connection(), AN, appPassword)) {
            assertThat(store.getFolder("INBOX").exists()).isTrue();
        }
        assertThat(admin.domains()).contains(DOMAIN);
        assertThat(admin.accounts()).contains(AN, BINH);
        assertThat(admin.aliases(AN)).containsExactly(ALIAS);
        assertThat(admin.groupMembers(UNIT)).containsExactlyInAnyOrder(AN, BINH);
        try (Store store = TestJames.imap(james.connection(), AN, PASSWORD)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            // The first message ever delivered, before any restart.
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Trước khi khởi động lại");
            assertThat(inbox.getMessageCount()).isEqualTo((int) admin.messageCount(AN, "INBOX"));
        }
        // And the restarted James still delivers, including to the unit address.
        TestJames.send(james.connection(), BINH, PASSWORD, BINH, "Sau khi khởi động lại", "...", UNIT);
        long expected = admin.messageCount(AN, "INBOX") + 1;
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(admin.messageCount(AN, "INBOX")).isEqualTo(expected));
    }
}
