package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import org.junit.jupiter.api.Test;

import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.testsupport.TestJames;

/** Submission over SMTP with AUTH, delivery into IMAP INBOXes, and no open relay. */
class MailDeliveryTests {

    private static final String PASSWORD = "mật-khẩu-thử";

    private final JamesServer james = TestJames.shared();
    private final JamesConnection connection = james.connection();
    private final MailAdministration admin = james.administration();

    private String account(String name) {
        String address = TestJames.uniqueAddress(name);
        admin.createAccount(address);
        admin.setPassword(address, PASSWORD);
        return address;
    }

    @Test
    void authenticatedSubmissionReachesTheRecipientsInbox() throws Exception {
        String an = account("an.nguyen");
        String binh = account("binh.tran");

        TestJames.send(connection, an, PASSWORD, an, "Công văn số 12/UBND", "Kính gửi anh Bình", binh);

        awaitMessages(binh, 1);
        try (Store store = TestJames.imap(connection, binh, PASSWORD)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message message = inbox.getMessage(1);
            assertThat(message.getSubject()).isEqualTo("Công văn số 12/UBND");
            assertThat(message.getFrom()[0].toString()).isEqualTo(an);
            assertThat(((String) message.getContent()).strip()).isEqualTo("Kính gửi anh Bình");
        }
    }

    @Test
    void mailToAUnitGroupReachesEveryMemberAndMailToAnAliasReachesItsAccount() throws Exception {
        String sender = account("sender");
        String first = account("member.one");
        String second = account("member.two");
        String unit = TestJames.uniqueAddress("phong.noivu");
        String alias = TestJames.uniqueAddress("old.name");
        admin.addGroupMember(unit, first);
        admin.addGroupMember(unit, second);
        admin.addAlias(second, alias);

        TestJames.send(connection, sender, PASSWORD, sender, "Họp giao ban", "Thứ hai, 8 giờ", unit);
        TestJames.send(connection, sender, PASSWORD, sender, "Thư theo tên cũ", "...", alias);

        awaitMessages(first, 1);
        awaitMessages(second, 2);
    }

    @Test
    void anAccountMaySendAsItsOwnAlias() throws Exception {
        String owner = account("owner");
        String alias = TestJames.uniqueAddress("owner.alias");
        String recipient = account("recipient");
        admin.addAlias(owner, alias);

        TestJames.send(connection, owner, PASSWORD, alias, "Gửi bằng bí danh", "...", recipient);

        awaitMessages(recipient, 1);
    }

    @Test
    void unauthenticatedMailToAnOutsideDomainIsRefused() {
        assertThatThrownBy(() -> TestJames.send(connection, null, null, "spammer@outside.example", "relay?", "...",
                "victim@elsewhere.example"))
                .isInstanceOf(MessagingException.class)
                .hasStackTraceContaining("530");
    }

    @Test
    void anAuthenticatedUserCannotSendAsAnotherAddress() {
        String an = account("an");
        String binh = account("binh");
        String recipient = account("target");
        admin.createMailbox(recipient, "INBOX");

        assertThatThrownBy(() -> TestJames.send(connection, an, PASSWORD, binh, "Giả danh", "...", recipient))
                .isInstanceOf(MessagingException.class)
                .hasStackTraceContaining("503");
        assertThat(admin.messageCount(recipient, "INBOX")).isZero();
    }

    @Test
    void aWrongPasswordIsRefused() {
        String an = account("wrong.password");

        assertThatThrownBy(() -> TestJames.send(connection, an, "not-the-password", an, "?", "...", an))
                .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
    }

    private void awaitMessages(String address, long count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(admin.mailboxes(address)).contains("INBOX");
            assertThat(admin.messageCount(address, "INBOX")).isEqualTo(count);
        });
    }
}
