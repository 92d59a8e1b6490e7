package vn.lienthong.mail.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.mail.MailAdministration;
import vn.lienthong.mail.MailAdministrationException;
import vn.lienthong.mail.MailQuota;

/**
 * {@link MailAdministration} over James's WebAdmin REST API, every call carrying the admin JWT. The same client
 * serves the embedded and an external James.
 */
public class WebAdminClient implements MailAdministration {

    private static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, String>>> OBJECTS = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;

    public WebAdminClient(JamesConnection connection, Supplier<String> adminToken) {
        var http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.rest = RestClient.builder()
                .baseUrl(connection.webadmin().toString())
                .requestFactory(requests)
                .requestInitializer(request -> request.getHeaders().setBearerAuth(adminToken.get()))
                .build();
    }

    // Domains

    @Override
    public void addDomain(String domain) {
        call("thêm tên miền " + domain, () -> rest.put().uri("/domains/{d}", domain).retrieve().toBodilessEntity());
    }

    @Override
    public boolean domainExists(String domain) {
        return exists("kiểm tra tên miền " + domain, () -> rest.get().uri("/domains/{d}", domain).retrieve().toBodilessEntity());
    }

    @Override
    public List<String> domains() {
        return call("liệt kê tên miền", () -> rest.get().uri("/domains").retrieve().body(STRINGS));
    }

    @Override
    public void removeDomain(String domain) {
        call("xoá tên miền " + domain, () -> rest.delete().uri("/domains/{d}", domain).retrieve().toBodilessEntity());
    }

    // Accounts

