package vn.lienthong.app.mail;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.lienthong.mail.AppPasswords;
import vn.lienthong.mail.MailFolder;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.NewAppPassword;

/**
 * Cài đặt thư: the official's app passwords (for Thunderbird and other mail clients) and the server settings to type
 * into such a client. A new password is shown once, in the answer to the form that created it (never stored in the
 * session, never cached), and only its hash is kept by James.
 */
@Controller
@WhenMailEnabled
class MailSettingsPages {

    private final AppPasswords appPasswords;
    private final Mailboxes mailboxes;
    private final MailUnread unread;
    private final MessageSource messages;

    MailSettingsPages(AppPasswords appPasswords, Mailboxes mailboxes, MailUnread unread, MessageSource messages) {
        this.appPasswords = appPasswords;
        this.mailboxes = mailboxes;
        this.unread = unread;
        this.messages = messages;
    }

    @GetMapping("/mail/settings")
    String settings(Authentication authentication, Model model) {
        return page(authentication.getName(), null, model);
    }

    @PostMapping("/mail/settings/app-passwords")
    String create(@RequestParam(defaultValue = "") String label, Authentication authentication, Model model,
                  HttpServletResponse response) {
        String username = authentication.getName();
        if (label.isBlank()) {
            model.addAttribute("errorKey", "mail.settings.labelMissing");
            return page(username, null, model);
        }
        NewAppPassword created;
        try {
            created = appPasswords.create(username, label.strip());
        }
        catch (MailboxException refused) {
            // A bad label or too many passwords: the mail module's message says which, in Vietnamese.
            model.addAttribute("errorText", refused.getMessage());
            model.addAttribute("label", label);
            return page(username, null, model);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return page(username, created, model);
    }

    @PostMapping("/mail/settings/app-passwords/{id}/revoke")
    String revoke(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
        appPasswords.revoke(authentication.getName(), id);
        redirect.addFlashAttribute("notice", "mail.settings.revoked");
        return "redirect:/mail/settings";
    }

    private String page(String username, NewAppPassword created, Model model) {
        List<MailFolder> folders = mailboxes.folders(username);
        model.addAttribute("folders", FolderView.of(folders, messages, LocaleContextHolder.getLocale()));
        model.addAttribute("mailUnread", unread.remember(username, folders));
        model.addAttribute("appPasswords", appPasswords.list(username));
        model.addAttribute("client", appPasswords.clientSettings(username));
        model.addAttribute("created", created);
        model.addAttribute("maxAppPasswords", AppPasswords.MAX_PER_OFFICIAL);
        return "mail/settings";
    }
}
