package vn.lienthong.chat.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.lienthong.chat.ChannelSummary;
import vn.lienthong.chat.Chat;
import vn.lienthong.chat.ChatMember;
import vn.lienthong.chat.ChatFile;
import vn.lienthong.chat.ChatMessage;
import vn.lienthong.chat.ChatPresence;
import vn.lienthong.chat.HistoryPage;
import vn.lienthong.chat.NewFile;
import vn.lienthong.chat.NewMessage;
import vn.lienthong.chat.ReadReceipt;

/**
 * The chat's JSON API for the pages' scripts and for programs (bearer token or browser session, by the
 * {@code /api/**} filter chain). Every call checks that the caller is a member of the channel: a channel that is not
 * theirs is 404, the same as one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/chat")
class ChatApiController {

    private static final Logger log = LoggerFactory.getLogger(ChatApiController.class);

    private final Chat chat;
    private final ChatSettings settings;
    private final long maxUploadBytes;

    ChatApiController(Chat chat, ChatSettings settings, ObjectProvider<MultipartConfigElement> multipart) {
        this.chat = chat;
        this.settings = settings;
        this.maxUploadBytes = maxUploadBytes(settings.maxFileSize().toBytes(), multipart.getIfAvailable());
    }

    /**
     * The largest file a user can send: the chat's limit, unless the servlet container's multipart limit
     * ({@code spring.servlet.multipart.max-file-size}, which the container applies first) is lower.
     */
    private static long maxUploadBytes(long chatLimit, MultipartConfigElement container) {
        long limit = chatLimit;
        if (container != null) {
            for (long containerLimit : new long[] {container.getMaxFileSize(), container.getMaxRequestSize()}) {
                if (containerLimit > 0 && containerLimit < limit) {
                    limit = containerLimit;
                }
            }
        }
        if (limit < chatLimit) {
            log.warn("spring.servlet.multipart giới hạn tệp ở {} byte, thấp hơn lienthong.chat.max-file-size ({} byte): "
                    + "tệp lớn hơn bị máy chủ từ chối trước (the container's multipart limit is lower than the "
                    + "chat's; raise spring.servlet.multipart.max-file-size and max-request-size)", limit, chatLimit);
        }
        return limit;
    }

    /**
     * What a page needs to connect: the STOMP endpoint, the CSRF header and token to send in CONNECT, the limits.
     * The token is there only for a browser session (a bearer token cannot open the WebSocket).
     */
    @GetMapping("/session")
    Map<String, Object> session(Principal user, CsrfToken csrf) {
        return Map.of("username", user.getName(), "endpoint", ChatWebSocketConfiguration.ENDPOINT,
                "csrfHeader", csrf == null ? "" : csrf.getHeaderName(),
                "csrfToken", csrf == null ? "" : csrf.getToken(),
                "maxTextLength", settings.maxTextLength(),
                "maxFileSize", maxUploadBytes);
    }

    /**
     * Presence of officials sharing a channel with the caller: {@code ?usernames=a,b} for those (others are left
     * out), none for everyone connected among them. Changes come on {@code /user/queue/presence}.
     */
    @GetMapping("/presence")
    List<ChatPresence> presence(@RequestParam(required = false) List<String> usernames, Principal user) {
        return chat.presence(user.getName(), usernames);
    }

    /**
     * A file message: multipart/form-data with the part {@code file} and optional fields {@code text} (caption),
     * {@code replyTo} and {@code clientMessageId}. Answers the stored message (201), broadcast like any other.
     */
    @PostMapping(path = "/channels/{channelId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ChatMessage postFile(@PathVariable long channelId, @RequestPart("file") MultipartFile file,
                         @RequestParam(required = false) String text, @RequestParam(required = false) Long replyTo,
                         @RequestParam(required = false) String clientMessageId, Principal user) {
        return chat.postFile(user.getName(), channelId, new NewFile(file.getOriginalFilename(),
                file.getContentType(), file.getSize(), file, text, replyTo, clientMessageId));
    }

    /**
     * A file's bytes, for members of its channel: always as an attachment (never shown in the page's origin),
     * with {@code nosniff} so a browser does not take it for something other than its declared type.
     */
    @GetMapping("/files/{fileId}")
    void download(@PathVariable String fileId, Principal user, HttpServletResponse response) throws IOException {
        ChatFile file = chat.file(user.getName(), fileId);
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        chat.copyFile(user.getName(), fileId, response.getOutputStream());
    }

    @GetMapping("/channels")
    List<ChannelSummary> channels(Principal user) {
        return chat.channelsOf(user.getName());
    }

    @GetMapping("/channels/{channelId}")
    ChannelSummary channel(@PathVariable long channelId, Principal user) {
        return chat.channel(user.getName(), channelId);
    }

    @GetMapping("/channels/{channelId}/members")
    List<ChatMember> members(@PathVariable long channelId, Principal user) {
        return chat.members(user.getName(), channelId);
    }

    /** {@code ?after=N}: everything after N, oldest first (catching up); else {@code ?before=N} or the newest page. */
    @GetMapping("/channels/{channelId}/messages")
    HistoryPage messages(@PathVariable long channelId, @RequestParam(required = false) Long after,
                         @RequestParam(required = false) Long before,
                         @RequestParam(defaultValue = "50") int limit, Principal user) {
        if (after != null) {
            return chat.after(user.getName(), channelId, after, limit);
        }
        return chat.before(user.getName(), channelId, before, limit);
    }

    @PostMapping("/channels/{channelId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    ChatMessage post(@PathVariable long channelId, @RequestBody NewMessage message, Principal user) {
        return chat.post(user.getName(), channelId, message);
    }

    @GetMapping("/channels/{channelId}/messages/{sequence}/readers")
    List<ReadReceipt> readers(@PathVariable long channelId, @PathVariable long sequence, Principal user) {
        return chat.readers(user.getName(), channelId, sequence);
    }

    @PostMapping("/channels/{channelId}/read")
    Map<String, Long> read(@PathVariable long channelId, @RequestBody SequenceBody body, Principal user) {
        return Map.of("lastReadSequence", chat.markRead(user.getName(), channelId, body.sequence()));
    }

    @PostMapping("/direct")
    ChannelSummary direct(@RequestBody DirectBody body, Principal user) {
        return chat.openDirect(user.getName(), body.username());
    }

    @PostMapping("/groups")
    @ResponseStatus(HttpStatus.CREATED)
    ChannelSummary group(@RequestBody GroupBody body, Principal user) {
        return chat.createGroup(user.getName(), body.title(), body.members() == null ? List.of() : body.members());
    }

    /** Adds officials to a group (its moderators only); answers the members as they are now. */
    @PostMapping("/channels/{channelId}/members")
    List<ChatMember> addMembers(@PathVariable long channelId, @RequestBody MembersBody body, Principal user) {
        chat.addMembers(user.getName(), channelId, body.usernames() == null ? List.of() : body.usernames());
        return chat.members(user.getName(), channelId);
    }

    /** Leaves a group; afterwards the channel is 404 for the official, like any channel that is not theirs. */
    @PostMapping("/channels/{channelId}/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(@PathVariable long channelId, Principal user) {
        chat.leave(user.getName(), channelId);
    }

    record SequenceBody(long sequence) {
    }

    record MembersBody(List<String> usernames) {
    }

    record DirectBody(String username) {
    }

    record GroupBody(String title, List<String> members) {
    }
}
