package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.directory.Directory;
import vn.lienthong.directory.DirectoryAdministration;
import vn.lienthong.directory.Official;
import vn.lienthong.directory.OfficialDraft;
import vn.lienthong.directory.Unit;
import vn.lienthong.directory.UnitDraft;
import vn.lienthong.directory.UnitLevel;
import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.MailProvisioning;
import vn.lienthong.mail.MailSyncReport;
import vn.lienthong.mail.testsupport.TestJames;

/** The directory drives James: accounts, unit groups, former addresses, deactivation and the repairing re-sync. */
@MailContext
class MailProvisioningTests {

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
    MailProvisioning provisioning;

    @Test
    void aNewOfficialGetsAnAccountWithTheDefaultQuotaAndReceivesMail() throws Exception {
        Unit unit = unit("vp", null);
        Official official = official(unit);

        awaitAccount(official.email());
        assertThat(james.quota(official.email()).maxBytes()).isPresent();
        send(official.email());
        awaitInbox(official.email(), 1);
    }

    @Test
    void mailToAUnitAddressReachesItsActiveOfficials() throws Exception {
        Unit unit = unit("phong", null);
        Official first = official(unit);
        Official second = official(unit);
        String unitAddress = address(unit);
        awaitMembers(unitAddress, first.email(), second.email());

        send(unitAddress);

        awaitInbox(first.email(), 1);
        awaitInbox(second.email(), 1);
    }

    @Test
    void aRenamedUnitAddressKeepsItsOldAddressWorking() throws Exception {
        Unit unit = unit("cu", null);
        Official member = official(unit);
        String oldAddress = address(unit);
        awaitMembers(oldAddress, member.email());

        Unit renamed = administration.updateUnit(ACTOR, unit.id(), new UnitDraft(unit.code(), unit.name() + " mới",
                unit.level(), unit.parentId(), unit.mailDomain(), "moi" + SEQUENCE.incrementAndGet()));
        String newAddress = address(renamed);
        awaitMembers(newAddress, member.email());

        send(oldAddress);
        send(newAddress);
        awaitInbox(member.email(), 2);
    }

    @Test
    void aMergedUnitsAddressReachesTheOfficialsOfTheUnitItWasMergedInto() throws Exception {
        Unit source = unit("nguon", null);
        Unit target = unit("dich", null);
        Official fromSource = official(source);
        Official ofTarget = official(target);
        String sourceAddress = address(source);
        awaitMembers(sourceAddress, fromSource.email());

        administration.mergeUnit(ACTOR, source.id(), target.id());
        awaitMembers(sourceAddress, fromSource.email(), ofTarget.email());

        send(sourceAddress);
        awaitInbox(fromSource.email(), 1);
        awaitInbox(ofTarget.email(), 1);
    }

