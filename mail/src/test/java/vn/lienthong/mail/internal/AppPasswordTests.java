package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;

import vn.lienthong.mail.AppPassword;
import vn.lienthong.mail.AppPasswords;
import vn.lienthong.mail.MailClientSettings;
import vn.lienthong.mail.MailSettings;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.NewAppPassword;
import vn.lienthong.mail.testsupport.TestJames;

/**
 * App passwords for Thunderbird against the shared James's client ports: IMAP over TLS and SMTP with STARTTLS, with the
 * generated certificate, logins only inside TLS, revocation from the next login on.
 */
class AppPasswordTests extends MailboxTestSupport {

    private final MailSettings.Tls tls = TestJames.sharedSettings().tls();
    private final JamesTls.Keystore keystore = james.keystore().orElseThrow();
    private final AppPasswords appPasswords = new JamesAppPasswords(james.administration(),
            username -> java.util.Optional.ofNullable(officials.get(username)),
            () -> new MailClientSettings("", tls.clientHost(), tls.imapPort(), "SSL/TLS", tls.clientHost(),
                    tls.smtpPort(), "STARTTLS", keystore.fingerprint()), Clock.systemUTC());

    @Test
    void anAppPasswordWorksForImapAndSmtpOverTlsUntilItIsRevoked() throws Exception {
        String an = official("an");
        String binh = official("binh");

        NewAppPassword created = appPasswords.create("an", "Thunderbird máy văn phòng");

        assertThat(created.username()).isEqualTo(an);
        assertThat(created.password()).matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");
        try (Store store = imaps(an, created.password())) {
            assertThat(store.getFolder("INBOX").exists()).isTrue();
        }
        submit(an, created.password(), binh, "Gửi từ Thunderbird");
        awaitInbox(binh, 1);
        assertThat(appPasswords.list("an")).singleElement().satisfies(listed -> {
            assertThat(listed.label()).isEqualTo("Thunderbird máy văn phòng");
            assertThat(listed.lastUsed()).isNotNull();
        });

        appPasswords.revoke("an", created.appPassword().id());

        assertThatThrownBy(() -> imaps(an, created.password()).close()).isInstanceOf(AuthenticationFailedException.class);
        assertThat(appPasswords.list("an")).isEmpty();
    }

    @Test
    void loginsOnTheClientPortsHappenOnlyInsideTls() throws Exception {
        String an = official("an");
        NewAppPassword created = appPasswords.create("an", "Thunderbird");
        Properties plain = new Properties();
        plain.put("mail.smtp.auth", "false"); // we try AUTH by hand below
        plain.put("mail.smtp.starttls.enable", "false");
        plain.put("mail.smtp.connectiontimeout", "5000");
        plain.put("mail.smtp.timeout", "10000");

        try (SMTPTransport transport = (SMTPTransport) Session.getInstance(plain).getTransport("smtp")) {
            transport.connect(tls.bindHost(), tls.smtpPort(), null, null);
            assertThat(transport.supportsExtension("STARTTLS")).isTrue();
            assertThat(transport.supportsExtension("AUTH")).isFalse();
            String plainAuth = java.util.Base64.getEncoder().encodeToString(("\0" + an + "\0" + created.password())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThatThrownBy(() -> transport.issueCommand("AUTH PLAIN " + plainAuth, 235))
                    .isInstanceOf(MessagingException.class);
        }
        // IMAP there speaks TLS only: a plain-text client gets no greeting it can log in to.
        Properties plainImap = new Properties();
        plainImap.put("mail.imap.connectiontimeout", "5000");
        plainImap.put("mail.imap.timeout", "5000");
        try (Store store = Session.getInstance(plainImap).getStore("imap")) {
            assertThatThrownBy(() -> store.connect(tls.bindHost(), tls.imapPort(), an, created.password()))
                    .isInstanceOf(MessagingException.class);
        }
    }

    @Test
    void anOfficialSeesAndRevokesOnlyTheirOwnAppPasswords() throws Exception {
        String an = official("an");
        official("binh");
        NewAppPassword ofAn = appPasswords.create("an", "Điện thoại");

        assertThat(appPasswords.list("binh")).isEmpty();
        appPasswords.revoke("binh", ofAn.appPassword().id());
        assertThat(appPasswords.list("an")).extracting(AppPassword::id).containsExactly(ofAn.appPassword().id());
        assertThatThrownBy(() -> imaps(officials.get("binh"), ofAn.password()).close())
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> appPasswords.create("an", "  "))
                .isInstanceOf(MailboxException.class).hasMessageContaining("từ 1 đến 100 ký tự");
        assertThatThrownBy(() -> appPasswords.list("nobody")).isInstanceOf(MailboxException.class);
        try (Store store = imaps(an, ofAn.password())) {
            assertThat(store.getFolder("INBOX").exists()).isTrue();
        }
    }

    @Test
    void aRemovedAccountForgetsItsAppPasswords() throws Exception {
        String an = official("an");
        NewAppPassword created = appPasswords.create("an", "Thunderbird");

        admin.deleteAccount(an);
        admin.createAccount(an);

        assertThat(appPasswords.list("an")).isEmpty();
        assertThatThrownBy(() -> imaps(an, created.password()).close()).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void theClientSettingsNameTheTlsPortsAndTheCertificate() {
        official("an");

        MailClientSettings settings = appPasswords.clientSettings("an");

        assertThat(settings.username()).isEqualTo(officials.get("an"));
        assertThat(settings.imapPort()).isEqualTo(tls.imapPort());
        assertThat(settings.smtpSecurity()).isEqualTo("STARTTLS");
        assertThat(settings.certificateSha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    // Clients that trust exactly the generated certificate and check the host name, as Thunderbird does once the
    // official accepted it.

    private Store imaps(String user, String password) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imaps.ssl.socketFactory", trustingOurCertificate());
        properties.put("mail.imaps.ssl.checkserveridentity", "true");
        properties.put("mail.imaps.connectiontimeout", "5000");
        properties.put("mail.imaps.timeout", "10000");
        Store store = Session.getInstance(properties).getStore("imaps");
        store.connect(tls.clientHost(), tls.imapPort(), user, password);
        return store;
    }

    private void submit(String user, String password, String to, String subject) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.socketFactory", trustingOurCertificate());
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(user));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText("...", "UTF-8");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(tls.clientHost(), tls.smtpPort(), user, password);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private SSLSocketFactory trustingOurCertificate() throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore.file())) {
            server.load(in, keystore.password().toCharArray());
        }
        Certificate certificate = server.getCertificate(List.copyOf(java.util.Collections.list(server.aliases())).get(0));
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("lienthong", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
