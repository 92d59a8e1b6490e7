package vn.lienthong.app.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import vn.lienthong.mail.AttachmentContent;
import vn.lienthong.mail.Draft;
import vn.lienthong.mail.MailMessage;
import vn.lienthong.mail.MailboxException;
import vn.lienthong.mail.Mailboxes;

/**
 * Between the compose form and {@link Mailboxes}: turns a posted form into a {@link Draft} (recipients split,
 * uploads read, kept attachments fetched again from the official's own mailbox) and a reply, forward or saved draft
 * into the form the compose page starts from. Every call names the signed-in official; nothing here takes a
 * username from a request.
 */
@Component
@WhenMailEnabled
class Compositions {

    private final Mailboxes mailboxes;

    Compositions(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    void send(String username, ComposeForm form) {
        mailboxes.send(username, draft(username, form));
    }

    /**
     * Saves the form in Thư nháp in place of its previous version and returns the new version with its attachments
     * as they are now stored there, so that the next save or the send carries them by reference instead of uploading
     * them again.
     */
    SavedDraft saveDraft(String username, ComposeForm form) {
        long uid = mailboxes.saveDraft(username, draft(username, form));
        List<Kept> kept = List.of();
        if (uid > 0) {
            kept = kept(mailboxes.read(username, Mailboxes.DRAFTS, uid));
        }
        return new SavedDraft(uid > 0 ? uid : null, kept);
    }

    Draft draft(String username, ComposeForm form) {
        List<Draft.Attachment> attachments = new ArrayList<>();
        for (String text : form.getKeep()) {
            AttachmentRef ref = AttachmentRef.parse(text).orElseThrow(() -> new MailboxException(
                    "Tệp đính kèm không còn trong hộp thư (the attachment is no longer there)"));
            attachments.add(fetch(username, ref));
        }
        for (MultipartFile file : form.getFiles()) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            attachments.add(new Draft.Attachment(fileName(file.getOriginalFilename()),
                    file.getContentType() == null ? "application/octet-stream" : file.getContentType(),
                    bytes(file)));
        }
        Draft.MessageRef inReplyTo = form.getReplyFolder() != null && form.getReplyUid() != null
                && form.getReplyUid() > 0 ? new Draft.MessageRef(form.getReplyFolder(), form.getReplyUid()) : null;
        return new Draft(AddressList.split(form.getTo()), AddressList.split(form.getCc()),
                AddressList.split(form.getBcc()), form.getSubject(), form.getText(), null, attachments, inReplyTo,
                form.getDraftUid());
    }

    // ------------------------------------------------------------------ where the compose page starts

    /** An empty message, or one to the given recipients (a "write to" link). */
    Start blank(String to) {
        return new Start(to == null ? "" : to, "", "", "", "", null, null, null, List.of());
    }

    Start reply(String username, String folder, long uid, boolean all) {
        Draft reply = mailboxes.replyTemplate(username, folder, uid, all);
        return new Start(AddressList.join(reply.to()), AddressList.join(reply.cc()), "", reply.subject(),
                text(reply), folder, uid, null, List.of());
    }

    Start forward(String username, String folder, long uid) {
        Draft forward = mailboxes.forwardTemplate(username, folder, uid);
        List<Kept> kept = kept(mailboxes.read(username, folder, uid));
        return new Start("", "", "", forward.subject(), text(forward), null, null, null, kept);
    }

    /** A draft of Thư nháp, to go on writing it; saving or sending replaces it. */
    Start draft(String username, long uid) {
        MailMessage draft = mailboxes.read(username, Mailboxes.DRAFTS, uid);
        return new Start(AddressList.join(draft.to()), AddressList.join(draft.cc()), "", draft.subject(),
                draft.text() == null ? "" : draft.text(), null, null, uid, kept(draft));
    }

    private static String text(Draft draft) {
        return draft.text() == null ? "" : draft.text();
    }

    private static List<Kept> kept(MailMessage message) {
        return message.attachments().stream()
                .map(attachment -> new Kept(new AttachmentRef(message.uid(), attachment.partId(), message.folder())
                        .toString(), attachment.fileName(), attachment.contentType(), attachment.size()))
                .toList();
    }

    private Draft.Attachment fetch(String username, AttachmentRef ref) {
        AttachmentContent content;
        try {
            content = mailboxes.attachment(username, ref.folder(), ref.uid(), ref.partId());
        }
        catch (MailboxException e) {
            if (MailFailure.of(e) == MailFailure.NOT_FOUND) {
                throw new MailboxException("Tệp đính kèm không còn trong hộp thư (the attachment is no longer there)",
                        e);
            }
            throw e;
        }
        return new Draft.Attachment(content.fileName(), content.contentType(), content.content());
    }

    /** The file's own name, without a folder some browsers put in front of it. */
    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "tep-dinh-kem";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? "tep-dinh-kem" : name;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the compose page starts with.
     *
     * @param replyFolder folder of the message answered, or {@code null}
     * @param replyUid    its UID, or {@code null}
     * @param draftUid    the draft being continued, or {@code null}
     * @param kept        attachments carried over (forward, draft)
     */
    record Start(String to, String cc, String bcc, String subject, String text, String replyFolder, Long replyUid,
                 Long draftUid, List<Kept> kept) {
    }

    /** An attachment carried by reference: {@code ref} goes back in the form's {@code keep} field. */
    record Kept(String ref, String fileName, String contentType, long size) {
    }

    /** A saved draft: its UID in Thư nháp and its attachments, by reference. */
    record SavedDraft(Long draftUid, List<Kept> attachments) {
    }
}
