package vn.lienthong.mail.james;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The app passwords of every account: label, SHA-256 of the password, creation and last use. The app generates the
 * passwords (random, 100+ bits, so an unsalted fast hash is enough: nobody can guess one from its hash) and sends only
 * the hash over WebAdmin; the clear text is never stored anywhere.
 *
 * <p>Kept in one JSON file under James's working directory ({@code var/store/app-passwords.json}), replaced
 * atomically on every change; a last use is written at most once per {@link #LAST_USE_GRANULARITY} per password.
 * Thread-safe (every method is synchronised: logins are rare next to everything else James does).
 */
public class AppPasswordStore {

    static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);
    static final int MAX_PER_ACCOUNT = 20;

    /** One stored app password; {@code hash} is the lower-case hex SHA-256 of the UTF-8 password. */
    public record Entry(String id, String label, String hash, Instant createdAt, Instant lastUsed) {
    }

    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, List<Entry>> byAccount;

    public AppPasswordStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.byAccount = load();
    }

    public synchronized List<Entry> list(String account) {
        return List.copyOf(byAccount.getOrDefault(key(account), List.of()));
    }

    /**
     * Adds or replaces (same id) an app password.
     *
     * @throws IllegalStateException when the account already has {@link #MAX_PER_ACCOUNT}
     */
    public synchronized void put(String account, Entry entry) {
        List<Entry> entries = new ArrayList<>(byAccount.getOrDefault(key(account), List.of()));
        entries.removeIf(existing -> existing.id().equals(entry.id()));
        if (entries.size() >= MAX_PER_ACCOUNT) {
            throw new IllegalStateException("at most " + MAX_PER_ACCOUNT + " app passwords per account");
        }
        entries.add(entry);
        byAccount.put(key(account), entries);
        save();
    }

    /** Removes one; false when there was none with this id. */
    public synchronized boolean remove(String account, String id) {
        List<Entry> entries = new ArrayList<>(byAccount.getOrDefault(key(account), List.of()));
        boolean removed = entries.removeIf(existing -> existing.id().equals(id));
        if (removed) {
            if (entries.isEmpty()) {
                byAccount.remove(key(account));
            } else {
                byAccount.put(key(account), entries);
            }
            save();
        }
        return removed;
    }

    public synchronized void removeAll(String account) {
        if (byAccount.remove(key(account)) != null) {
            save();
        }
    }

    /** Whether the password is one of the account's app passwords; records its use. */
    public synchronized boolean matches(String account, String password) {
        List<Entry> entries = byAccount.get(key(account));
        if (entries == null || password == null) {
            return false;
        }
        byte[] candidate = sha256(password);
        Optional<Entry> match = Optional.empty();
        for (Entry entry : entries) {
            // Every entry is compared, in constant time, so the time taken says nothing about which one matched.
            if (MessageDigest.isEqual(candidate, HexFormat.of().parseHex(entry.hash())) && match.isEmpty()) {
                match = Optional.of(entry);
            }
        }
        match.ifPresent(entry -> recordUse(account, entries, entry));
        return match.isPresent();
    }

    public static String hash(String password) {
        return HexFormat.of().formatHex(sha256(password));
    }

    private void recordUse(String account, List<Entry> entries, Entry entry) {
        Instant now = clock.instant();
        if (entry.lastUsed() != null && entry.lastUsed().plus(LAST_USE_GRANULARITY).isAfter(now)) {
            return;
        }
        List<Entry> updated = new ArrayList<>(entries);
        updated.replaceAll(e -> e.id().equals(entry.id())
            ? new Entry(e.id(), e.label(), e.hash(), e.createdAt(), now) : e);
        byAccount.put(key(account), updated);
        save();
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String account) {
        return account.strip().toLowerCase(Locale.ROOT);
    }

    private Map<String, List<Entry>> load() {
        try {
            if (!Files.exists(file)) {
                return new LinkedHashMap<>();
            }
            return new LinkedHashMap<>(json.readValue(Files.readAllBytes(file),
                new TypeReference<Map<String, List<Entry>>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the app passwords in " + file, e);
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, json.writeValueAsBytes(byAccount));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the app passwords in " + file, e);
        }
    }
}
