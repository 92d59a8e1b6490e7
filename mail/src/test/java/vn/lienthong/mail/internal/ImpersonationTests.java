package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import org.junit.jupiter.api.Test;

import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.testsupport.TestJames;

/** The webmail's way in: the administrator acts as one official, and officials stay out of each other's mail. */
class ImpersonationTests {

    private static final String PASSWORD = "mật-khẩu-thử";

    private final JamesServer james = TestJames.shared();
    private final JamesConnection connection = james.connection();
    private final MailAdministration admin = james.administration();

    @Test
    void theAdministratorOpensExactlyTheMailboxOfTheOfficialItActsAs() throws Exception {
        String an = TestJames.uniqueAddress("an");
        String binh = TestJames.uniqueAddress("binh");
        String sender = TestJames.uniqueAddress("sender");
        for (String address : new String[] {an, binh, sender}) {
            admin.createAccount(address); // random passwords: nobody but the administrator gets in
        }
        admin.setPassword(sender, PASSWORD);
        TestJames.send(connection, sender, PASSWORD, sender, "Cho An", "...", an);
        TestJames.send(connection, sender, PASSWORD, sender, "Cho Bình", "...", binh);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(admin.mailboxes(an)).contains("INBOX");
            assertThat(admin.messageCount(an, "INBOX")).isEqualTo(1);
            assertThat(admin.mailboxes(binh)).contains("INBOX");
            assertThat(admin.messageCount(binh, "INBOX")).isEqualTo(1);
        });

        try (Store store = TestJames.imapActingAs(connection, connection.administrator(),
                connection.administratorPassword(), an)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(Arrays.stream(inbox.getMessages()).map(ImpersonationTests::subject))
                    .containsExactly("Cho An");
        }
    }

    @Test
    void anOfficialCannotActAsAnother() {
        String an = TestJames.uniqueAddress("an");
        String binh = TestJames.uniqueAddress("binh");
        admin.createAccount(an);
        admin.createAccount(binh);
        admin.setPassword(an, PASSWORD);

        assertThatThrownBy(() -> TestJames.imapActingAs(connection, an, PASSWORD, binh).close())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void anOfficialCannotOpenAnothersMailbox() throws Exception {
        String an = TestJames.uniqueAddress("an");
        String binh = TestJames.uniqueAddress("binh");
        admin.createAccount(an);
        admin.createAccount(binh);
        admin.setPassword(an, PASSWORD);
        admin.createMailbox(binh, "INBOX");
        admin.createMailbox(binh, "Mật");

        try (Store store = TestJames.imap(connection, an, PASSWORD)) {
            Folder[] visible = store.getDefaultFolder().list("*");
            assertThat(Arrays.stream(visible).map(Folder::getFullName)).noneMatch(name -> name.contains("Mật"));
            for (Folder shared : store.getSharedNamespaces()) {
                assertThat(shared.list("*")).isEmpty();
            }
            Folder other = store.getFolder("#user." + binh.replace('.', '_') + ".INBOX");
            assertThatThrownBy(() -> other.open(Folder.READ_ONLY)).isInstanceOf(MessagingException.class);
        }
    }

    private static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
