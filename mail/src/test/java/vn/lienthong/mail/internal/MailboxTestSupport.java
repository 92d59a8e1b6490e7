package vn.lienthong.mail.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.testsupport.TestJames;

/**
 * The webmail's mailbox service over the shared James, for officials a test makes up: each {@link #official}
 * gets a fresh account, and the service finds its address the way the directory would.
 */
abstract class MailboxTestSupport {

    static final String PASSWORD = "mật-khẩu-thử";

    final JamesServer james = TestJames.shared();
    final JamesConnection connection = james.connection();
    final MailAdministration admin = james.administration();
    final Map<String, String> officials = new ConcurrentHashMap<>();
    final Mailboxes mailboxes = new ImapMailboxes(connection,
            username -> Optional.ofNullable(officials.get(username)));

    void awaitInbox(String address, long count) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> admin.mailboxes(address).contains("INBOX")
                        && admin.messageCount(address, "INBOX") == count);
    }

    String official(String username) {
        String address = TestJames.uniqueAddress(username);
        admin.createAccount(address);
        admin.setPassword(address, PASSWORD);
        officials.put(username, address);
        return address;
    }
}
