package vn.lienthong.directory.identity;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import vn.lienthong.directory.ProductionSettingsGuard;

/**
 * With profile {@code prod}, refuses to start on unsafe identity settings, before any other bean is made, naming
 * each setting to fix: a missing, short or well-known client secret; an embedded provider whose key folder cannot
 * be written; a plain-http {@code lienthong.base-url} on a host other than this machine; the demo profile or demo
 * data switched on as well.
 */
@Component
class ProductionGuard extends ProductionSettingsGuard {

    static final int MIN_SECRET_LENGTH = 16;

    /** Secrets seen in examples and defaults; compared ignoring case. */
    static final Set<String> KNOWN_SECRETS = Set.of("secret", "changeme", "change-me", "changeit", "password",
            "lienthong", "lienthong-secret", "lienthong-demo", "client-secret", "admin", "demo", "test", "keycloak",
            "00000000000000000000000000000000", "**********");

    ProductionGuard() {
        super("cấu hình chưa an toàn", "unsafe settings");
    }

    @Override
    protected List<String> problemsIn(Environment environment) {
        return problems(environment);
    }

    static List<String> problems(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> problems = new ArrayList<>();

        String secret = binder.bind("lienthong.identity.client-secret", String.class).orElse("").strip();
        if (secret.isEmpty()) {
            problems.add("lienthong.identity.client-secret (LIENTHONG_IDENTITY_CLIENT_SECRET) chưa đặt (is not set); "
                    + "use a random value of at least " + MIN_SECRET_LENGTH + " characters");
        }
        else if (KNOWN_SECRETS.contains(secret.toLowerCase(Locale.ROOT)) || secret.length() < MIN_SECRET_LENGTH) {
            problems.add("lienthong.identity.client-secret là giá trị mặc định hoặc quá ngắn (is a known default or "
                    + "shorter than " + MIN_SECRET_LENGTH + " characters)");
        }

        String provider = binder.bind("lienthong.identity.provider", String.class).orElse("embedded");
        String dataDir = binder.bind("lienthong.data-dir", String.class).orElse("./data");
        if ("embedded".equalsIgnoreCase(provider.strip()) && !new IdentityFiles(Path.of(dataDir)).writable()) {
            problems.add("lienthong.data-dir (LIENTHONG_DATA): thư mục " + Path.of(dataDir).resolve("identity")
                    .toAbsolutePath().normalize() + " không ghi được (is not writable); the embedded identity "
                    + "provider keeps its signing key there");
        }

        String baseUrl = binder.bind("lienthong.base-url", String.class).orElse("");
        if (!secureOrLocal(baseUrl)) {
            problems.add("lienthong.base-url (LIENTHONG_BASE_URL) = " + baseUrl + ": phải dùng https (must be https "
                    + "unless the host is this machine)");
        }

        boolean demoData = binder.bind("lienthong.demo.enabled", Boolean.class).orElse(false);
        if (environment.acceptsProfiles(Profiles.of("demo")) || demoData) {
            problems.add("profile 'demo' / lienthong.demo.enabled: dữ liệu và mật khẩu mẫu không được bật cùng 'prod' "
                    + "(demo data and its password must not run in production)");
        }
        return problems;
    }

    private static boolean secureOrLocal(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        if ("https".equals(uri.getScheme())) {
            return true;
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            return false;
        }
        String host = uri.getHost();
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            // Literal addresses only: a name is not resolved (no DNS lookup at start-up).
            return looksLikeAddress(host) && InetAddress.getByName(host).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

    private static boolean looksLikeAddress(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }
}
