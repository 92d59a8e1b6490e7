package vn.lienthong.app.mail;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/**
 * The compose form, as the page posts it and as the API takes it ({@code multipart/form-data} or form-encoded). A
 * JavaBean rather than a record so that Spring binds repeated fields and uploaded files the usual way.
 *
 * <ul>
 *   <li>{@code to}, {@code cc}, {@code bcc}: recipients separated by commas ({@link AddressList});</li>
 *   <li>{@code replyFolder} + {@code replyUid}: the message this answers, for In-Reply-To, References and
 *       \Answered;</li>
 *   <li>{@code draftUid}: the previous version in Thư nháp, replaced by a save and removed by a send;</li>
 *   <li>{@code keep}: attachments already in the official's mailbox (of the message forwarded, or of the saved
 *       draft), each {@code <uid>:<partId>:<folder>} ({@link AttachmentRef}); fetched again as the official;</li>
 *   <li>{@code files}: new uploads.</li>
 * </ul>
 */
public class ComposeForm {

    private String to = "";
    private String cc = "";
    private String bcc = "";
    private String subject = "";
    private String text = "";
    private String replyFolder;
    private Long replyUid;
    private Long draftUid;
    private List<String> keep = new ArrayList<>();
    private List<MultipartFile> files = new ArrayList<>();

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to == null ? "" : to;
    }

    public String getCc() {
        return cc;
    }

    public void setCc(String cc) {
        this.cc = cc == null ? "" : cc;
    }

    public String getBcc() {
        return bcc;
    }

    public void setBcc(String bcc) {
        this.bcc = bcc == null ? "" : bcc;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject == null ? "" : subject;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? "" : text;
    }

    public String getReplyFolder() {
        return replyFolder;
    }

    public void setReplyFolder(String replyFolder) {
        this.replyFolder = replyFolder == null || replyFolder.isBlank() ? null : replyFolder;
    }

    public Long getReplyUid() {
        return replyUid;
    }

    public void setReplyUid(Long replyUid) {
        this.replyUid = replyUid;
    }

    public Long getDraftUid() {
        return draftUid;
    }

    public void setDraftUid(Long draftUid) {
        this.draftUid = draftUid != null && draftUid > 0 ? draftUid : null;
    }

    public List<String> getKeep() {
        return keep;
    }

    public void setKeep(List<String> keep) {
        this.keep = keep == null ? new ArrayList<>() : new ArrayList<>(keep);
    }

    public List<MultipartFile> getFiles() {
        return files;
    }

    public void setFiles(List<MultipartFile> files) {
        this.files = files == null ? new ArrayList<>() : new ArrayList<>(files);
    }
}