    @Override
    public void createAccount(String address) {
        try {
            rest.put().uri("/users/{u}", address).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("password", JamesKeys.randomSecret()))
                    .retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.Conflict alreadyThere) {
            // Idempotent: an existing account keeps its password.
        } catch (RestClientException e) {
            throw failure("tạo hộp thư " + address, e);
        }
    }

    @Override
    public boolean accountExists(String address) {
        return exists("kiểm tra hộp thư " + address, () -> rest.head().uri("/users/{u}", address).retrieve().toBodilessEntity());
    }

    @Override
    public List<String> accounts() {
        return call("liệt kê hộp thư", () -> rest.get().uri("/users").retrieve().body(OBJECTS))
                .stream().map(user -> user.get("username")).toList();
    }

    @Override
    public void deleteAccount(String address) {
        call("xoá hộp thư " + address, () -> rest.delete().uri("/users/{u}", address).retrieve().toBodilessEntity());
    }

    @Override
    public void renameAccount(String from, String to) {
        createAccount(to);
        JsonNode task = call("đổi tên hộp thư " + from + " thành " + to, () -> rest.post()
                .uri("/users/{o}/rename/{n}?action=rename", from, to).retrieve().body(JsonNode.class));
        String taskId = task == null || !task.hasNonNull("taskId") ? null : task.get("taskId").asText();
        if (taskId == null) {
            throw new MailAdministrationException("Không đổi tên hộp thư " + from + " được: James không trả về tác vụ "
                    + "(James returned no task id)");
        }
        JsonNode done = call("chờ đổi tên hộp thư " + from, () -> rest.get()
                .uri("/tasks/{id}/await?timeout=5m", taskId).retrieve().body(JsonNode.class));
        String status = done == null || !done.hasNonNull("status") ? "unknown" : done.get("status").asText();
        if (!"completed".equals(status)) {
            throw new MailAdministrationException("Không đổi tên hộp thư " + from + " thành " + to
                    + " được: tác vụ kết thúc với trạng thái " + status + " (James's rename task ended " + status + ")");
        }
        deleteAccount(from);
        // James's rename leaves a forward from the old name; an alias also lets the owner keep sending as it.
        try {
            rest.delete().uri("/address/forwards/{u}/targets/{t}", from, to).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.NotFound none) {
            // No forward to replace.
        } catch (RestClientException e) {
            throw failure("bỏ chuyển tiếp từ " + from, e);
        }
        addAlias(to, from);
    }

    @Override
    public void setPassword(String address, String password) {
        call("đặt mật khẩu cho " + address, () -> rest.put().uri("/users/{u}?force", address)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("password", password))
                .retrieve().toBodilessEntity());
    }

    // Quotas

    @Override
    public void setQuota(String address, MailQuota quota) {
        call("đặt hạn mức cho " + address, () -> {
            putOrDelete("/quota/users/{u}/size", address, quota.maxBytes());
            putOrDelete("/quota/users/{u}/count", address, quota.maxMessages());
            return null;
        });
    }

    private void putOrDelete(String path, String address, OptionalLong value) {
        if (value.isPresent()) {
            rest.put().uri(path, address).contentType(MediaType.APPLICATION_JSON).body(Long.toString(value.getAsLong()))
                    .retrieve().toBodilessEntity();
        } else {
            rest.delete().uri(path, address).retrieve().toBodilessEntity();
        }
    }

    @Override
    public MailQuota quota(String address) {
        JsonNode quota = call("đọc hạn mức của " + address,
                () -> rest.get().uri("/quota/users/{u}", address).retrieve().body(JsonNode.class));
        JsonNode user = quota == null ? null : quota.get("user");
        return new MailQuota(limit(user, "size"), limit(user, "count"));
    }

    private static OptionalLong limit(JsonNode scope, String field) {
        return scope == null || !scope.hasNonNull(field) ? OptionalLong.empty() : OptionalLong.of(scope.get(field).asLong());
    }

    // Aliases and groups

    @Override
    public void addAlias(String address, String alias) {
        call("thêm bí danh " + alias + " cho " + address, () -> rest.put()
                .uri("/address/aliases/{a}/sources/{s}", address, alias).retrieve().toBodilessEntity());
    }

    @Override
    public void removeAlias(String address, String alias) {
        call("xoá bí danh " + alias + " của " + address, () -> rest.delete()
                .uri("/address/aliases/{a}/sources/{s}", address, alias).retrieve().toBodilessEntity());
    }

    @Override
    public List<String> aliases(String address) {
        return call("liệt kê bí danh của " + address,
                () -> rest.get().uri("/address/aliases/{a}", address).retrieve().body(OBJECTS))
                .stream().map(alias -> alias.get("source")).toList();
    }

    @Override
    public void addGroupMember(String group, String member) {
        call("thêm " + member + " vào nhóm " + group, () -> rest.put()
                .uri("/address/groups/{g}/{m}", group, member).retrieve().toBodilessEntity());
    }

    @Override
    public void removeGroupMember(String group, String member) {
        call("bỏ " + member + " khỏi nhóm " + group, () -> rest.delete()
                .uri("/address/groups/{g}/{m}", group, member).retrieve().toBodilessEntity());
    }

    @Override
    public List<String> groupMembers(String group) {
        try {
            return rest.get().uri("/address/groups/{g}", group).retrieve().body(STRINGS);
        } catch (HttpClientErrorException.NotFound noSuchGroup) {
            return List.of();
        } catch (RestClientException e) {
            throw failure("liệt kê thành viên nhóm " + group, e);
        }
    }

    @Override
    public List<String> groups() {
        return call("liệt kê nhóm", () -> rest.get().uri("/address/groups").retrieve().body(STRINGS));
    }

    // Mailboxes

    @Override
    public void createMailbox(String address, String mailbox) {
        call("tạo thư mục " + mailbox + " cho " + address, () -> rest.put()
                .uri("/users/{u}/mailboxes/{m}", address, mailbox).retrieve().toBodilessEntity());
    }

    @Override
    public List<String> mailboxes(String address) {
        return call("liệt kê thư mục của " + address,
                () -> rest.get().uri("/users/{u}/mailboxes", address).retrieve().body(OBJECTS))
                .stream().map(mailbox -> mailbox.get("mailboxName")).toList();
    }

    @Override
    public long messageCount(String address, String mailbox) {
        return count("đếm thư trong " + mailbox + " của " + address, "/users/{u}/mailboxes/{m}/messageCount", address, mailbox);
    }

    @Override
    public long unseenMessageCount(String address, String mailbox) {
        return count("đếm thư chưa đọc trong " + mailbox + " của " + address,
                "/users/{u}/mailboxes/{m}/unseenMessageCount", address, mailbox);
    }

    private long count(String what, String path, String address, String mailbox) {
        Long count = call(what, () -> rest.get().uri(path, address, mailbox).retrieve().body(Long.class));
        return count == null ? 0 : count;
    }

    // App passwords (our own WebAdmin routes, see the james-server's AppPasswordRoutes)

    /** A stored app password as WebAdmin lists it (never the hash). */
    record AppPasswordEntry(String id, String label, java.time.Instant createdAt, java.time.Instant lastUsed) {
    }

    private static final ParameterizedTypeReference<List<AppPasswordEntry>> APP_PASSWORDS =
            new ParameterizedTypeReference<>() {
            };

    List<AppPasswordEntry> appPasswords(String address) {
        List<AppPasswordEntry> entries = call("liệt kê mật khẩu ứng dụng của " + address,
                () -> rest.get().uri("/lienthong/app-passwords/{a}", address).retrieve().body(APP_PASSWORDS));
        return entries == null ? List.of() : entries;
    }

    void putAppPassword(String address, String id, String label, String hash, java.time.Instant createdAt) {
        call("lưu mật khẩu ứng dụng của " + address, () -> rest.put()
                .uri("/lienthong/app-passwords/{a}/{id}", address, id)
                .contentType(MediaType.APPLICATION_JSON)
                // As a string, so that it goes with a Content-Length: Spark reads no chunked body on our route.
                .body(json(Map.of("label", label, "hash", hash, "createdAt", createdAt.toString())))
                .retrieve().toBodilessEntity());
    }

    void deleteAppPassword(String address, String id) {
        call("thu hồi mật khẩu ứng dụng của " + address, () -> rest.delete()
                .uri("/lienthong/app-passwords/{a}/{id}", address, id).retrieve().toBodilessEntity());
    }

    // Plumbing

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (RestClientException e) {
            throw failure(what, e);
        }
    }

    private static boolean exists(String what, Call<?> call) {
        try {
            call.run();
            return true;
        } catch (HttpClientErrorException.NotFound e) {
            return false;
        } catch (RestClientException e) {
            throw failure(what, e);
        }
    }

    private static MailAdministrationException failure(String what, RestClientException e) {
        if (e instanceof RestClientResponseException response) {
            HttpStatusCode status = response.getStatusCode();
            String reason = status.isSameCodeAs(HttpStatus.UNAUTHORIZED) || status.isSameCodeAs(HttpStatus.FORBIDDEN)
                    ? "máy chủ thư từ chối khoá quản trị (WebAdmin refused the admin token)"
                    : "máy chủ thư trả lời " + status.value() + " (James answered " + status.value() + ")";
            String detail = response.getResponseBodyAsString();
            return new MailAdministrationException("Không " + what + " được: " + reason
                    + (detail.isBlank() ? "" : ": " + abbreviate(detail)), e);
        }
        return new MailAdministrationException("Không " + what + " được: không liên lạc được máy chủ thư "
                + "(James's WebAdmin is unreachable)", e);
    }

    private static String abbreviate(String text) {
        String oneLine = String.join(" ", Arrays.asList(text.strip().split("\\s+")));
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
