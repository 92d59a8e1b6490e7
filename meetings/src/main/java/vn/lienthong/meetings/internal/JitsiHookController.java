package vn.lienthong.meetings.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prosody's hooks, machine to machine, under {@code /api/v1/meetings/jitsi}: no login and no CSRF token (the
 * security chain must let these paths through), authenticated here by the shared secret Prosody sends in
 * {@code lienthong.meetings.jitsi.hook-header} ({@code reservations_api_headers} / {@code api_headers}), compared in
 * constant time. Without a configured secret every hook is refused.
 *
 * <ul>
 *   <li>{@code POST /conference} (form: {@code name}, {@code start_time}, {@code mail_owner}), {@code GET} and
 *       {@code DELETE /conference/{id}}: the reservation API of {@code mod_reservations};</li>
 *   <li>{@code POST /events/room/created|destroyed}, {@code /events/occupant/joined|left}: {@code event_sync}.</li>
 * </ul>
 */
@RestController
@RequestMapping(path = JitsiHookController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class JitsiHookController {

    static final String PATH = "/api/v1/meetings/jitsi";

    private static final Logger log = LoggerFactory.getLogger(JitsiHookController.class);

    private final JitsiHooks hooks;
    private final MeetingsSettings.Jitsi settings;

    JitsiHookController(JitsiHooks hooks, MeetingsSettings settings) {
        this.hooks = hooks;
        this.settings = settings.jitsi();
    }

    @PostMapping(path = "/conference", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> reserve(@RequestHeader Map<String, String> headers,
                                                @RequestParam(required = false) String name,
                                                @RequestParam(name = "start_time", required = false) String startTime,
                                                @RequestParam(name = "mail_owner", required = false) String mailOwner) {
        if (!authentic(headers)) {
            return unauthorized();
        }
        return answer(hooks.reserve(name, startTime, mailOwner));
    }

    @GetMapping("/conference/{id}")
    ResponseEntity<Map<String, Object>> reservation(@RequestHeader Map<String, String> headers,
                                                    @PathVariable long id) {
        if (!authentic(headers)) {
            return unauthorized();
        }
        return answer(hooks.reservation(id));
    }

    @DeleteMapping("/conference/{id}")
    ResponseEntity<Map<String, Object>> release(@RequestHeader Map<String, String> headers, @PathVariable long id) {
        if (!authentic(headers)) {
            return unauthorized();
        }
        return answer(hooks.release(id));
    }

    @PostMapping(path = "/events/room/created", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> roomCreated(@RequestHeader Map<String, String> headers,
                                                    @RequestBody Map<String, Object> event) {
        if (!authentic(headers)) {
            return unauthorized();
        }
        return ok(hooks.roomCreated(room(event), time(event.get("created_at"))));
    }

    @PostMapping(path = "/events/room/destroyed", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> roomDestroyed(@RequestHeader Map<String, String> headers,
                                                      @RequestBody Map<String, Object> event) {
        if (!authentic(headers)) {
            return unauthorized();
        }
        List<JitsiHooks.Occupant> occupants = new ArrayList<>();
        if (event.get("all_occupants") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    occupants.add(occupant(map));
                }
            }
        }
        return ok(hooks.roomDestroyed(room(event), time(event.get("destroyed_at")), occupants));
    }

    @PostMapping(path = "/events/occupant/joined", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> occupantJoined(@RequestHeader Map<String, String> headers,
                                                       @RequestBody Map<String, Object> event) {
        if (!authentic(headers)) {
            return unauthorized();
        }
        if (Boolean.TRUE.equals(event.get("is_breakout"))) {
            return ok(false);
        }
        return ok(hooks.occupantJoined(room(event), occupant(event.get("occupant"))));
    }

    @PostMapping(path = "/events/occupant/left", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> occupantLeft(@RequestHeader Map<String, String> headers,
                                                     @RequestBody Map<String, Object> event) {
        if (!authentic(headers)) {
            return unauthorized();
        }
        if (Boolean.TRUE.equals(event.get("is_breakout"))) {
            return ok(false);
        }
        return ok(hooks.occupantLeft(room(event), occupant(event.get("occupant"))));
    }

    private boolean authentic(Map<String, String> headers) {
        String secret = settings.hookSecret();
        if (secret == null || secret.isBlank()) {
            return false;
        }
        String given = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(settings.hookHeader())) {
                given = header.getValue();
            }
        }
        if (given != null && given.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = given.substring(7);
        }
        boolean ok = Secrets.same(secret, given == null ? null : given.strip());
        if (!ok) {
            log.warn("Jitsi hook refused: missing or wrong {}", settings.hookHeader());
        }
        return ok;
    }

    private static ResponseEntity<Map<String, Object>> unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", 401,
                "message", "Thiếu hoặc sai khoá bí mật của Jitsi (hook secret)."));
    }

    private static ResponseEntity<Map<String, Object>> answer(JitsiHooks.Answer answer) {
        return ResponseEntity.status(answer.status()).body(answer.body());
    }

    /** 200 either way (a room we do not know is not an error for Prosody); {@code known} says whether it is ours. */
    private static ResponseEntity<Map<String, Object>> ok(boolean known) {
        return ResponseEntity.ok(Map.of("ok", true, "known", known));
    }

    private static String room(Map<String, Object> event) {
        Object name = event.get("room_name");
        if (name == null || name.toString().isBlank()) {
            name = event.get("room_jid");
        }
        return name == null ? "" : name.toString();
    }

    private static JitsiHooks.Occupant occupant(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return new JitsiHooks.Occupant(null, null, null, null, null, null);
        }
        return new JitsiHooks.Occupant(text(map.get("id")), text(map.get("name")), text(map.get("email")),
                text(map.get("occupant_jid")), time(map.get("joined_at")), time(map.get("left_at")));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Epoch seconds (or milliseconds, when the number is that large). */
    static Instant time(Object value) {
        if (value instanceof Number number) {
            long n = number.longValue();
            return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return time(Long.valueOf(text.strip()));
            }
            catch (NumberFormatException ex) {
                return JitsiHooks.parseTime(text).orElse(null);
            }
        }
        return null;
    }
}
