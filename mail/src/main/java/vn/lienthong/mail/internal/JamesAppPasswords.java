package vn.lienthong.mail.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import vn.lienthong.mail.AppPassword;
import vn.lienthong.mail.AppPasswords;
import vn.lienthong.mail.MailAdministrationException;
import vn.lienthong.mail.MailClientSettings;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.NewAppPassword;

/**
 * {@link AppPasswords} kept by James (our WebAdmin routes): the app makes the password, hands James its SHA-256 and
 * shows the clear text once. Passwords are 20 letters from a 31-character alphabet without look-alikes (about 99 bits),
 * grouped by 5 for typing ({@code abcde-fghjk-mnpqr-stuvw}); that much randomness is why a fast unsalted hash is
 * enough.
 */
class JamesAppPasswords implements AppPasswords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0, 1
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebAdminClient james;
    private final Function<String, Optional<String>> addressOfUsername;
    private final Supplier<MailClientSettings> clientSettings;
    private final Clock clock;

    /**
     * @param clientSettings the servers, ports and security, with an empty username (filled in per official)
     */
    JamesAppPasswords(WebAdminClient james, Function<String, Optional<String>> addressOfUsername,
                      Supplier<MailClientSettings> clientSettings, Clock clock) {
        this.james = james;
        this.addressOfUsername = addressOfUsername;
        this.clientSettings = clientSettings;
        this.clock = clock;
    }

    @Override
    public NewAppPassword create(String username, String label) {
        String address = address(username);
        String name = label == null ? "" : MailComposer.nfc(label).strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new MailboxException("Tên mật khẩu ứng dụng phải có từ 1 đến 100 ký tự, ví dụ “Thunderbird máy văn "
                    + "phòng” (the label must be 1-100 characters)");
        }
        List<WebAdminClient.AppPasswordEntry> existing = entries(address);
        if (existing.size() >= MAX_PER_OFFICIAL) {
            throw new MailboxException("Đã có " + MAX_PER_OFFICIAL + " mật khẩu ứng dụng. Hãy thu hồi một mật khẩu "
                    + "không dùng nữa trước khi tạo mới (the limit is reached)");
        }
        String id = randomId();
        String password = randomPassword();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            james.putAppPassword(address, id, name, sha256(password), now);
        } catch (MailAdministrationException e) {
            throw new MailboxException("Không tạo được mật khẩu ứng dụng: " + e.getMessage(), e);
        }
        return new NewAppPassword(new AppPassword(id, name, now, null), address, password);
    }

    @Override
    public List<AppPassword> list(String username) {
        return entries(address(username)).stream()
                .map(entry -> new AppPassword(entry.id(), entry.label(), entry.createdAt(), entry.lastUsed()))
                .sorted(Comparator.comparing(AppPassword::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    @Override
    public void revoke(String username, String id) {
        String address = address(username);
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            return;
        }
        try {
            james.deleteAppPassword(address, id);
        } catch (MailAdministrationException e) {
            throw new MailboxException("Không thu hồi được mật khẩu ứng dụng: " + e.getMessage(), e);
        }
    }

    @Override
    public MailClientSettings clientSettings(String username) {
        MailClientSettings servers = clientSettings.get();
        return new MailClientSettings(address(username), servers.imapHost(), servers.imapPort(), servers.imapSecurity(),
                servers.smtpHost(), servers.smtpPort(), servers.smtpSecurity(), servers.certificateSha256());
    }

    private List<WebAdminClient.AppPasswordEntry> entries(String address) {
        try {
            return james.appPasswords(address);
        } catch (MailAdministrationException e) {
            throw new MailboxException("Không đọc được mật khẩu ứng dụng: " + e.getMessage(), e);
        }
    }

    private String address(String username) {
        return (username == null ? Optional.<String>empty() : addressOfUsername.apply(username))
                .orElseThrow(() -> new MailboxException("Không có hộp thư cho người dùng này (no mailbox for this user)"));
    }

    static String sha256(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static String randomId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
