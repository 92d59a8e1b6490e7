package vn.lienthong.app.chat;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.lienthong.app.shell.SignedIn;
import vn.lienthong.chat.ChannelSummary;
import vn.lienthong.chat.Chat;

/**
 * The unread count of the top bar's "Trò chuyện" item when a page is drawn; the chat page then keeps it current
 * from the official's notification queue.
 */
@ControllerAdvice(annotations = Controller.class)
class ChatUnreadAdvice {

    private final Chat chat;

    ChatUnreadAdvice(Chat chat) {
        this.chat = chat;
    }

    @ModelAttribute("chatUnread")
    Long chatUnread(Authentication authentication, HttpServletRequest request) {
        // Only pages draw the top bar; the API (also @Controller underneath) does not need the query.
        if (!SignedIn.isAuthenticated(authentication) || request.getRequestURI().contains("/api/")) {
            return null;
        }
        long unread = 0;
        for (ChannelSummary channel : chat.channelsOf(authentication.getName())) {
            unread += channel.unread();
        }
        return unread;
    }
}
