package vn.lienthong.app.mail;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.mail.MailFolder;
import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.Mailboxes;
import vn.lienthong.mail.MessagePage;

/**
 * The webmail as JSON, for the pages' scripts (browser session + CSRF) and for programs (bearer token). Thin: each
 * call is one {@link Mailboxes} call for the signed-in official, whose username comes from the authentication and
 * never from the request. A folder is an IMAP name ({@code INBOX}, {@code Sent}, {@code Drafts}, {@code Trash} or a
 * user folder), a UID is only ever looked up in the caller's own folder: another official's UID is a 404 like any
 * UID that does not exist. Errors are RFC 7807 problems ({@link MailApiErrors}).
 *
 * <pre>
 * GET    /api/v1/mail/folders
 * GET    /api/v1/mail/messages?folder=INBOX&amp;page=1&amp;size=50
 * GET    /api/v1/mail/messages/{uid}?folder=INBOX                       (marks it read)
 * GET    /api/v1/mail/messages/{uid}/attachments/{partId}?folder=INBOX
 * POST   /api/v1/mail/messages/{uid}/flags?folder=INBOX     {"seen": false, "flagged": true}
 * POST   /api/v1/mail/messages/{uid}/move?folder=INBOX      {"target": "Dự án"}
 * DELETE /api/v1/mail/messages/{uid}?folder=INBOX                       (to Thùng rác; there: for good)
 * POST   /api/v1/mail/trash/empty
 * POST   /api/v1/mail/send       multipart: to, cc, bcc, subject, text, files, keep, replyFolder, replyUid, draftUid
 * POST   /api/v1/mail/drafts     the same fields; answers the new draftUid and its attachments
 * GET    /api/v1/mail/templates/reply?folder=INBOX&amp;uid=7&amp;all=false, /templates/forward?folder=INBOX&amp;uid=7
 * GET    /api/v1/mail/recipients?q=binh
 * </pre>
 */
@RestController
@RequestMapping(path = "/api/v1/mail", produces = MediaType.APPLICATION_JSON_VALUE)
@WhenMailEnabled
class MailApiController {

    static final int DEFAULT_PAGE_SIZE = 50;

    private final Mailboxes mailboxes;
    private final Compositions compositions;
    private final Recipients recipients;
    private final MailUnread unread;

    MailApiController(Mailboxes mailboxes, Compositions compositions, Recipients recipients, MailUnread unread) {
        this.mailboxes = mailboxes;
        this.compositions = compositions;
        this.recipients = recipients;
        this.unread = unread;
    }

    @GetMapping("/folders")
    List<MailFolder> folders(Authentication authentication) {
        List<MailFolder> folders = mailboxes.folders(authentication.getName());
        unread.remember(authentication.getName(), folders);
        return folders;
    }

    @GetMapping("/messages")
    MessagePage list(@RequestParam(defaultValue = Mailboxes.INBOX) String folder,
                     @RequestParam(defaultValue = "1") int page,
                     @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size, Authentication authentication) {
        return mailboxes.list(authentication.getName(), folder, page, size);
    }

    @GetMapping("/messages/{uid}")
    MailMessage read(@PathVariable long uid, @RequestParam(defaultValue = Mailboxes.INBOX) String folder,
                     Authentication authentication) {
        MailMessage message = mailboxes.read(authentication.getName(), folder, uid);
        unread.forget(authentication.getName());
        return message;
    }

    @GetMapping(path = "/messages/{uid}/attachments/{partId}", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> attachment(@PathVariable long uid, @PathVariable String partId,
                                      @RequestParam(defaultValue = Mailboxes.INBOX) String folder,
                                      Authentication authentication) {
        return AttachmentResponses.download(mailboxes.attachment(authentication.getName(), folder, uid, partId));
    }

    @PostMapping("/messages/{uid}/flags")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void flags(@PathVariable long uid, @RequestParam(defaultValue = Mailboxes.INBOX) String folder,
               @RequestBody FlagChange change, Authentication authentication) {
        if (change.seen() == null && change.flagged() == null) {
            throw new IllegalArgumentException("Nothing to change");
        }
        if (change.seen() != null) {
            mailboxes.markSeen(authentication.getName(), folder, uid, change.seen());
            unread.forget(authentication.getName());
        }
        if (change.flagged() != null) {
            mailboxes.markFlagged(authentication.getName(), folder, uid, change.flagged());
        }
    }

    @PostMapping("/messages/{uid}/move")
    Moved move(@PathVariable long uid, @RequestParam(defaultValue = Mailboxes.INBOX) String folder,
               @RequestBody MoveRequest move, Authentication authentication) {
        if (move.target() == null || move.target().isBlank()) {
            throw new IllegalArgumentException("No target folder");
        }
        long moved = mailboxes.move(authentication.getName(), folder, uid, move.target());
        unread.forget(authentication.getName());
        return new Moved(move.target(), moved > 0 ? moved : null);
    }

    @DeleteMapping("/messages/{uid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long uid, @RequestParam(defaultValue = Mailboxes.INBOX) String folder,
                Authentication authentication) {
        mailboxes.delete(authentication.getName(), folder, uid);
        unread.forget(authentication.getName());
    }

    @PostMapping("/trash/empty")
    Emptied emptyTrash(Authentication authentication) {
        return new Emptied(mailboxes.emptyTrash(authentication.getName()));
    }

    @PostMapping(path = "/send", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    Sent send(@ModelAttribute ComposeForm form, Authentication authentication) {
        try {
            compositions.send(authentication.getName(), form);
        }
        catch (MailboxException failure) {
            if (MailFailure.of(failure) != MailFailure.SENT_NOT_SAVED) {
                throw failure;
            }
            // It has gone out: not an error to retry (that would send it twice), but worth saying.
            return new Sent(Mailboxes.SENT, failure.getMessage());
        }
        return new Sent(Mailboxes.SENT, null);
    }

    @PostMapping(path = "/drafts", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    Compositions.SavedDraft saveDraft(@ModelAttribute ComposeForm form, Authentication authentication) {
        return compositions.saveDraft(authentication.getName(), form);
    }

    @GetMapping("/templates/reply")
    Compositions.Start replyTemplate(@RequestParam(defaultValue = Mailboxes.INBOX) String folder,
                                     @RequestParam long uid, @RequestParam(defaultValue = "false") boolean all,
                                     Authentication authentication) {
        return compositions.reply(authentication.getName(), folder, uid, all);
    }

    @GetMapping("/templates/forward")
    Compositions.Start forwardTemplate(@RequestParam(defaultValue = Mailboxes.INBOX) String folder,
                                       @RequestParam long uid, Authentication authentication) {
        return compositions.forward(authentication.getName(), folder, uid);
    }

    @GetMapping("/recipients")
    List<Recipients.Recipient> recipients(@RequestParam(name = "q", defaultValue = "") String query) {
        return recipients.search(query);
    }

    /** Flags to set; a missing one stays as it is. */
    record FlagChange(Boolean seen, Boolean flagged) {
    }

    record MoveRequest(String target) {
    }

    /** Where the message went; {@code uid} is its UID there, when the mail server said. */
    record Moved(String folder, Long uid) {
    }

    record Emptied(int deleted) {
    }

    /** Sent; {@code warning} says when the copy in {@code copyIn} could not be kept. */
    record Sent(String copyIn, String warning) {
    }
}
