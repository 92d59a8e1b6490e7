package vn.lienthong.app.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.lienthong.app.shell.NotFoundException;
import vn.lienthong.mail.MailFolder;
import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.MailSettings;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessageLocation;
import vn.lienthong.mail.MessagePage;
import vn.lienthong.mail.MessageSummary;

/**
 * Thư: the webmail's pages. Drawn on the server (folder list, message list, reading view, compose form) and made
 * quicker by {@code /js/mail.js} (keyboard shortcuts, stars, recipient completion, drafts saved as you write), which
 * uses {@link MailApiController}. Every page opens only the signed-in official's own mailbox; folder and UID
 * parameters are looked up there, so another official's UID is a 404 page like any unknown one.
 */
@Controller
@WhenMailEnabled
class MailPages {

    static final int PAGE_SIZE = 50;

    private final Mailboxes mailboxes;
    private final Compositions compositions;
    private final MailUnread unread;
    private final MailSettings settings;
    private final MessageSource messages;

    MailPages(Mailboxes mailboxes, Compositions compositions, MailUnread unread, MailSettings settings,
              MessageSource messages) {
        this.mailboxes = mailboxes;
        this.compositions = compositions;
        this.unread = unread;
        this.settings = settings;
        this.messages = messages;
    }

    // ------------------------------------------------------------------ reading

    @GetMapping("/mail")
    String list(@RequestParam(defaultValue = Mailboxes.INBOX) String folder,
                @RequestParam(defaultValue = "1") int page,
                @RequestParam(name = "view", required = false) String view,
                @RequestParam(name = "sent", required = false) String sent,
                Authentication authentication, Model model) {
        String username = authentication.getName();
        if (sent != null && !model.containsAttribute("notice")) {
            // The compose script sent the message through the API and came here.
            model.addAttribute("notice", "partial".equals(sent) ? "mail.notice.sentNotSaved" : "mail.notice.sent");
        }
        MessagePage listed = mailboxes.list(username, folder, Math.max(page, 1), PAGE_SIZE);
        boolean threads = !"messages".equals(view);
        folders(username, folder, model);
        model.addAttribute("page", listed);
        model.addAttribute("threaded", threads);
        model.addAttribute("rows", threads ? Conversation.grouped(listed.messages())
                : Conversation.single(listed.messages()));
        model.addAttribute("first", listed.total() == 0 ? 0 : (listed.page() - 1) * PAGE_SIZE + 1);
        model.addAttribute("last", Math.min(listed.total(), listed.page() * PAGE_SIZE));
        model.addAttribute("outgoing", Mailboxes.SENT.equals(folder) || Mailboxes.DRAFTS.equals(folder));
        return "mail/list";
    }

