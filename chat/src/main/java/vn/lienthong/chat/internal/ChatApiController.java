package vn.lienthong.chat.internal;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.chat.ChannelSummary;
import vn.lienthong.chat.Chat;
import vn.lienthong.chat.ChatMember;
import vn.lienthong.chat.ChatMessage;
import vn.lienthong.chat.HistoryPage;
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

    private final Chat chat;
    private final ChatSettings settings;

    ChatApiController(Chat chat, ChatSettings settings) {
        this.chat = chat;
        this.settings = settings;
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
                "maxTextLength", settings.maxTextLength());
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

    record SequenceBody(long sequence) {
    }

    record DirectBody(String username) {
    }

    record GroupBody(String title, List<String> members) {
    }
}
