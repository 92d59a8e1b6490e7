package vn.lienthong.app.mail;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.lienthong.mail.MailboxException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second wall around a message's HTML (the frame's document and policy), the download types, and how mail
 * failures are told apart. The first wall, the allow-list, is the mail module's and tested there.
 */
class MessageFrameTests {

    @Test
    void frameDocumentCarriesNothingThatRunsEvenIfTheAllowListLetItThrough() {
        String document = MessageFrame.document("<p onclick=\"x()\">Xin chào</p><script>alert(1)</script>"
                + "<iframe src=\"https://evil.example\"></iframe><form><input></form><a href=\"https://x.vn\">x</a>"
                + "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://e.x\">",
                false, "vi");

        assertThat(document).contains("<p>Xin chào</p>", "lang=\"vi\"", "<base target=\"_blank\">",
                "rel=\"noopener noreferrer nofollow\"", "target=\"_blank\"");
        assertThat(document).doesNotContain("onclick", "<script", "<iframe", "<form", "evil.example", "refresh");
    }

    @Test
    void remoteImagesGetTheirAddressOnlyWhenAskedAndOnlyAWebAddress() {
        String held = "<img data-remote-src=\"https://baclieu.gov.vn/logo.png\" alt=\"logo\">"
                + "<img data-remote-src=\"javascript:alert(1)\" alt=\"bad\">";

        assertThat(MessageFrame.document(held, false, "vi")).doesNotContain(" src=");
        String shown = MessageFrame.document(held, true, "vi");
        assertThat(shown).contains(" src=\"https://baclieu.gov.vn/logo.png\"").doesNotContain(" src=\"javascript");
    }

    @Test
    void framePolicyForbidsScriptsAndAllowsRemoteImagesOnlyWhenAsked() {
        assertThat(MessageFrame.contentSecurityPolicy(false))
                .startsWith("default-src 'none'; img-src data: cid:;")
                .contains("style-src 'unsafe-inline'", "frame-ancestors 'self'", "form-action 'none'",
                        "sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox")
                .doesNotContain("script-src", "allow-scripts", "http:");
        assertThat(MessageFrame.contentSecurityPolicy(true)).contains("img-src data: cid: http: https:;");
    }

    @Test
    void downloadsThatABrowserWouldRunAreServedAsPlainBytes() {
        assertThat(AttachmentResponses.safeType("application/pdf")).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(AttachmentResponses.safeType("text/html; charset=utf-8")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(AttachmentResponses.safeType("image/svg+xml")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(AttachmentResponses.safeType("application/xhtml+xml")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(AttachmentResponses.safeType("không phải kiểu")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(AttachmentResponses.download(new vn.lienthong.mail.AttachmentContent("Báo cáo.pdf",
                "application/pdf", new byte[] {1})).getHeaders().getFirst("Content-Disposition"))
                .startsWith("attachment;").contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf");
    }

    @Test
    void mailFailuresAreToldApartByTheMailModulesMessages() {
        assertThat(MailFailure.of(new MailboxException("Không tìm thấy thư này (no such message)")))
                .isEqualTo(MailFailure.NOT_FOUND);
        assertThat(MailFailure.of(new MailboxException("Không có thư mục “X” (no such folder)")))
                .isEqualTo(MailFailure.NOT_FOUND);
        assertThat(MailFailure.of(new MailboxException("Thư quá lớn: 27,4 MB, tối đa 25,0 MB.")))
                .isEqualTo(MailFailure.TOO_LARGE);
        assertThat(MailFailure.of(new MailboxException("Địa chỉ người nhận không hợp lệ: “x” (invalid address)")))
                .isEqualTo(MailFailure.INVALID);
        assertThat(MailFailure.of(new MailboxException("Không gửi được thư: 550 ... (the message could not be sent)")))
                .isEqualTo(MailFailure.REFUSED);
        assertThat(MailFailure.of(new MailboxException("Không truy cập được hộp thư: Connection refused")))
                .isEqualTo(MailFailure.UNAVAILABLE);
        assertThat(MailFailure.of(new MailboxException("Không truy cập được hộp thư: A1 BAD FETCH failed. "
                + "Invalid messageset. (the mailbox could not be reached)"))).isEqualTo(MailFailure.NOT_FOUND);
        assertThat(MailFailure.UNAVAILABLE.messageForUser()).as("server replies are not shown").isFalse();
    }
}
