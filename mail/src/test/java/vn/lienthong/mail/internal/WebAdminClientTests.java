package vn.lienthong.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.MailAdministrationException;
import vn.lienthong.mail.MailQuota;
import vn.lienthong.mail.testsupport.TestJames;

class WebAdminClientTests {

    private final JamesServer james = TestJames.shared();
    private final MailAdministration admin = james.administration();

    @Test
    void webAdminRefusesCallsWithoutTheAppsToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI domains = URI.create(james.connection().webadmin() + "/domains");

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(domains).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        // A well-formed admin token signed by some other key.
        String forged = JamesKeys.loadOrCreate(TestJames.temporaryFolder("forged-keys")).adminToken();
        HttpResponse<String> forgedCall = http.send(HttpRequest.newBuilder(domains)
                .header("Authorization", "Bearer " + forged).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forgedCall.statusCode()).isEqualTo(401);

        assertThat(admin.domains()).contains(TestJames.DOMAIN);
    }

    @Test
    void webAdminListensOnLoopbackOnly() {
        assertThat(james.connection().webadmin().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void domainsCanBeAddedListedAndRemoved() {
        String domain = "xa" + Long.toString(System.nanoTime(), 36) + ".baclieu.gov.vn";
        assertThat(admin.domainExists(domain)).isFalse();

        admin.addDomain(domain);
        assertThat(admin.domainExists(domain)).isTrue();
        assertThat(admin.domains()).contains(domain);

        admin.removeDomain(domain);
        assertThat(admin.domainExists(domain)).isFalse();
    }

    @Test
    void accountsAreCreatedOnceAndCanBeDeleted() {
        String address = TestJames.uniqueAddress("an.nguyen");
        admin.createAccount(address);
        admin.createAccount(address); // idempotent
        assertThat(admin.accountExists(address)).isTrue();
        assertThat(admin.accounts()).contains(address);

        admin.deleteAccount(address);
        assertThat(admin.accountExists(address)).isFalse();
    }

    @Test
    void accountsInAnUnknownDomainAreRefusedWithAClearError() {
        assertThatThrownBy(() -> admin.createAccount("someone@unknown-domain.example"))
                .isInstanceOf(MailAdministrationException.class)
                .hasMessageContaining("someone@unknown-domain.example");
    }

    @Test
    void quotasAreSetReadAndCleared() {
        String address = TestJames.uniqueAddress("quota");
        admin.createAccount(address);

        admin.setQuota(address, MailQuota.of(50L * 1024 * 1024, 10_000));
        assertThat(admin.quota(address)).isEqualTo(MailQuota.of(50L * 1024 * 1024, 10_000));

        admin.setQuota(address, MailQuota.unlimited());
        assertThat(admin.quota(address)).isEqualTo(MailQuota.unlimited());
    }

    @Test
    void aliasesAndGroupsAreKept() {
        String official = TestJames.uniqueAddress("binh.tran");
        String colleague = TestJames.uniqueAddress("chi.le");
        String alias = TestJames.uniqueAddress("binh.old");
        String unit = TestJames.uniqueAddress("vanphong");
        admin.createAccount(official);
        admin.createAccount(colleague);

        admin.addAlias(official, alias);
        assertThat(admin.aliases(official)).containsExactly(alias);

        admin.addGroupMember(unit, official);
        admin.addGroupMember(unit, colleague);
        assertThat(admin.groupMembers(unit)).containsExactlyInAnyOrder(official, colleague);
        assertThat(admin.groups()).contains(unit);

        admin.removeGroupMember(unit, colleague);
        assertThat(admin.groupMembers(unit)).containsExactly(official);
        admin.removeAlias(official, alias);
        assertThat(admin.aliases(official)).isEmpty();
        assertThat(admin.groupMembers(TestJames.uniqueAddress("no-such-group"))).isEmpty();
    }

    @Test
    void mailboxesAreCreatedAndCounted() {
        String address = TestJames.uniqueAddress("mailboxes");
        admin.createAccount(address);

        admin.createMailbox(address, "INBOX");
        admin.createMailbox(address, "Công văn");

        assertThat(admin.mailboxes(address)).contains("INBOX", "Công văn");
        assertThat(admin.messageCount(address, "Công văn")).isZero();
        assertThat(admin.unseenMessageCount(address, "INBOX")).isZero();
    }
}