    @GetMapping("/mail/message")
    String read(@RequestParam(defaultValue = Mailboxes.INBOX) String folder, @RequestParam long uid,
                @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "false") boolean images,
                Authentication authentication, Model model) {
        String username = authentication.getName();
        if (Mailboxes.DRAFTS.equals(folder)) {
            return "redirect:" + UriComponentsBuilder.fromPath("/mail/compose").queryParam("draft", uid)
                    .build().toUriString();
        }
        MailMessage message = mailboxes.read(username, folder, uid);
        folders(username, folder, model);
        // Neighbours on the same page of the list, for j / k and the arrows.
        MessagePage around = mailboxes.list(username, folder, Math.max(page, 1), PAGE_SIZE);
        List<MessageSummary> list = around.messages();
        Long newer = null;
        Long older = null;
        boolean flagged = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).uid() == uid) {
                newer = i > 0 ? list.get(i - 1).uid() : null;
                older = i + 1 < list.size() ? list.get(i + 1).uid() : null;
                flagged = list.get(i).flagged();
            }
        }
        List<MessageSummary> thread = mailboxes.thread(username, folder, uid);
        for (MessageSummary summary : thread) {
            if (summary.uid() == uid && folder.equals(summary.folder())) {
                flagged = summary.flagged();
            }
        }
        model.addAttribute("message", message);
        model.addAttribute("flagged", flagged);
        model.addAttribute("listPage", around.page());
        model.addAttribute("newer", newer);
        model.addAttribute("older", older);
        model.addAttribute("thread", thread.size() > 1 ? thread : List.of());
        model.addAttribute("images", images);
        model.addAttribute("sandbox", MessageFrame.SANDBOX);
        return "mail/message";
    }

    /**
     * The sanitised HTML body as a document of its own, for the reading page's sandboxed frame, with its own policy
     * (see {@link MessageFrame}). {@code images=1}: the official asked for the remote images.
     */
    @GetMapping("/mail/message/body")
    ResponseEntity<String> body(@RequestParam(defaultValue = Mailboxes.INBOX) String folder, @RequestParam long uid,
                                @RequestParam(defaultValue = "false") boolean images, Authentication authentication,
                                Locale locale) {
        MailMessage message = mailboxes.read(authentication.getName(), folder, uid);
        String document = MessageFrame.document(message.html(), images, locale.getLanguage());
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", MessageFrame.contentSecurityPolicy(images))
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(document);
    }

    @GetMapping("/mail/attachment")
    ResponseEntity<byte[]> attachment(@RequestParam(defaultValue = Mailboxes.INBOX) String folder,
                                      @RequestParam long uid, @RequestParam String part,
                                      Authentication authentication) {
        return AttachmentResponses.download(mailboxes.attachment(authentication.getName(), folder, uid, part));
    }

    /**
     * The archive's link to a message: {@code /mail/open?messageId=<id>} finds it in the official's own folders and
     * opens it there; the 404 page when the official has no such message (never someone else's).
     */
    @GetMapping("/mail/open")
    String open(@RequestParam(defaultValue = "") String messageId, Authentication authentication) {
        MessageLocation location = messageId.isBlank() ? null
                : mailboxes.findByMessageId(authentication.getName(), messageId).orElse(null);
        if (location == null) {
            throw new NotFoundException("message " + messageId);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/mail/message").queryParam("folder", location.folder())
                .queryParam("uid", location.uid()).encode().build().toUriString();
    }

    // ------------------------------------------------------------------ writing

    @GetMapping("/mail/compose")
    String compose(@RequestParam(required = false) String folder, @RequestParam(required = false) Long reply,
                   @RequestParam(required = false) Long replyAll, @RequestParam(required = false) Long forward,
                   @RequestParam(required = false) Long draft, @RequestParam(required = false) String to,
                   @RequestParam(name = "too-large", required = false) String tooLarge,
                   Authentication authentication, Model model) {
        String username = authentication.getName();
        String source = folder == null || folder.isBlank() ? Mailboxes.INBOX : folder;
        Compositions.Start start;
        if (reply != null) {
            start = compositions.reply(username, source, reply, false);
        }
        else if (replyAll != null) {
            start = compositions.reply(username, source, replyAll, true);
        }
        else if (forward != null) {
            start = compositions.forward(username, source, forward);
        }
        else if (draft != null) {
            start = compositions.draft(username, draft);
        }
        else {
            start = compositions.blank(to);
        }
        if (tooLarge != null) {
            model.addAttribute("errorKey", "mail.compose.tooLarge");
        }
        return composePage(username, start, model);
    }

    /**
     * Sending without the page's script (with it, the form goes to {@code POST /api/v1/mail/send} and stays on
     * screen when refused). Refused: the form comes back filled in, with the reason.
     */
    @PostMapping("/mail/send")
    String send(@ModelAttribute ComposeForm form, Authentication authentication, Model model,
                RedirectAttributes redirect) {
        String username = authentication.getName();
        try {
            compositions.send(username, form);
        }
        catch (MailboxException refused) {
            MailFailure kind = MailFailure.of(refused);
            if (kind == MailFailure.SENT_NOT_SAVED) {
                redirect.addFlashAttribute("notice", "mail.notice.sentNotSaved");
                return "redirect:/mail?folder=" + Mailboxes.SENT;
            }
            model.addAttribute(kind.messageForUser() ? "errorText" : "errorKey",
                    kind.messageForUser() ? refused.getMessage() : kind.key() + ".detail");
            List<Compositions.Kept> kept = new ArrayList<>();
            for (String ref : form.getKeep()) {
                AttachmentRef.parse(ref).ifPresent(parsed -> kept.add(new Compositions.Kept(parsed.toString(),
                        "", "", 0)));
            }
            Compositions.Start start = new Compositions.Start(form.getTo(), form.getCc(), form.getBcc(),
                    form.getSubject(), form.getText(), form.getReplyFolder(), form.getReplyUid(), form.getDraftUid(),
                    kept);
            return composePage(username, start, model);
        }
        unread.forget(username);
        redirect.addFlashAttribute("notice", "mail.notice.sent");
        return "redirect:/mail?folder=" + Mailboxes.SENT;
    }

    private String composePage(String username, Compositions.Start start, Model model) {
        folders(username, null, model);
        model.addAttribute("start", start);
        model.addAttribute("maxSize", settings.maxMessageSize().toBytes());
        model.addAttribute("maxSizeText", megabytes(settings.maxMessageSize().toBytes()));
        return "mail/compose";
    }

    // ------------------------------------------------------------------ changing

    /**
     * The toolbar of the list and of the reading view: {@code action} = read, unread, flag, unflag, move (to
     * {@code target}), delete, for the checked {@code uid}s of {@code folder}; then back where the official was.
     */
    @PostMapping("/mail/actions")
    String act(@RequestParam(defaultValue = Mailboxes.INBOX) String folder,
               @RequestParam(name = "uid", required = false) List<String> checked, @RequestParam String action,
               @RequestParam(required = false) String target, @RequestParam(defaultValue = "1") int page,
               @RequestParam(name = "from", defaultValue = "list") String from, Authentication authentication,
               RedirectAttributes redirect) {
        String username = authentication.getName();
        String back = UriComponentsBuilder.fromPath("/mail").queryParam("folder", folder).queryParam("page", page)
                .encode().build().toUriString();
        List<Long> uids = uids(checked);
        if (uids.isEmpty()) {
            redirect.addFlashAttribute("errorKey", "mail.notice.noneChosen");
            return "redirect:" + back;
        }
        for (long uid : uids) {
            switch (action) {
                case "read" -> mailboxes.markSeen(username, folder, uid, true);
                case "unread" -> mailboxes.markSeen(username, folder, uid, false);
                case "flag" -> mailboxes.markFlagged(username, folder, uid, true);
                case "unflag" -> mailboxes.markFlagged(username, folder, uid, false);
                case "move" -> {
                    if (target == null || target.isBlank()) {
                        redirect.addFlashAttribute("errorKey", "mail.notice.noTarget");
                        return "redirect:" + back;
                    }
                    mailboxes.move(username, folder, uid, target);
                }
                case "delete" -> mailboxes.delete(username, folder, uid);
                default -> throw new IllegalArgumentException("Unknown action " + action);
            }
        }
        unread.forget(username);
        boolean gone = action.equals("move") || action.equals("delete");
        if (gone) {
            redirect.addFlashAttribute("notice", action.equals("move") ? "mail.notice.moved"
                    : Mailboxes.TRASH.equals(folder) ? "mail.notice.deletedForGood" : "mail.notice.deleted");
            redirect.addFlashAttribute("noticeArg", uids.size());
        }
        if ("message".equals(from) && uids.size() == 1 && (action.equals("flag") || action.equals("unflag")
                || action.equals("read"))) {
            return "redirect:" + UriComponentsBuilder.fromPath("/mail/message").queryParam("folder", folder)
                    .queryParam("uid", uids.get(0)).queryParam("page", page).encode().build().toUriString();
        }
        return "redirect:" + back;
    }

    @PostMapping("/mail/trash/empty")
    String emptyTrash(Authentication authentication, RedirectAttributes redirect) {
        int deleted = mailboxes.emptyTrash(authentication.getName());
        redirect.addFlashAttribute("notice", "mail.notice.emptied");
        redirect.addFlashAttribute("noticeArg", deleted);
        return "redirect:/mail?folder=" + Mailboxes.TRASH;
    }

    // ------------------------------------------------------------------ helpers

    /** The folder list of the side bar, the current folder, and the top bar's count from it. */
    private void folders(String username, String current, Model model) {
        List<MailFolder> folders = mailboxes.folders(username);
        Locale locale = LocaleContextHolder.getLocale();
        List<FolderView> views = FolderView.of(folders, messages, locale);
        model.addAttribute("folders", views);
        model.addAttribute("folder", current);
        model.addAttribute("mailUnread", unread.remember(username, folders));
        model.addAttribute("currentFolder", views.stream().filter(f -> f.name().equals(current)).findFirst()
                .orElse(null));
        Map<String, String> labels = new HashMap<>();
        views.forEach(view -> labels.put(view.name(), view.label()));
        model.addAttribute("folderLabels", labels);
    }

    /** The checked lines: each a UID, or the UIDs of a conversation separated by commas. */
    private static List<Long> uids(List<String> checked) {
        List<Long> uids = new ArrayList<>();
        if (checked != null) {
            for (String value : checked) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        uids.add(Long.parseLong(part.strip()));
                    }
                }
            }
        }
        return uids;
    }

    static String megabytes(long bytes) {
        double value = bytes / (1024.0 * 1024.0);
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%d MB", (long) value)
                : String.format(Locale.ROOT, "%.1f MB", value).replace('.', ',');
    }
}
