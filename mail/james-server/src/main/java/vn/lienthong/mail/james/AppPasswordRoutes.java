package vn.lienthong.mail.james;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * WebAdmin routes for app passwords (behind WebAdmin's JWT like every non-public route):
 * <ul>
 * <li>{@code GET /lienthong/app-passwords/{account}}: {@code [{id, label, createdAt, lastUsed}]}, never the hash;</li>
 * <li>{@code PUT /lienthong/app-passwords/{account}/{id}} with {@code {label, hash, createdAt}}: 204; 404 for an
 * unknown account, 409 at the limit, 400 for a bad body;</li>
 * <li>{@code DELETE /lienthong/app-passwords/{account}/{id}}: 204, whether it existed or not.</li>
 * </ul>
 */
public class AppPasswordRoutes implements Routes {

    static final String BASE = "/lienthong/app-passwords";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public record Listed(String id, String label, Instant createdAt, Instant lastUsed) {
    }

    private final AppPasswordStore store;
    private final UsersRepository users;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    public AppPasswordRoutes(AppPasswordStore store, UsersRepository users) {
        this.store = store;
        this.users = users;
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE + "/:account", this::list);
        service.put(BASE + "/:account/:id", this::put);
        service.delete(BASE + "/:account/:id", this::delete);
    }

    private Object list(Request request, Response response) throws Exception {
        List<Listed> listed = store.list(request.params("account")).stream()
            .map(entry -> new Listed(entry.id(), entry.label(), entry.createdAt(), entry.lastUsed()))
            .toList();
        response.type("application/json");
        return json.writeValueAsString(listed);
    }

    private Object put(Request request, Response response) throws Exception {
        String account = request.params("account");
        String id = request.params("id");
        String label;
        String hash;
        Instant createdAt;
        try {
            JsonNode body = json.readTree(request.body());
            label = body.path("label").asText("");
            hash = body.path("hash").asText("");
            createdAt = body.hasNonNull("createdAt") ? Instant.parse(body.get("createdAt").asText()) : Instant.now();
        } catch (Exception e) {
            return status(response, 400, "unreadable body: " + e.getMessage());
        }
        if (!ID.matcher(id).matches() || label.isBlank() || label.length() > 100 || !HASH.matcher(hash).matches()) {
            return status(response, 400, "invalid id, label or hash (id " + id + ", label of " + label.length()
                + " characters, hash of " + hash.length() + ", body of " + request.body().length() + ")");
        }
        if (!users.contains(Username.of(account))) {
            return status(response, 404, "no such account");
        }
        try {
            store.put(account, new AppPasswordStore.Entry(id, label.strip(), hash, createdAt, null));
        } catch (IllegalStateException full) {
            return status(response, 409, full.getMessage());
        }
        return status(response, 204, "");
    }

    private Object delete(Request request, Response response) {
        store.remove(request.params("account"), request.params("id"));
        return status(response, 204, "");
    }

    private static String status(Response response, int status, String message) {
        response.status(status);
        return message;
    }
}
