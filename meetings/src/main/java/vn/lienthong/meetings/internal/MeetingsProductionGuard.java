package vn.lienthong.meetings.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.lienthong.directory.ProductionSettingsGuard;

/**
 * With profile {@code prod}, refuses to start while the Jitsi secrets are the development defaults (anyone who read
 * this code could sign room tokens or fake Prosody's hooks), too short, or missing; before any other bean is made,
 * naming each setting to fix.
 */
@Component
class MeetingsProductionGuard extends ProductionSettingsGuard {

    static final int MIN_SECRET_LENGTH = 32;
    private static final Set<String> KNOWN = Set.of("secret", "changeme", "change-me", "password", "jitsi",
            "lienthong", MeetingsSettings.Jitsi.DEFAULT_SECRET, MeetingsSettings.Jitsi.DEFAULT_HOOK_SECRET);

    MeetingsProductionGuard() {
        super("cấu hình Jitsi chưa an toàn", "unsafe Jitsi settings");
    }

    @Override
    protected List<String> problemsIn(Environment environment) {
        return problems(environment);
    }

    static List<String> problems(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> problems = new ArrayList<>();
        boolean rs256 = !binder.bind("lienthong.meetings.jitsi.private-key", String.class).orElse("").isBlank();
        if (!rs256) {
            String secret = binder.bind("lienthong.meetings.jitsi.secret", String.class)
                    .orElse(MeetingsSettings.Jitsi.DEFAULT_SECRET);
            if (unsafe(secret)) {
                problems.add("lienthong.meetings.jitsi.secret (LIENTHONG_MEETINGS_JITSI_SECRET) là giá trị mặc định "
                        + "hoặc ngắn hơn " + MIN_SECRET_LENGTH + " ký tự (is the development default or shorter than "
                        + MIN_SECRET_LENGTH + " characters); set Prosody's app_secret, or use private-key (RS256)");
            }
        }
        String hookSecret = binder.bind("lienthong.meetings.jitsi.hook-secret", String.class)
                .orElse(MeetingsSettings.Jitsi.DEFAULT_HOOK_SECRET);
        if (unsafe(hookSecret)) {
            problems.add("lienthong.meetings.jitsi.hook-secret (LIENTHONG_MEETINGS_JITSI_HOOK_SECRET) là giá trị mặc "
                    + "định hoặc ngắn hơn " + MIN_SECRET_LENGTH + " ký tự (is the development default or shorter than "
                    + MIN_SECRET_LENGTH + " characters); the same value goes into Prosody's reservations_api_headers "
                    + "and event_sync api_headers");
        }
        return problems;
    }

    private static boolean unsafe(String secret) {
        String value = secret == null ? "" : secret.strip();
        return value.length() < MIN_SECRET_LENGTH || KNOWN.contains(value.toLowerCase(Locale.ROOT))
                || KNOWN.contains(value);
    }
}