    @Test
    void aChangedOfficialAddressMovesTheMailAndKeepsTheOldAddressAsAnAlias() throws Exception {
        Unit unit = unit("doi", null);
        Official official = official(unit);
        String oldEmail = official.email();
        awaitAccount(oldEmail);
        send(oldEmail);
        awaitInbox(oldEmail, 1);

        String newEmail = "moi." + official.username() + "@" + TestJames.DOMAIN;
        administration.updateOfficial(ACTOR, official.id(), draft(official, newEmail));
        awaitAccount(newEmail);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(james.accountExists(oldEmail)).isFalse();
            assertThat(james.aliases(newEmail)).contains(oldEmail);
            assertThat(james.groupMembers(address(unit))).containsExactly(newEmail);
        });

        send(oldEmail);
        awaitInbox(newEmail, 2);
    }

    @Test
    void aDeactivatedOfficialReceivesNoMoreMailButTheirMailIsKept() throws Exception {
        Unit unit = unit("nghi", null);
        Official leaving = official(unit);
        Official staying = official(unit);
        String unitAddress = address(unit);
        awaitMembers(unitAddress, leaving.email(), staying.email());
        send(leaving.email());
        awaitInbox(leaving.email(), 1);

        administration.deactivateOfficial(ACTOR, leaving.id());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(james.accountExists(leaving.email())).isFalse();
            assertThat(james.groupMembers(unitAddress)).containsExactly(staying.email());
        });

        assertThatThrownBy(() -> send(leaving.email())).isInstanceOf(MessagingException.class)
                .hasStackTraceContaining("550");
        send(unitAddress);
        awaitInbox(staying.email(), 1);

        // James 3.8.1's account deletion leaves the mailboxes: reactivation finds the old mail, and nothing new.
        administration.reactivateOfficial(ACTOR, leaving.id());
        awaitAccount(leaving.email());
        try (Store store = TestJames.imapActingAs(connection, connection.administrator(),
                connection.administratorPassword(), leaving.email())) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(Arrays.stream(inbox.getMessages()).map(MailProvisioningTests::subject))
                    .containsExactly("Thư số 1");
        }
    }

    @Test
    void aFullResyncRepairsADeletedAccountAndAMissingGroupMember() throws Exception {
        Unit unit = unit("sua", null);
        Official official = official(unit);
        String unitAddress = address(unit);
        awaitMembers(unitAddress, official.email());
        awaitAccount(official.email());
        provisioning.resyncAll(); // the start-up re-sync and queued changes are done: nothing else repairs below

        james.removeGroupMember(unitAddress, official.email());
        james.deleteAccount(official.email());

        MailSyncReport report = provisioning.resyncAll();

        assertThat(report.accountsCreated()).isGreaterThanOrEqualTo(1);
        assertThat(report.groupMembersAdded()).isGreaterThanOrEqualTo(1);
        assertThat(report.failures()).isEmpty();
        assertThat(james.accountExists(official.email())).isTrue();
        assertThat(james.groupMembers(unitAddress)).containsExactly(official.email());
        send(unitAddress);
        awaitInbox(official.email(), 1);
    }

    @Test
    void theDemoDirectoryIsProvisionedAtStartUp() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(james.domains()).contains("baclieu.gov.vn", "vinhloi.baclieu.gov.vn");
            assertThat(james.accountExists("an.nguyen@baclieu.gov.vn")).isTrue();
            assertThat(james.groupMembers("vanphong@baclieu.gov.vn")).contains("an.nguyen@baclieu.gov.vn");
        });
    }

    // Fixtures

    private Unit unit(String prefix, String domain) {
        int n = SEQUENCE.incrementAndGet();
        Unit province = directory.findUnitByCode("BL").orElseThrow();
        return administration.createUnit(ACTOR, new UnitDraft("BL-T" + prefix.toUpperCase() + n,
                "Phòng thử " + prefix + " " + n, UnitLevel.DEPARTMENT, province.id(), domain, prefix + n));
    }

    private Official official(Unit unit) {
        int n = SEQUENCE.incrementAndGet();
        String username = "thu.nghiem" + n;
        return administration.createOfficial(ACTOR, new OfficialDraft(username, "Nguyễn Thử Nghiệm " + n,
                "Chuyên viên", unit.id(), username + "@" + TestJames.DOMAIN, "", Set.of(), null));
    }

    private static OfficialDraft draft(Official official, String email) {
        return new OfficialDraft(official.username(), official.fullName(), official.title(), official.unitId(), email,
                official.phone(), official.roles(), official.managedUnitId());
    }

    private String address(Unit unit) {
        Unit current = directory.findUnit(unit.id()).orElseThrow();
        return current.mailLocalPart() + "@" + directory.mailDomainOf(unit.id()).orElseThrow();
    }

    private final AtomicInteger sent = new AtomicInteger();
    private String sender;

    private void send(String to) throws MessagingException {
        if (sender == null) {
            sender = TestJames.uniqueAddress("nguoi.gui");
            james.createAccount(sender);
            james.setPassword(sender, PASSWORD);
        }
        TestJames.send(connection, sender, PASSWORD, sender, "Thư số " + sent.incrementAndGet(), "Nội dung", to);
    }

    private void awaitAccount(String address) {
        await().atMost(Duration.ofSeconds(30)).until(() -> james.accountExists(address));
    }

    private void awaitMembers(String group, String... members) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(james.groupMembers(group)).containsExactlyInAnyOrder(members));
    }

    private void awaitInbox(String address, long count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(james.mailboxes(address)).contains("INBOX");
            assertThat(james.messageCount(address, "INBOX")).isEqualTo(count);
        });
    }

    private static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
