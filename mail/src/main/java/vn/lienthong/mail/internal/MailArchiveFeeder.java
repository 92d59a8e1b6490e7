package vn.lienthong.mail.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveFeeder;
import vn.lienthong.archive.Reader;
import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.Mailboxes;

/**
 * Re-feeds the archive from the mailboxes (a rebuild): every official's folders but Thư nháp, each message once per
 * Message-ID, read through the administrator acting for the official. Readers are those recorded when the mail was
 * archived first (table {@code mail_archive_reader}) plus every official holding a copy, so a rebuild neither widens
 * nor loses access. Accounts that belong to no official (the administrator, leftovers) are skipped.
 */
class MailArchiveFeeder implements ArchiveFeeder {

    private static final Logger log = LoggerFactory.getLogger(MailArchiveFeeder.class);
    private static final int BATCH = 50;

    private final MailAdministration administration;
    private final JamesConnection james;
    private final MailReaders readers;
    private final TransactionTemplate transactions;

    MailArchiveFeeder(MailAdministration administration, JamesConnection james, MailReaders readers,
                      TransactionTemplate transactions) {
        this.administration = administration;
        this.james = james;
        this.readers = readers;
        this.transactions = transactions;
    }

    @Override
    public String source() {
        return MailArchiveItems.SOURCE;
    }

    @Override
    public void refeed(Archive archive) {
        long started = System.nanoTime();
        // Per Message-ID, the readers it was last put with: a copy in another mailbox puts it again only if its owner
        // is new.
        Map<String, Set<Reader>> put = new HashMap<>();
        int messages = 0;
        for (String account : administration.accounts()) {
            if (account.equalsIgnoreCase(james.administrator())) {
                continue;
            }
            Optional<MailReaders.Local> owner = readers.resolve(account).filter(local -> local.username() != null);
            if (owner.isEmpty()) {
                continue;
            }
            try {
                messages += feedMailbox(account, Reader.official(owner.get().username()), archive, put);
            } catch (MessagingException e) {
                throw new IllegalStateException("Không đọc được hộp thư " + account + " (cannot read the mailbox)", e);
            }
        }
        log.info("Mail archive re-fed: {} messages read, {} distinct mails, in {} ms", messages, put.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private int feedMailbox(String account, Reader owner, Archive archive, Map<String, Set<Reader>> put)
            throws MessagingException {
        int count = 0;
        try (Store store = store(account)) {
            for (Folder folder : store.getDefaultFolder().list("*")) {
                if (Mailboxes.DRAFTS.equals(folder.getFullName()) || (folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
                    continue;
                }
                folder.open(Folder.READ_ONLY);
                try {
                    int total = folder.getMessageCount();
                    for (int first = 1; first <= total; first += BATCH) {
                        Message[] batch = folder.getMessages(first, Math.min(total, first + BATCH - 1));
                        FetchProfile profile = new FetchProfile();
                        profile.add(FetchProfile.Item.ENVELOPE);
                        folder.fetch(batch, profile);
                        for (Message message : batch) {
                            feed(new MimeMessage((MimeMessage) message), message.getReceivedDate(), owner, archive, put);
                            count++;
                        }
                    }
                } finally {
                    folder.close(false);
                }
            }
        }
        return count;
    }

    private void feed(MimeMessage message, java.util.Date received, Reader owner, Archive archive,
                      Map<String, Set<Reader>> put) {
        MailArchiveItems.Parsed mail;
        try {
            mail = MailArchiveItems.parse(message, received == null ? Instant.now() : received.toInstant());
        } catch (Exception e) {
            log.warn("Skipping an unreadable message while re-feeding the archive: {}", e.toString());
            return;
        }
        Set<Reader> before = put.get(mail.id());
        if (before != null && before.contains(owner)) {
            return;
        }
        Set<Reader> all = transactions.execute(status -> readers.remember(mail.id(), Set.of(owner)));
        Set<String> units = new LinkedHashSet<>();
        for (Reader reader : all) {
            if (reader.kind() == Reader.Kind.UNIT) {
                units.add(readers.unitCode(reader.name()));
            }
        }
        archive.put(MailArchiveItems.item(mail, all, units));
        put.put(mail.id(), all);
    }

    private Store store(String address) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "60000");
        properties.put("mail.imap.sasl.enable", "true");
        properties.put("mail.imap.sasl.mechanisms", "PLAIN");
        properties.put("mail.imap.sasl.authorizationid", address);
        properties.put("mail.mime.decodetext.strict", "false");
        // An external James offering STARTTLS gets TLS (certificate checked); the embedded one is on loopback.
        properties.put("mail.imap.starttls.enable", "true");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(james.host(), james.imapPort(), james.administrator(), james.administratorPassword());
        return store;
    }
}
