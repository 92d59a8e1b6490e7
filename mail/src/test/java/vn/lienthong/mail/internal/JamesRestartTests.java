package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.mail.Folder;
import jakarta.mail.Store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.testsupport.TestJames;

/**
 * Durability and supervision, on a James of its own (its own data folder): what was delivered and provisioned is
 * still there after a stop and start, and a James that dies is started again by the supervisor.
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
    void mailAccountsDomainsAndAliasesSurviveAStopAndStart() throws Exception {
        long firstPid = supervisor.process().orElseThrow().pid();
        supervisor.stop();
        assertThat(supervisor.healthy()).isFalse();

        supervisor.start();

        assertThat(supervisor.process().orElseThrow().pid()).isNotEqualTo(firstPid);
        assertDataIsThere();
    }

    @Test
    @Order(2)
    void theSupervisorStartsAKilledJamesAgain() throws Exception {
        ProcessHandle child = supervisor.process().orElseThrow();
        int restartsBefore = supervisor.restarts();

        child.destroyForcibly();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(supervisor.restarts()).isEqualTo(restartsBefore + 1);
            assertThat(supervisor.process()).hasValueSatisfying(p -> assertThat(p.pid()).isNotEqualTo(child.pid()));
            assertThat(supervisor.healthy()).isTrue();
        });
        assertDataIsThere();
    }

    private static void assertDataIsThere() throws Exception {
        MailAdministration admin = james.administration();
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
