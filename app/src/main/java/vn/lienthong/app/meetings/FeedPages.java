package vn.lienthong.app.meetings;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.lienthong.meetings.CalendarFeeds;
import vn.lienthong.meetings.NewFeed;

/**
 * The official's private calendar feed (for a phone or Thunderbird): whether one exists, a new secret address (shown
 * once, on the page that follows, never again) and revoking it. Always the signed-in official's own.
 */
@Controller
class FeedPages {

    private final CalendarFeeds feeds;

    FeedPages(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/meetings/feed")
    String feed(Authentication authentication, Model model) {
        model.addAttribute("feed", feeds.status(authentication.getName()));
        return "meetings/feed";
    }

    @PostMapping("/meetings/feed")
    String rotate(Authentication authentication, RedirectAttributes redirect) {
        NewFeed feed = feeds.rotate(authentication.getName());
        redirect.addFlashAttribute("feedUrl", feed.url());
        redirect.addFlashAttribute("notice", "meetings.feed.made");
        return "redirect:/meetings/feed";
    }

    @PostMapping("/meetings/feed/revoke")
    String revoke(Authentication authentication, RedirectAttributes redirect) {
        feeds.revoke(authentication.getName());
        redirect.addFlashAttribute("notice", "meetings.feed.revoked");
        return "redirect:/meetings/feed";
    }
}
