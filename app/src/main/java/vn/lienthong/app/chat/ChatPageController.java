package vn.lienthong.app.chat;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The chat page (Trò chuyện). The page itself carries no messages: the script loads the channels and history from
 * {@code /api/v1/chat/...} and follows them live over STOMP, so everything it shows passes the chat's membership
 * checks. {@code ?channel=7&seq=42} (the archive's link for a message) opens channel 7 at message 42.
 *
 * <p>{@code data-auditor} tells the script whether to offer the edit/delete history (administrators: the system's
 * everywhere, a unit's where they moderate); the chat API decides again on every request.
 */
@Controller
class ChatPageController {

    @GetMapping("/chat")
    String chat(@RequestParam(name = "channel", required = false) Long channel,
                @RequestParam(name = "seq", required = false) Long sequence, Authentication user, Model model) {
        model.addAttribute("channelId", channel != null && channel > 0 ? channel : null);
        model.addAttribute("sequence", sequence != null && sequence > 0 ? sequence : null);
        model.addAttribute("auditor", auditor(user));
        return "chat/index";
    }

    private static String auditor(Authentication user) {
        var roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return roles.contains("ROLE_SYSTEM_ADMIN") ? "system" : roles.contains("ROLE_UNIT_ADMIN") ? "unit" : "";
    }
}
