package vn.lienthong.app.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.lienthong.app.shell.SignedIn;
import vn.lienthong.mail.MailFolder;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.Mailboxes;

/**
 * The unread count of the top bar's "Thư" item. Asking James costs an IMAP session, so a count is kept for
 * {@link #TTL} per official; the webmail's own pages count afresh (they list the folders anyway) and refresh it. A
 * mailbox that cannot be reached shows no badge rather than failing the page.
 */
@ControllerAdvice(annotations = Controller.class)
@WhenMailEnabled
class MailUnread {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(MailUnread.class);

    private final Mailboxes mailboxes;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    MailUnread(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @ModelAttribute("mailUnread")
    Integer mailUnread(Authentication authentication, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // The API draws no top bar; the webmail's pages set the count themselves from their folder list.
        if (!SignedIn.isAuthenticated(authentication) || path.startsWith("/api/") || path.startsWith("/mail")) {
            return null;
        }
        String username = authentication.getName();
        Count cached = counts.get(username);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.unread();
        }
        try {
            return remember(username, mailboxes.folders(username));
        }
        catch (MailboxException e) {
            log.debug("No unread count for {}: {}", username, e.getMessage());
            return null;
        }
    }

    /** Keeps the count of Hộp thư đến from a fresh folder list and returns it. */
    int remember(String username, Iterable<MailFolder> folders) {
        int unread = 0;
        for (MailFolder folder : folders) {
            if (Mailboxes.INBOX.equals(folder.name())) {
                unread = folder.unread();
            }
        }
        counts.put(username, new Count(unread, clock.instant().plus(TTL)));
        return unread;
    }

    void forget(String username) {
        counts.remove(username);
    }

    private record Count(int unread, Instant until) {
    }
}
